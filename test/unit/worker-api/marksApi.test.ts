// The watchlist and hidden movies through the worker API (fake-indexeddb): best predicted first, rating or hiding takes a
// movie off, Undo puts it back with its date, both travel in backups (version 1 still restores), the Letterboxd CSV.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { parseBackup } from '../../../src/engine/backup';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tiny/${name}`, import.meta.url)));
const ids = (entries: { movieId: number }[]) => entries.map((e) => e.movieId);

beforeAll(async () => {
  const zip = zipSync({ 'ml-tiny/ratings.csv': fixture('ratings.csv'), 'ml-tiny/movies.csv': fixture('movies.csv'), 'ml-tiny/links.csv': fixture('links.csv') });
  await api.importFiles([{ name: 'ml-tiny.zip', bytes: zip }], () => {});
  await api.train({ rank: 2, iterations: 6 }, () => {});
});

describe('watchlist', () => {
  test('before any rating it is sorted by the damped MovieLens average; after, by the predicted rating the movie panel shows', async () => {
    for (const [id, at] of [[3, 1_000], [5, 2_000], [8, 3_000], [2, 4_000]] as const) await api.watch(id, true, at);
    expect((await api.marks()).watchlist.sort()).toEqual([2, 3, 5, 8]);
    const cold = await api.watchlist();
    expect(cold.basis).toBe('average');
    // Damped (Bayesian) averages with the global mean 3 and 10 pseudo-ratings: 2 (4.5 once), 3 (3 once), 5 (2.5), 8 (3.5).
    const mean = 24 / 8;
    const damped = (sum: number, n: number) => (sum + 10 * mean) / (n + 10);
    expect(cold.entries.map((e) => [e.movieId, e.predicted])).toEqual([
      [2, damped(4.5, 1)],
      [8, damped(3.5, 1)],
      [3, damped(3, 1)],
      [5, damped(2.5, 1)],
    ]);

    await api.rate(1, 5);
    await api.rate(4, 1);
    const warm = await api.watchlist();
    expect(warm.basis).toBe('personal');
    expect(warm.entries).toHaveLength(4);
    for (const e of warm.entries) expect(e.predicted).toBeCloseTo((await api.movieDetails(e.movieId))!.predicted!, 10);
    const predicted = warm.entries.map((e) => e.predicted);
    expect(predicted).toEqual([...predicted].sort((a, b) => b - a));
  });

  test('rating a watchlisted movie takes it off; hiding one too, and says when it had been added so Undo restores it', async () => {
    await api.rate(5, 3.5);
    expect((await api.marks()).watchlist.sort()).toEqual([2, 3, 8]);
    expect(ids((await api.watchlist()).entries)).not.toContain(5);

    expect(await api.hide(8)).toEqual({ watchlistedAt: 3_000 });
    expect(await api.marks()).toEqual({ watchlist: expect.arrayContaining([2, 3]), hidden: [8] });
    expect((await api.marks()).watchlist).toHaveLength(2);
    // Undo: unhide, back on the watchlist with its own date.
    await api.hide(8, false);
    await api.watch(8, true, 3_000);
    expect((await api.watchlist()).entries.find((e) => e.movieId === 8)?.addedAt).toBe(3_000);
    // Hiding a movie that is not on the watchlist says so.
    expect(await api.hide(6)).toEqual({ watchlistedAt: null });
    // Wanting to watch a hidden movie unhides it.
    await api.watch(6);
    expect((await api.marks()).hidden).toEqual([]);
    await api.watch(6, false);
  });

  test('the hidden list: most recently hidden first, with cards for the screen', async () => {
    await api.hide(3);
    await new Promise((r) => setTimeout(r, 5));
    await api.hide(7);
    const hidden = await api.hiddenList();
    expect(ids(hidden)).toEqual([7, 3]);
    expect(hidden[0]).toMatchObject({ title: 'Hellboy: The Seeds of Creation', year: 2004 });
    expect(hidden[0].hiddenAt).toBeGreaterThanOrEqual(hidden[1].hiddenAt);
    await api.hide(3, false);
    await api.hide(7, false);
    expect(await api.hiddenList()).toEqual([]);
  });

  test('the Letterboxd watchlist CSV lists it in the order added, with ids', async () => {
    const out = await api.exportWatchlist();
    expect(out.csv.split('\r\n')).toEqual(['Title,Year,imdbID,tmdbID', 'Death Note: Desu nôto,2006,tt0877057,', 'The American President,1995,tt0112346,9087', '']);
  });

  test('a backup carries the watchlist (version 2); restoring it brings it back exactly; a version-1 backup leaves it but takes off what it rates', async () => {
    const { json } = await api.exportRatings();
    const backup = parseBackup(json, 'b.json');
    expect(backup.version).toBe(2);
    expect(backup.watchlist).toEqual([
      { movieId: 2, addedAt: 4_000 },
      { movieId: 8, addedAt: 3_000 },
    ]);
    await api.watch(2, false);
    await api.watch(1, true, 9_000); // rated: a restore would never keep it listed
    await api.restoreBackup(json, 'b.json');
    expect((await api.watchlist()).entries.map((e) => [e.movieId, e.addedAt]).sort()).toEqual([
      [2, 4_000],
      [8, 3_000],
    ]);
    const v1 = JSON.stringify({ format: 'pocketlens-backup', version: 1, exportedAt: '', ratings: [{ movieId: 8, rating: 4, ratedAt: 1 }] });
    await api.restoreBackup(v1, 'old.json');
    expect((await api.marks()).watchlist).toEqual([2]);
  });
});
