// Restore in two steps and the one-step Undo through the worker API (fake-indexeddb): checking writes nothing and says what
// the backup holds against what it replaces; the write is all or nothing with settings in IndexedDB (a million "haven't
// seen" ids included); storage too small refuses before writing; other exports are named; Undo puts back every byte.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { makeBackup } from '../../../src/engine/backup';
import { ImportError } from '../../../src/engine/movielens/errors';
import { openDb } from '../../../src/store/db';
import { getProfile } from '../../../src/store/profile';
import { getHidden } from '../../../src/store/hidden';
import { getSettings } from '../../../src/store/settings';
import { UndoGoneError } from '../../../src/store/personal';
import { StorageError } from '../../../src/store/storageError';
import { expectUnchanged, resetDb, seedPersonData, snapshot } from '../../storeSnapshot';

const day = 86_400_000;
const backupText = (n: number, settings?: Parameters<typeof makeBackup>[3], hidden = [{ movieId: 50, hiddenAt: 7 * day }]) =>
  JSON.stringify(makeBackup(Array.from({ length: n }, (_, i) => ({ movieId: 1000 + i, rating: ((i % 10) + 1) / 2, ratedAt: 1_500_000_000_000 + i * day })), new Date(0), hidden, settings));

beforeEach(async () => {
  await resetDb();
  await seedPersonData(); // 3 ratings, 1 hidden movie
});
afterEach(() => vi.unstubAllGlobals());

