// A model is used only against the dataset content it was trained on: a dataset rewritten under the same id makes
// its model unused (status says "no model", the list falls back, the app retrains), through the worker API on fake-indexeddb.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { openDb, tx } from '../../../src/store/db';
import { datasetFingerprint, latestModel, modelFits } from '../../../src/store/models';
import { STORES, type DatasetRecord, type ModelRecord } from '../../../src/store/schema';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tiny/${name}`, import.meta.url)));

async function record(id: string): Promise<DatasetRecord> {
  const db = await openDb();
  return (await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).get(id)))!;
}
async function rewrite(d: DatasetRecord): Promise<void> {
  const db = await openDb();
  await tx(db, [STORES.datasets], 'readwrite', (t) => t.objectStore(STORES.datasets).put(d), 'strict');
}
async function models(): Promise<ModelRecord[]> {
  const db = await openDb();
  return tx(db, [STORES.models], 'readonly', (t) => t.objectStore(STORES.models).getAll());
}

describe('model fingerprints', () => {
  test('a model trained on a dataset carries its fingerprint and serves it', async () => {
    const zip = zipSync({ 'ml-tiny/ratings.csv': fixture('ratings.csv'), 'ml-tiny/movies.csv': fixture('movies.csv') });
    const ds = await api.importFiles([{ name: 'ml-tiny.zip', bytes: zip }], () => {});
    const m = await api.train({ rank: 2, iterations: 3 }, () => {});
    const [stored] = await models();
    expect(stored.datasetFingerprint).toBe(datasetFingerprint(await record(ds.id)));
    expect((await api.status()).model?.id).toBe(m.id);
    await api.rate(1, 5);
    expect((await api.recommend({ n: 5, minCount: 0 })).kind).toBe('personal');
  });

  test('the same id re-imported with the same totals (another import time and size) no longer matches: the model is ignored, then retrained', async () => {
    const before = (await api.status()).active!;
    const d = await record(before.id);
    // The ids and every count stay; only the import's time and the bytes its chunks took differ.
    const changed: DatasetRecord = { ...d, createdAt: d.createdAt + 1, storedBytes: (d.storedBytes ?? 0) + 8 };
    expect(datasetFingerprint(changed)).not.toBe(datasetFingerprint(d));
    await rewrite(changed);
    await api.reload(); // what the page does after another tab's change

    const status = await api.status();
    expect(status.model).toBeNull(); // so the app trains instead of serving the old model
    expect((await api.recommend({ n: 5, minCount: 0 })).kind).toBe('popular');
    expect((await api.listDatasetInfo())[0].hasModel).toBe(false);
    const detail = await api.movieDetails(3);
    expect(detail?.similar).toEqual([]); // no neighbours from the stale factors either

    const fresh = await api.train({ rank: 2, iterations: 3 }, () => {});
    expect((await api.status()).model?.id).toBe(fresh.id);
    expect((await api.recommend({ n: 5, minCount: 0 })).kind).toBe('personal');
    const all = await models();
    expect(all).toHaveLength(1); // the stale model was replaced (one model per dataset and objective), never served
    expect(all.find((x) => x.id === fresh.id)!.datasetFingerprint).toBe(datasetFingerprint(changed));
  });

  test('each part of the fingerprint counts: id, import time, ratings, people, movies, chunks', async () => {
    const d = await record((await api.status()).active!.id);
    const base = datasetFingerprint(d);
    expect(datasetFingerprint({ ...d })).toBe(base); // deterministic
    const variants: DatasetRecord[] = [
      { ...d, id: `${d.id}x` },
      { ...d, createdAt: d.createdAt + 1 },
      { ...d, stats: { ...d.stats, ratings: d.stats.ratings + 1 } },
      { ...d, stats: { ...d.stats, users: d.stats.users + 1 } },
      { ...d, stats: { ...d.stats, movies: d.stats.movies + 1 } },
      { ...d, chunkCount: d.chunkCount + 1 },
    ];
    expect(new Set(variants.map(datasetFingerprint)).size).toBe(variants.length);
    for (const v of variants) expect(datasetFingerprint(v)).not.toBe(base);
  });

  test('models stored before fingerprints: used only while the dataset has their shape', async () => {
    const db = await openDb();
    const d = await record((await api.status()).active!.id);
    const current = (await latestModel(db, d.id))!;
    const legacy: ModelRecord = { ...current, id: 'legacy', trainedAt: current.trainedAt + 1000 };
    delete legacy.datasetFingerprint;
    expect(modelFits(legacy, d)).toBe(true);
    expect(modelFits({ ...legacy, nItems: legacy.nItems + 1 }, d)).toBe(false);
    expect(modelFits({ ...legacy, nUsers: legacy.nUsers - 1 }, d)).toBe(false);
    await tx(db, [STORES.models], 'readwrite', (t) => t.objectStore(STORES.models).put({ ...legacy, nItems: legacy.nItems + 1 }), 'strict');
    // The newer but misshapen legacy model is skipped; the fingerprinted one still serves.
    expect((await latestModel(db, d.id))!.id).toBe(current.id);
  });
});
