// Property tests of the person's backup: random profiles (half stars, times, hidden marks) survive export → restore into
// a fresh database exactly; corrupted or foreign backups are refused with an ImportError before anything changes.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeBackup, parseBackup, ratingsCsv, type Backup } from '../../../src/engine/backup';
import { parseRatingsCsv } from '../../../src/engine/movielens/ratingsCsv';
import { closeDb, openDb, tx } from '../../../src/store/db';
import { STORES } from '../../../src/store/schema';
import { exportRatings } from '../../../src/worker-api/profileApi';
import { restoreBackup } from '../../../src/worker-api/restoreApi';
import { getProfile } from '../../../src/store/profile';
import { getHidden } from '../../../src/store/hidden';
import { getSettings, mergeSettings } from '../../../src/store/settings';
import { toV4Blocks } from '../../../src/store/migrations/v4IdBlocks';
import { RUNS, fuzzParams, checkImportError, dec, enc, mutate, mutationsArb } from '../../fuzz';
import { expectUnchanged, seedPersonData, snapshot } from '../../storeSnapshot';

/** A brand-new empty IndexedDB for the next openDb(). */
async function freshDb() {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  return openDb();
}

const timeArb = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.double({ min: 0, max: 9.9e12, noNaN: true }));
const movieIdArb = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 999_999_999 }), fc.constant(Number.MAX_SAFE_INTEGER));
const profileArb = fc.record({
  ratings: fc.uniqueArray(fc.record({ movieId: movieIdArb, rating: fc.integer({ min: 1, max: 10 }).map((h) => h / 2), ratedAt: timeArb }), { selector: (r) => r.movieId, maxLength: 30 }),
  hidden: fc.uniqueArray(fc.record({ movieId: movieIdArb, hiddenAt: timeArb }), { selector: (r) => r.movieId, maxLength: 10 }),
});
const yearArb = fc.option(fc.integer({ min: 1800, max: 2200 }));
const settingsArb = fc.record(
  {
    recommendations: fc.record(
      { genre: fc.option(fc.string({ maxLength: 100 })), yearFrom: yearArb, yearTo: yearArb, minCount: fc.nat(1_000_000), rankBy: fc.constantFrom('explicit' as const, 'implicit' as const) },
      { requiredKeys: [] },
    ),
    onboarding: fc.record({ grid: fc.boolean(), dismissed: fc.boolean(), notSeen: fc.uniqueArray(movieIdArb, { maxLength: 10 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

describe('backup round trip', () => {
  test('export then restore into a fresh database gives every store byte for byte, and the same settings; the CSV reads back as the same ratings', async () => {
    await fc.assert(
      fc.asyncProperty(profileArb, fc.option(settingsArb, { nil: undefined }), async (p, settings) => {
        const a = await freshDb();
        // Seeded with plain puts of blocks cut by schema 4's frozen cutter, not through the code under test.
        const profile = toV4Blocks(p.ratings.map((r) => r.movieId), { ratings: p.ratings.map((r) => r.rating), ratedAt: p.ratings.map((r) => r.ratedAt) });
        const hidden = toV4Blocks(p.hidden.map((h) => h.movieId), { hiddenAt: p.hidden.map((h) => h.hiddenAt) });
        await tx(a, [STORES.profileBlocks, STORES.hiddenBlocks, STORES.meta], 'readwrite', async (t) => {
          for (const b of profile) await t.objectStore(STORES.profileBlocks).put(b as never);
          for (const b of hidden) await t.objectStore(STORES.hiddenBlocks).put(b as never);
          if (settings) {
            // As schema 4 keeps them: the small settings in one record, the "haven't seen" list (when there is one) in its own.
            const { notSeen, ...onboarding } = settings.onboarding ?? {};
            await t.objectStore(STORES.meta).put({ key: 'settings', value: settings.onboarding ? { ...settings, onboarding } : settings });
            if (notSeen) await t.objectStore(STORES.meta).put({ key: 'notSeen', value: notSeen });
          }
        });
        const before = await snapshot(a);
        const out = await exportRatings();
        expect(out.count).toBe(p.ratings.length);
        expect(parseBackup(out.json, 'backup.json').settings).toEqual(settings);
        const b = await freshDb();
        expect((await restoreBackup(out.json, 'backup.json')).count).toBe(p.ratings.length);
        // Every store byte for byte but Undo's, which holds what the restore replaced: nothing, in a fresh database.
        const { undo: undoAfter, ...after } = await snapshot(b);
        const { undo: undoBefore, ...rest } = before;
        expect(Object.keys(after).filter((n) => !after[n as keyof typeof after].equals(rest[n as keyof typeof rest]))).toEqual([]);
        expect(undoBefore.equals(undoAfter)).toBe(false);
        const undo = await tx(b, [STORES.undo], 'readonly', (t) => t.objectStore(STORES.undo).get('last'));
        expect(undo).toMatchObject({ kind: 'restore', file: 'backup.json', profile: [] });
        expect(undo!.hidden).toEqual([]);
        expect(undo!.settings).toEqual(settings ? null : undefined);
        // The CSV export: MovieLens ratings.csv, seconds, oldest first.
        const want = [...p.ratings].sort((x, y) => x.ratedAt - y.ratedAt || x.movieId - y.movieId);
        // ids past 9 digits cannot be MovieLens ids; the CSV parser refuses them (the JSON backup keeps them).
        if (want.length && want.every((r) => r.movieId <= 999_999_999)) {
          const csv = parseRatingsCsv(enc(out.csv), 'export.csv');
          expect(Array.from(csv.movieIds)).toEqual(want.map((r) => r.movieId));
          expect(Array.from(csv.ratings)).toEqual(want.map((r) => r.rating));
          expect(Array.from(csv.timestamps)).toEqual(want.map((r) => Math.floor(r.ratedAt / 1000)));
        }
      }),
      fuzzParams(Math.max(40, RUNS / 5)),
    );
  });
});

/** Structural damage: one field of a valid backup replaced by something else. */
const badValue = fc.oneof(
  fc.constantFrom(null, -1, 1.5, 0, 5.5, 0.25, 1e300, -1e300, '1', '', true, [], {}, 'pocketlens-backup', 2, 1, Number.MAX_SAFE_INTEGER + 2),
  fc.anything({ maxDepth: 2 }),
);
const fieldArb = fc.oneof(
  fc.record({ where: fc.constant('top' as const), key: fc.constantFrom('format', 'version', 'ratings', 'hidden', 'exportedAt', 'settings') }),
  fc.record({ where: fc.constant('settings' as const), index: fc.constant(0), key: fc.constantFrom('recommendations', 'onboarding', 'recommendations.minCount', 'recommendations.yearTo', 'recommendations.rankBy', 'onboarding.notSeen', 'onboarding.grid') }),
  fc.record({ where: fc.constant('rating' as const), index: fc.nat(40), key: fc.constantFrom('movieId', 'rating', 'ratedAt', 'extra') }),
  fc.record({ where: fc.constant('hidden' as const), index: fc.nat(40), key: fc.constantFrom('movieId', 'hiddenAt') }),
  fc.record({ where: fc.constant('dupe' as const), index: fc.nat(40), key: fc.constant('') }),
);

function damage(backup: Backup, field: { where: string; index?: number; key: string }, value: unknown): unknown {
  const b = structuredClone(backup) as unknown as Record<string, unknown> & { ratings: Record<string, unknown>[]; hidden: Record<string, unknown>[] };
  if (field.where === 'top') b[field.key] = value;
  else if (field.where === 'settings') {
    const [group, key] = field.key.split('.');
    const settings = (b.settings ??= {}) as Record<string, Record<string, unknown>>;
    if (key) (settings[group] ??= {})[key] = value;
    else settings[group] = value as Record<string, unknown>;
  }
  else if (field.where === 'dupe') {
    if (b.ratings.length) b.ratings.push({ ...b.ratings[field.index! % b.ratings.length] });
  } else {
    const list = field.where === 'rating' ? b.ratings : b.hidden;
    if (list.length) list[field.index! % list.length][field.key] = value;
  }
  return b;
}

describe('damaged and foreign backups', () => {
  test('are refused with an ImportError naming the file before anything changes; what is accepted is restored exactly', async () => {
    await freshDb();
    await seedPersonData();
    const db = await openDb();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(profileArb, settingsArb, fc.oneof(fc.record({ kind: fc.constant('bytes' as const), mutations: mutationsArb }), fc.record({ kind: fc.constant('field' as const), field: fieldArb, value: badValue })), async (p, settings, hurt) => {
        const valid = makeBackup(p.ratings, new Date(0), p.hidden, settings);
        const text = hurt.kind === 'bytes' ? dec(mutate(enc(JSON.stringify(valid, null, 1)), hurt.mutations)) : JSON.stringify(damage(valid, hurt.field, hurt.value));
        const before = await snapshot(db);
        const settingsBefore = await getSettings(db);
        let parsed: Backup | null = null;
        try {
          parsed = parseBackup(text, 'b.json');
        } catch (e) {
          expect(checkImportError(e, 'b.json').line).toBeUndefined();
        }
        const restored = await restoreBackup(text, 'b.json').then(
          (r) => r.count,
          (e: unknown) => checkImportError(e, 'b.json'),
        );
        if (!parsed) {
          refused++;
          expect(typeof restored).not.toBe('number');
          await expectUnchanged(db, before);
          return;
        }
        // Accepted (the damage left a valid backup): the ratings and, when listed, the marks are exactly the backup's.
        expect(restored).toBe(parsed.ratings.length);
        const [profile, hidden] = await Promise.all([getProfile(db), getHidden(db)]);
        expect(profile).toEqual([...parsed.ratings].sort((x, y) => x.movieId - y.movieId));
        if (parsed.hidden) expect(hidden).toEqual([...parsed.hidden].sort((x, y) => x.movieId - y.movieId));
        const after = await snapshot(db);
        for (const s of [STORES.datasets, STORES.movieBlocks, STORES.movieTags, STORES.ratingChunks, STORES.ratingTimes, STORES.models]) expect(after[s].equals(before[s])).toBe(true);
        // Settings change only when the backup holds some: then they are laid over the stored ones, field by field.
        if (!parsed.settings) expect(after[STORES.meta].equals(before[STORES.meta])).toBe(true);
        else expect(await getSettings(db)).toEqual(mergeSettings(settingsBefore ?? {}, parsed.settings));
      }),
      // fake-indexeddb costs ~80 ms a run here (two snapshots and a restore).
      fuzzParams(Math.max(40, RUNS / 6)),
    );
    expect(refused).toBeGreaterThan(Math.max(40, RUNS / 6) / 3);
  });

  test('any JSON at all is a backup or an ImportError naming the file, never another exception', () => {
    const shaped = fc.record({ format: fc.constantFrom('pocketlens-backup', 'other'), version: fc.constantFrom(1, 2, '1'), ratings: fc.oneof(fc.array(fc.anything({ maxDepth: 2 })), fc.anything()), hidden: fc.anything() }, { requiredKeys: ['format'] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped, fc.string()), (v) => {
        const text = typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined';
        try {
          parseBackup(text, 'b.json');
        } catch (e) {
          checkImportError(e, 'b.json');
        }
      }),
      fuzzParams(RUNS * 2),
    );
  });

  test('every backup that is accepted exports a ratings.csv that reads back as the same ratings', () => {
    const loose = fc.record({
      movieId: fc.oneof(fc.integer({ min: 0, max: 999_999_999 }), fc.double()),
      rating: fc.integer({ min: 1, max: 10 }).map((h) => h / 2),
      ratedAt: fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(-1, 1e300, 9.9e12, 1e13, Number.MAX_VALUE)),
    });
    fc.assert(
      fc.property(fc.uniqueArray(loose, { selector: (r) => r.movieId, maxLength: 10 }), (ratings) => {
        let b: Backup;
        try {
          b = parseBackup(JSON.stringify({ format: 'pocketlens-backup', version: 1, ratings }), 'b.json');
        } catch (e) {
          checkImportError(e, 'b.json');
          return;
        }
        if (!b.ratings.length) return; // nothing to export (the screen offers no download then)
        const csv = parseRatingsCsv(enc(ratingsCsv(b.ratings)), 'export.csv');
        expect(csv.length).toBe(b.ratings.length);
        expect(new Set(csv.movieIds)).toEqual(new Set(b.ratings.map((r) => r.movieId)));
      }),
      fuzzParams(RUNS),
    );
  });
});