describe('restore', () => {
  test('checking says what the backup holds and what it replaces, and writes nothing', async () => {
    const db = await openDb();
    await api.saveSettings({ recommendations: { minCount: 20 } });
    const before = await snapshot(db);
    const s = await api.inspectBackup({ name: 'b.json', text: backupText(412, { onboarding: { notSeen: [1, 2, 3] } }, Array.from({ length: 9 }, (_, i) => ({ movieId: i + 1, hiddenAt: i }))) });
    expect(s).toMatchObject({ file: 'b.json', holds: { ratings: 412, hidden: 9, settings: true, notSeen: 3 }, replaces: { ratings: 3, hidden: 1, settings: true } });
    expect(s.bytes).toBeGreaterThan(412 * 24);
    await expectUnchanged(db, before);
    // A backup from before hidden marks and settings leaves them alone, and says so.
    const old = JSON.stringify({ format: 'pocketlens-backup', version: 1, exportedAt: '', ratings: [] });
    expect((await api.inspectBackup({ name: 'old.json', text: old })).holds).toEqual({ ratings: 0, hidden: null, watchlist: null, settings: false, notSeen: 0 });
    await expectUnchanged(db, before);
  });

  test('the write is one transaction: ratings with their dates, hidden marks and settings exactly the backup\'s; Undo puts back every byte', async () => {
    const db = await openDb();
    await api.saveSettings({ recommendations: { genre: 'Drama', minCount: 20 }, onboarding: { grid: false } });
    const before = await snapshot(db);
    const text = backupText(30, { recommendations: { minCount: 5 }, onboarding: { grid: true, notSeen: [7, 8] } });
    const s = await api.inspectBackup({ name: 'b.json', text });
    const r = await api.commitRestore(s.token);
    expect(r).toMatchObject({ file: 'b.json', count: 30, hidden: 1, undo: { id: s.token, kind: 'restore', file: 'b.json' } });
    const want = JSON.parse(text) as ReturnType<typeof makeBackup>;
    expect(await getProfile(db)).toEqual(want.ratings);
    expect(await getHidden(db)).toEqual(want.hidden);
    // Laid over the stored settings: the genre the backup does not name stays.
    expect(await getSettings(db)).toEqual({ recommendations: { genre: 'Drama', minCount: 5 }, onboarding: { grid: true, notSeen: [7, 8] } });
    expect(r.settings).toEqual(await getSettings(db));
    expect(await api.lastChange()).toMatchObject({ id: s.token, kind: 'restore', file: 'b.json' });

    const undone = await api.undo(r.undo.id);
    expect(undone).toMatchObject({ kind: 'restore', file: 'b.json', ratings: 3, hidden: 1, settings: true, settingsNow: { recommendations: { genre: 'Drama', minCount: 20 }, onboarding: { grid: false } } });
    await expectUnchanged(db, before);
    expect(await api.lastChange()).toBeNull();
    // One step: a second Undo has nothing to undo and changes nothing.
    await expect(api.undo(r.undo.id)).rejects.toThrow(UndoGoneError);
    await expectUnchanged(db, before);
  });

  test('a rating made after the restore makes it final: Undo refuses and changes nothing', async () => {
    const db = await openDb();
    const r = await api.restoreBackup(backupText(5), 'b.json');
    await api.rate(1000, 5);
    const after = await snapshot(db);
    await expect(api.undo(r.undo.id)).rejects.toThrow('Nothing to undo: your ratings, watchlist or hidden movies changed since');
    await expectUnchanged(db, after);
  });

  test('a movie put on the watchlist after the restore makes it final too, and the refusal says so', async () => {
    const db = await openDb();
    const r = await api.restoreBackup(backupText(5), 'b.json');
    await api.watch(1001, true);
    const after = await snapshot(db);
    await expect(api.undo(r.undo.id)).rejects.toThrow(/watchlist/);
    await expectUnchanged(db, after);
  });

  test('settings holding 1,000,000 "haven\'t seen" ids (7 MB) are kept in IndexedDB with the ratings, and onboarding skips them', async () => {
    const notSeen = Array.from({ length: 1_000_000 }, (_, i) => i + 1);
    const text = backupText(3, { onboarding: { notSeen } });
    expect(text.length).toBeGreaterThan(6_800_000);
    const s = await api.inspectBackup({ name: 'bk-notseen.json', text });
    expect(s.holds).toMatchObject({ ratings: 3, settings: true, notSeen: 1_000_000 });
    const r = await api.commitRestore(s.token);
    expect(r.count).toBe(3);
    const stored = await getSettings(await openDb());
    expect(stored?.onboarding?.notSeen).toHaveLength(1_000_000);
    expect(stored?.onboarding?.notSeen?.[999_999]).toBe(1_000_000);
    // A filter change touches the small settings only; the list stays as it is.
    await api.saveSettings({ recommendations: { minCount: 3 } });
    expect((await getSettings(await openDb()))?.onboarding?.notSeen).toHaveLength(1_000_000);
    // Every movie of the tiny catalogue has an id within 1..1,000,000: none is offered any more.
    expect(await api.onboardingMovies(10)).toEqual([]);
  });

  test('storage too small for the settings and ratings: refused before writing, with both sizes', async () => {
    const db = await openDb();
    const before = await snapshot(db);
    const estimate = vi.fn(async () => ({ usage: 1_000_000, quota: 3_000_000 }));
    vi.stubGlobal('navigator', { storage: { estimate } });
    const text = backupText(3, { onboarding: { notSeen: Array.from({ length: 300_000 }, (_, i) => i) } });
    const err = await api.inspectBackup({ name: 'big.json', text }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).toMatch(/^Not enough storage to restore the backup big\.json: it needs about 2\.\d MB and 2\.0 MB is available to this site\. Nothing was changed\./);
    expect(estimate).toHaveBeenCalled();
    await expectUnchanged(db, before);
  });

  test('an IMDb, Letterboxd or MovieLens CSV picked for Restore is named as such, before anything else', async () => {
    const db = await openDb();
    const before = await snapshot(db);
    const cases = [
      ['ratings.csv', 'Const,Your Rating,Date Rated,Title,URL,Title Type\ntt0114709,8,2020-01-01,Toy Story,,Movie\n', 'this is an IMDb ratings export, not a PocketLens backup: use "Import IMDb or Letterboxd" to add its ratings'],
      ['letterboxd.csv', '\uFEFFDate,Name,Year,Letterboxd URI,Rating\n2020-01-01,Heat,1995,https://boxd.it/x,4\n', 'this is a Letterboxd export, not a PocketLens backup: use "Import IMDb or Letterboxd" to add its ratings'],
      ['pocketlens-ratings.csv', 'userId,movieId,rating,timestamp\r\n1,1,4.0,1\r\n', 'this is a ratings.csv in MovieLens layout, not a PocketLens backup: a restore reads the JSON file that "Download backup" saves'],
    ] as const;
    for (const [name, text, problem] of cases) {
      const err = await api.inspectBackup({ name, text }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ImportError);
      expect({ file: (err as ImportError).file, line: (err as ImportError).line, problem: (err as ImportError).problem }).toEqual({ file: name, line: undefined, problem });
    }
    await expectUnchanged(db, before);
  });

  test('a file past the backup ceiling is refused from its size, before a byte is read', async () => {
    const stream = vi.fn();
    const huge = { name: 'huge.json', size: 300 * 1024 * 1024, stream } as unknown as File;
    await expect(api.inspectBackup(huge)).rejects.toThrow('huge.json: expected a PocketLens backup of at most 256 MiB (about 5 million ratings); this file is 300 MiB');
    expect(stream).not.toHaveBeenCalled();
  });

  test('a File is read in slices with progress; commitRestore needs the token of the last check', async () => {
    const text = backupText(2000);
    const progress: api.RestoreProgress[] = [];
    const s = await api.inspectBackup(new File([text], 'b.json'), (p) => progress.push(p));
    expect(progress[0].phase).toBe('read');
    expect(progress.find((p) => p.phase === 'read' && p.done === text.length)).toBeDefined();
    expect(progress.at(-1)).toEqual({ phase: 'check', done: text.length, total: text.length });
    await expect(api.commitRestore('not-the-token')).rejects.toThrow('no longer ready to restore');
    expect((await api.commitRestore(s.token)).count).toBe(2000);
    // Used once: the same token cannot write again.
    await expect(api.commitRestore(s.token)).rejects.toThrow('no longer ready to restore');
  });
});

