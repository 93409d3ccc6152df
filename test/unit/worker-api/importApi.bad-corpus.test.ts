// The bad-file corpus (test/fixtures/bad, manifest expected.json) through the real import and restore paths over a database
// holding a person's data: each refusal is the exact ImportError (file, line, problem) and leaves every store byte for
// byte; each accepted file imports exactly the rows the manifest lists.
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { ImportError } from '../../../src/engine/movielens/errors';
import { openDb } from '../../../src/store/db';
import { getProfile } from '../../../src/store/profile';
import { hiddenMovies } from '../../../src/store/hidden';
import { getDataset, readMovies, readRatings } from '../../../src/store/datasets';
import { STORES } from '../../../src/store/schema';
import { importFiles } from '../../../src/worker-api/importApi';
import { restoreBackup } from '../../../src/worker-api/restoreApi';
import { expectUnchanged, seedPersonData, snapshot } from '../../storeSnapshot';

interface Case {
  file: string;
  kind?: 'backup';
  as?: string;
  with?: string[];
  why: string;
  error?: { file: string; line: number | null; problem: string };
  accepted?: {
    ratings: number;
    users?: number;
    movies?: number;
    missingMovies?: number;
    duplicates?: number;
    notes?: string[];
    rows?: [number, number, number, number][];
    profile?: { movieId: number; rating: number; ratedAt: number }[];
    hiddenMovieIds?: number[];
    /** Titles of some movies by movieId (placeholders for movies met only in the ratings). */
    titles?: Record<string, string>;
  };
}

const dir = new URL('../../fixtures/bad/', import.meta.url);
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
const { cases } = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as { cases: Case[] };

describe('bad-file corpus', () => {
  beforeAll(async () => {
    await seedPersonData();
  });

  test('holds at least 40 files, every one of them listed in the manifest', () => {
    const files = readdirSync(dir).filter((f) => f !== 'expected.json' && f !== 'make-zips.ts');
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.file))).toEqual(new Set(files));
    expect(cases.filter((c) => c.error).length).toBeGreaterThanOrEqual(40);
  });

  test.each(cases.map((c) => [`${c.file}: ${c.why}`, c] as const))('%s', async (_name, c) => {
    const db = await openDb();
    const before = await snapshot(db);
    const bytes = fixture(`bad/${c.file}`);
    const run =
      c.kind === 'backup'
        ? () => restoreBackup(new TextDecoder().decode(bytes), c.file).then((r) => r.count)
        : () => importFiles([{ name: c.as!, bytes }, ...c.with!.map((p) => ({ name: p.split('/').pop()!, bytes: fixture(p) }))], () => {});
    if (c.error) {
      const err = await run().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ImportError);
      const e = err as ImportError;
      expect({ file: e.file, line: e.line ?? null, problem: e.problem }).toEqual(c.error);
      await expectUnchanged(db, before);
      return;
    }
    const want = c.accepted!;
    if (c.kind === 'backup') {
      expect(await run()).toBe(want.ratings);
      const [profile, hidden] = await Promise.all([getProfile(db), hiddenMovies(db)]);
      expect(profile).toEqual(want.profile);
      expect([...hidden]).toEqual(want.hiddenMovieIds);
      return;
    }
    const summary = (await run()) as Awaited<ReturnType<typeof importFiles>>;
    expect({ ratings: summary.ratings, users: summary.users, movies: summary.movies, notes: summary.notes }).toEqual({ ratings: want.ratings, users: want.users, movies: want.movies, notes: want.notes });
    const rec = (await getDataset(db, summary.id))!;
    expect({ missingMovies: rec.stats.missingMovies, duplicates: rec.stats.duplicates }).toEqual({ missingMovies: want.missingMovies, duplicates: want.duplicates });
    const movies = await readMovies(db, summary.id);
    const r = await readRatings(db, rec);
    const rows = Array.from({ length: r.length }, (_, i) => [r.users[i], movies[r.items[i]].movieId, r.ratings[i], r.timestamps[i]]);
    expect(rows).toEqual(want.rows);
    for (const [id, title] of Object.entries(want.titles ?? {})) expect(movies.find((m) => m.movieId === Number(id))?.title).toBe(title);
    // The person's ratings, hidden marks and model were not touched by an import.
    const after = await snapshot(db);
    for (const s of [STORES.profileBlocks, STORES.hiddenBlocks, STORES.undo, STORES.models]) expect(after[s].equals(before[s])).toBe(true);
  });
});
