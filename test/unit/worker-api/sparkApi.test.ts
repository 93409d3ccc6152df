// Spark model import in the worker API (fake-indexeddb): a zipped Spark export + movies.csv becomes a dataset and a
// model that recommends from those factors; every bad input is located and leaves the store as it was.
import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { openDb, tx } from '../../../src/store/db';
import { latestModel } from '../../../src/store/models';
import { STORES } from '../../../src/store/schema';
import type { ImportProgress } from '../../../src/worker-api/apiTypes';
import { partName, plantedSpark } from '../../fixtures/spark/plantedSpark';
import { resetDb } from '../../storeSnapshot';

const planted = plantedSpark();
const file = (name: string, data: string | Uint8Array) => new File([typeof data === 'string' ? data : new Uint8Array(data)], name);
const zipFile = (folder: Record<string, string>, name = 'item-factors.zip') =>
  file(name, zipSync(Object.fromEntries(Object.entries(folder).map(([f, t]) => [`item-factors/${f}`, strToU8(t)]))));

async function storeCounts(): Promise<Record<string, number>> {
  const db = await openDb();
  const names = [STORES.datasets, STORES.movieBlocks, STORES.movieTags, STORES.ratingChunks, STORES.ratingTimes, STORES.models, STORES.profileBlocks, STORES.meta] as const;
  return tx(db, [...names], 'readonly', async (t) => Object.fromEntries(await Promise.all(names.map(async (n) => [n, await t.objectStore(n).count()]))));
}

beforeEach(resetDb);