describe('ratings removed and put back', () => {
  test('removing returns the rating with its date; putting it back with that date restores the record exactly', async () => {
    const db = await openDb();
    await api.rate(7, 3.5, 1_400_000_000_000);
    const before = await snapshot(db);
    const removed = await api.rate(7, null);
    expect(removed).toEqual({ movieId: 7, rating: 3.5, ratedAt: 1_400_000_000_000 });
    await api.rate(removed!.movieId, removed!.rating, removed!.ratedAt);
    await expectUnchanged(db, before);
    // An edit is dated now.
    const t0 = Date.now();
    await api.rate(7, 4);
    expect((await getProfile(db)).find((r) => r.movieId === 7)!.ratedAt).toBeGreaterThanOrEqual(t0);
    await expect(api.rate(7, 4, Number.NaN)).rejects.toThrow(RangeError);
  });
});

describe('IMDb/Letterboxd import and its Undo', () => {
  test('Undo puts back exactly the ratings as they were, a replaced rating with its own date', async () => {
    const db = await openDb();
    const before = await snapshot(db);
    // Movie 2 is rated 0.5 already; the import replaces it (takeImported) and adds two.
    const saved = await api.saveExternalImport(
      [
        { line: 2, movieId: 2, rating: 4, ratedAt: 1_600_000_000_000, takeImported: true },
        { line: 3, movieId: 3, rating: 3, ratedAt: null, takeImported: false },
        { line: 4, movieId: 5, rating: 2.5, ratedAt: 1_600_000_000_000, takeImported: false },
      ],
      'imdb.csv',
    );
    expect(saved).toMatchObject({ saved: 3, undo: { kind: 'import', file: 'imdb.csv' } });
    expect((await getProfile(db)).map((r) => [r.movieId, r.rating])).toEqual([
      [1, 4.5],
      [2, 4],
      [3, 3],
      [5, 2.5],
      [356, 3],
    ]);
    expect(await api.undo(saved.undo!.id)).toMatchObject({ kind: 'import', file: 'imdb.csv', ratings: 3, settings: false });
    await expectUnchanged(db, before);
  });

  test('an import that writes nothing leaves no Undo behind (the previous one stays)', async () => {
    const r = await api.restoreBackup(JSON.stringify(makeBackup([{ movieId: 1, rating: 4.5, ratedAt: 5 }])), 'b.json');
    const saved = await api.saveExternalImport([{ line: 2, movieId: 1, rating: 4.5, ratedAt: null, takeImported: false }], 'same.csv');
    expect(saved).toMatchObject({ saved: 0, undo: null });
    expect((await api.lastChange())?.id).toBe(r.undo.id);
  });
});