describe('importSpark', () => {
  test('zip of 3 part files + movies.csv: a dataset and a Spark model; rating cluster A high puts cluster A on top', async () => {
    const progress: ImportProgress[] = [];
    const res = await api.importSpark([file('item-factors.zip', planted.zip), file('movies.csv', planted.moviesCsv)], {}, (p) => progress.push(p));
    expect(res).toMatchObject({ rank: 4, factorRows: 62, partFiles: 3, droppedWithoutMovie: 2, moviesWithoutFactors: 0 });
    expect(res.dataset).toMatchObject({ name: 'item-factors', movies: 60, ratings: 0 });
    expect(res.dataset.notes.join(' ')).toContain('2 of 62 Spark factor rows have an id that is not a movieId in movies.csv');
    expect(progress.at(-1)).toMatchObject({ fraction: 1 });
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));

    const db = await openDb();
    const model = (await latestModel(db, res.dataset.id))!;
    expect(model).toMatchObject({ rank: 4, nItems: 60, mu: 0, params: { lambda: 0.1, lambdaExponent: 1 } });
    // Row of movie index 1 (movieId 13, cluster B) holds its Spark factor: ~2 on axis 1.
    expect(model.itemFactors[1 * 4 + 1]).toBeGreaterThan(1.8);
    const status = await api.status();
    expect(status.active?.id).toBe(res.dataset.id);
    expect(status.model?.id).toBe(res.modelId);

    for (const id of planted.clusterA.slice(0, 3)) await api.rate(id, 5);
    for (const id of planted.clusterB.slice(0, 3)) await api.rate(id, 1);
    const recs = await api.recommend({ n: 10 });
    expect(recs.kind).toBe('personal');
    expect(recs.items).toHaveLength(10);
    for (const r of recs.items) expect(planted.clusterA).toContain(r.movieId);
    expect(recs.items[0].predicted).toBeGreaterThan(4);
    // Spark's scores have no biases: the 1-star B movies still share the person's B axis, so the order is A, B, then C.
    const all = (await api.recommend({ n: 60 })).items.map((r) => r.movieId);
    expect(all).toHaveLength(54);
    expect(new Set(all.slice(0, 17))).toEqual(new Set(planted.clusterA.slice(3)));
    expect(new Set(all.slice(17, 34))).toEqual(new Set(planted.clusterB.slice(3)));
    expect(new Set(all.slice(34))).toEqual(new Set(planted.clusterC));
  });

  test('loose part files (a picked folder) + movies.csv + ratings.csv: statistics from ratings.csv, same factors', async () => {
    const parts = Object.entries(planted.folder).map(([name, text]) => file(name, text));
    const res = await api.importSpark([...parts, file('movies.csv', planted.moviesCsv), file('ratings.csv', planted.ratingsCsv)], { regParam: 0.05, name: 'spark-60' }, () => {});
    expect(res.dataset).toMatchObject({ name: 'spark-60', movies: 60, ratings: 1800, users: 60 });
    const db = await openDb();
    expect((await latestModel(db, res.dataset.id))!.params.lambda).toBe(0.05);
    for (const id of planted.clusterA.slice(0, 2)) await api.rate(id, 5);
    await api.rate(planted.clusterC[0], 1);
    // Each movie has 30 ratings in ratings.csv, so the default minimum of 25 keeps them all.
    const recs = await api.recommend({ n: 5 });
    expect(recs.items.map((r) => r.count)).toEqual([30, 30, 30, 30, 30]);
    for (const r of recs.items) expect(planted.clusterA).toContain(r.movieId);
    const map = await api.tasteMap();
    expect(map?.points.slice(0, map.sampled)).toHaveLength(60);
  });

  test("the dataset's GroupLens zip (movies.csv, ratings.csv, README) next to the Spark zip gives titles and statistics", async () => {
    const release = zipSync({ 'ml-planted/movies.csv': strToU8(planted.moviesCsv), 'ml-planted/ratings.csv': strToU8(planted.ratingsCsv), 'ml-planted/README.txt': strToU8('readme') });
    const res = await api.importSpark([file('item-factors.zip', planted.zip), file('ml-planted.zip', release)], {}, () => {});
    expect(res.dataset).toMatchObject({ movies: 60, ratings: 1800, users: 60 });
    expect(res.droppedWithoutMovie).toBe(2);
  });

  test('a malformed JSON line in a part file: error names the zip entry and line; nothing stored changes', async () => {
    const first = await api.importSpark([file('item-factors.zip', planted.zip), file('movies.csv', planted.moviesCsv)], {}, () => {});
    await api.rate(planted.clusterA[0], 4);
    const before = await storeCounts();
    const bad = { ...planted.folder };
    const lines = bad[partName(1)].split('\n');
    lines[2] = '{"id": 55, "features": [0.1, 0.2,';
    bad[partName(1)] = lines.join('\n');
    await expect(api.importSpark([zipFile(bad), file('movies.csv', planted.moviesCsv)], {}, () => {})).rejects.toThrow(
      `item-factors.zip/item-factors/${partName(1)}, line 3: expected a JSON object {"id": …, "features": […]}`,
    );
    expect(await storeCounts()).toEqual(before);
    expect((await api.status()).active?.id).toBe(first.dataset.id);
  });

  test('a factor of the wrong length, no movies.csv, no part files, or ids from another dataset: located errors, nothing written', async () => {
    const short = { ...planted.folder };
    const lines = short[partName(2)].split('\n');
    lines[1] = JSON.stringify({ id: 31, features: [0.1, 0.2, 0.3] });
    short[partName(2)] = lines.join('\n');
    await expect(api.importSpark([zipFile(short), file('movies.csv', planted.moviesCsv)], {}, () => {})).rejects.toThrow(
      `item-factors.zip/item-factors/${partName(2)}, line 2: expected 4 features like the rows before, found 3`,
    );
    await expect(api.importSpark([file('item-factors.zip', planted.zip)], {}, () => {})).rejects.toThrow(/expected the dataset's movies\.csv next to the Spark item factors/);
    await expect(api.importSpark([file('movies.csv', planted.moviesCsv)], {}, () => {})).rejects.toThrow(/movies\.csv: expected Spark part-\*\.json files/);
    const other = 'movieId,title,genres\n1,Other (2000),Drama\n2,Another (2001),Drama\n';
    await expect(api.importSpark([file('item-factors.zip', planted.zip), file('movies.csv', other)], {}, () => {})).rejects.toThrow(
      'movies.csv: expected the movieIds of the Spark model; none of its 62 ids is in this file',
    );
    await expect(api.importSpark([file('item-factors.zip', strToU8('PK\u0003\u0004 broken')), file('movies.csv', planted.moviesCsv)], {}, () => {})).rejects.toThrow(/^item-factors\.zip: expected a complete zip archive/);
    expect(await storeCounts()).toMatchObject({ datasets: 0, movieBlocks: 0, models: 0 });
  });

  test('a Spark zip is read like a release zip: a zip bomb is refused before it inflates, a damaged entry fails its CRC; nothing written', async () => {
    // 64 MiB of newlines deflate to about 64 KB (1,000 : 1); the reader stops past 64 : 1, a few MiB in.
    const bomb = zipSync({ 'item-factors/part-00000-bomb.json': new Uint8Array(64 << 20).fill(10) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1 << 20);
    const progress: ImportProgress[] = [];
    await expect(api.importSpark([file('item-factors.zip', bomb), file('movies.csv', planted.moviesCsv)], {}, (p) => progress.push(p))).rejects.toThrow(
      /^item-factors\.zip: item-factors\/part-00000-bomb\.json inflates to more than 64 times its compressed size .* looks like a zip bomb/,
    );
    // Stored (not deflated) entries with one flipped byte: the CRC-32 check names the entry.
    const stored = zipSync(Object.fromEntries(Object.entries(planted.folder).map(([f, t]) => [`item-factors/${f}`, strToU8(t)])), { level: 0 });
    const at = stored.indexOf(strToU8('"features"')[0], 200);
    stored[at + 1] ^= 1;
    await expect(api.importSpark([file('item-factors.zip', stored), file('movies.csv', planted.moviesCsv)], {}, () => {})).rejects.toThrow(/fails its CRC-32 check/);
    expect(await storeCounts()).toMatchObject({ datasets: 0, movieBlocks: 0, models: 0 });
  });
});