describe('the watchlist in a restore, an import and their Undo', () => {
  const backupWith = (watchlist: { movieId: number; addedAt: number }[]) =>
    JSON.stringify(makeBackup([{ movieId: 1, rating: 4, ratedAt: 5 }, { movieId: 2, rating: 3, ratedAt: 6 }], new Date(0), [], undefined, watchlist));

  test('a restore replaces the watchlist (less what it rates), the check says so, and Undo puts back every byte', async () => {
    const db = await openDb();
    await api.watch(3, true, 1_000);
    await api.watch(5, true, 2_000);
    const before = await snapshot(db);
    const text = backupWith([{ movieId: 2, addedAt: 7 }, { movieId: 6, addedAt: 8 }, { movieId: 356, addedAt: 9 }]);
    const s = await api.inspectBackup({ name: 'w.json', text });
    expect(s.holds.watchlist).toBe(3);
    expect(s.replaces.watchlist).toBe(2);
    await expectUnchanged(db, before);
    const r = await api.commitRestore(s.token);
    expect(r.watchlist).toBe(3);
    // Movie 2 is rated in the same backup: it never stays listed.
    expect((await api.marks()).watchlist).toEqual([6, 356]);
    expect(await api.undo(r.undo.id)).toMatchObject({ kind: 'restore', ratings: 3, watchlist: 2 });
    await expectUnchanged(db, before);
  });

  test('a version-1 backup keeps the watchlist but takes off what it rates; Undo puts it back', async () => {
    const db = await openDb();
    await api.watch(3, true, 1_000);
    await api.watch(6, true, 2_000);
    const before = await snapshot(db);
    const v1 = JSON.stringify({ format: 'pocketlens-backup', version: 1, exportedAt: '', ratings: [{ movieId: 6, rating: 4, ratedAt: 1 }] });
    const s = await api.inspectBackup({ name: 'old.json', text: v1 });
    expect(s.holds.watchlist).toBeNull();
    const r = await api.commitRestore(s.token);
    expect(r.watchlist).toBeUndefined();
    expect((await api.marks()).watchlist).toEqual([3]);
    await api.undo(r.undo.id);
    await expectUnchanged(db, before);
  });

  test('an import takes the movies it rates off the watchlist in its one transaction; Undo puts them back with their dates', async () => {
    const db = await openDb();
    await api.watch(3, true, 1_000);
    await api.watch(6, true, 2_000);
    const before = await snapshot(db);
    const saved = await api.saveExternalImport([{ line: 2, movieId: 3, rating: 4, ratedAt: 1_600_000_000_000, takeImported: false }], 'imdb.csv');
    expect(saved.saved).toBe(1);
    expect((await api.marks()).watchlist).toEqual([6]);
    expect(await api.undo(saved.undo!.id)).toMatchObject({ kind: 'import', ratings: 3, watchlist: 2 });
    await expectUnchanged(db, before);
  });

  test('a watchlist change after a restore makes it final: Undo refuses and changes nothing', async () => {
    const db = await openDb();
    const r = await api.restoreBackup(backupWith([{ movieId: 6, addedAt: 8 }]), 'w.json');
    await api.watch(3);
    const after = await snapshot(db);
    await expect(api.undo(r.undo.id)).rejects.toThrow(UndoGoneError);
    await expectUnchanged(db, after);
  });
});
