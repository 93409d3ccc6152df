// Movie night through the worker API (fake-indexeddb): my taste code, others read from codes and backups (refusals named),
// and the group list on a dataset with planted tastes: least misery never lists what one person would rate low.
import 'fake-indexeddb/auto';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { decodeTasteCode, encodeTasteCode, TasteCodeError } from '../../../src/engine/group/tasteCode';
import { makeBackup } from '../../../src/engine/backup';
import { ImportError } from '../../../src/engine/movielens/errors';

const enc = (s: string) => new TextEncoder().encode(s);

/**
 * Six kinds of movie, ten of each (movieIds 1–60), and 80 people of two tastes. The stars each taste gives a kind:
 * A and B split the two tastes (5 vs 1), C pleases both (4), E is A's favourite and fine for B (5 / 3.5), F the
 * reverse, D is dull for both (2.5).
 */
const KINDS = ['A', 'B', 'C', 'E', 'F', 'D'] as const;
type Kind = (typeof KINDS)[number];
const STARS: Record<Kind, [number, number]> = { A: [5, 1], B: [1, 5], C: [4, 4], E: [5, 3.5], F: [3.5, 5], D: [2.5, 2.5] };
const kindOf = (movieId: number): Kind => KINDS[Math.floor((movieId - 1) / 10)];
const idsOf = (kind: Kind) => Array.from({ length: 10 }, (_, k) => KINDS.indexOf(kind) * 10 + k + 1);

function plantedRelease(): Uint8Array {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const movies = ['movieId,title,genres', ...Array.from({ length: 60 }, (_, k) => `${k + 1},Movie ${kindOf(k + 1)}${(k % 10) + 1} (${1990 + k}),Drama`)];
  const ratings = ['userId,movieId,rating,timestamp'];
  for (let u = 1; u <= 80; u++) {
    const taste = u <= 40 ? 0 : 1;
    for (let m = 1; m <= 60; m++) {
      if (rand() > 0.75) continue;
      const noisy = STARS[kindOf(m)][taste] + (rand() < 0.25 ? -0.5 : rand() < 0.33 ? 0.5 : 0);
      ratings.push(`${u},${m},${Math.min(5, Math.max(0.5, noisy)).toFixed(1)},${964982703 + m}`);
    }
  }
  return zipSync({ 'ml-planted/movies.csv': enc(movies.join('\n') + '\n'), 'ml-planted/ratings.csv': enc(ratings.join('\n') + '\n') });
}

const rows = (list: api.NightList) => list.rows.map((r) => r.movie.movieId);

describe('movie night', () => {
  // Me (stored): taste A — loves five A movies, hates five B movies, hides D60. The other person: taste B, hides F41.
  const mine = [...idsOf('A').slice(0, 5).map((id) => [id, 5]), ...idsOf('B').slice(0, 5).map((id) => [id, 1]), [51, 2.5]] as [number, number][];
  const theirs = [...idsOf('B').slice(0, 5).map((id) => ({ movieId: id, rating: 5 })), ...idsOf('A').slice(0, 5).map((id) => ({ movieId: id, rating: 1 }))];
  let sam: api.GroupMember;

  beforeAll(async () => {
    await api.importFiles([{ name: 'ml-planted.zip', bytes: plantedRelease() }], () => {});
    await api.train({ rank: 4, iterations: 10 }, () => {});
    await api.reload();
    for (const [id, stars] of mine) await api.rate(id, stars);
    await api.hide(60);
    sam = await api.readMember({ text: encodeTasteCode({ ratings: theirs, hidden: [41], name: 'Sam' }) }, 'Person 2');
  }, 60_000);

  test('my taste code holds exactly my stored ratings and hidden movies, and my name', async () => {
    const mineCode = await api.myTasteCode('Ana');
    expect(mineCode).toMatchObject({ ratings: 11, hidden: 1, leftOut: 0 });
    expect(mineCode.code.startsWith('PL1.')).toBe(true);
    const back = decodeTasteCode(mineCode.code);
    expect(back.name).toBe('Ana');
    expect(back.ratings.map((r) => [r.movieId, r.rating])).toEqual([...mine].sort((a, b) => a[0] - b[0]));
    expect(back.hidden).toEqual([60]);
    expect(decodeTasteCode((await api.myTasteCode()).code).name).toBeNull();
    await expect(api.myTasteCode('x'.repeat(41))).rejects.toThrow('the name is 41 bytes in UTF-8; at most 40');
  });

  test('a member read from a code keeps the code’s name; from a backup file, the name given', async () => {
    expect(sam).toEqual({ name: 'Sam', ratings: [...theirs].sort((a, b) => a.movieId - b.movieId), hidden: [41], from: 'taste-code' });
    const unnamed = await api.readMember({ text: encodeTasteCode({ ratings: theirs }) }, 'Person 2');
    expect(unnamed.name).toBe('Person 2');
    // A code wrapped over lines when pasted reads the same.
    const wrapped = encodeTasteCode({ ratings: theirs, name: 'Sam' }).replace(/(.{20})/g, '$1\n  ');
    expect((await api.readMember({ text: wrapped }, 'x')).ratings).toEqual(sam.ratings);

    const backup = JSON.stringify(makeBackup(theirs.map((r) => ({ ...r, ratedAt: 1_700_000_000_000 })), new Date(), [{ movieId: 41, hiddenAt: 1_700_000_000_000 }]));
    const fromFile = await api.readMember({ file: new File([backup], 'sam-backup.json') }, 'Sam B.');
    expect(fromFile).toEqual({ name: 'Sam B.', ratings: sam.ratings, hidden: [41], from: 'backup' });
    expect(await api.readMember({ text: backup }, 'Pasted')).toMatchObject({ name: 'Pasted', from: 'backup', hidden: [41] });
  });

  test('what is not a member is refused with what was wrong, where', async () => {
    const code = encodeTasteCode({ ratings: theirs, name: 'Sam' });
    const refusal = async (source: api.MemberSource) => {
      try {
        await api.readMember(source, 'x');
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as Error).message;
      }
      throw new Error('expected a refusal');
    };
    // One character changed: the checksum catches it.
    const bad = code.slice(0, 12) + (code[12] === 'A' ? 'B' : 'A') + code.slice(13);
    await expect(api.readMember({ text: bad }, 'x')).rejects.toBeInstanceOf(TasteCodeError);
    expect(await refusal({ text: bad })).toMatch(/^taste code/);
    expect(await refusal({ text: code.slice(0, -6) })).toMatch(/^taste code.*(cut short|checksum)/);
    expect(await refusal({ text: 'PL1.abc$def' })).toBe('taste code, character 8: expected a base64url character (A–Z, a–z, 0–9, - or _), found "$"');
    expect(await refusal({ text: 'hello' })).toMatch(/^taste code, character 1: /);
    expect(await refusal({ text: '  \n' })).toBe('pasted text: nothing was pasted: expected a taste code ("PL1.…")');
    expect(await refusal({ text: 'PL1.' + 'A'.repeat(100_001) })).toBe('taste code: the text is 100,005 characters; a taste code is at most 100,000');
    expect(await refusal({ file: new File(['Const,Your Rating,Date Rated,Title\ntt0111161,10,2020-01-01,The Shawshank Redemption\n'], 'imdb.csv') })).toBe(
      'imdb.csv: this is an IMDb ratings export, not a PocketLens backup. Movie night reads a PocketLens backup (JSON) or a taste code ("PL1.…")',
    );
    expect(await refusal({ file: new File(['{"format":"pocketlens-backup","version":1,"ratings":[{"movieId":1,"rating":7,"ratedAt":0}]}'], 'b.json') })).toBe(
      'b.json: ratings[0].rating: expected 0.5 to 5 in half stars, found 7',
    );
    const huge = { size: 257 * 1024 * 1024, name: 'huge.json', arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as File;
    expect(await refusal({ file: huge })).toBe('huge.json: expected a PocketLens backup of at most 256 MiB (about 5 million ratings); this file is 257 MiB');
  });

  test('least misery never lists a movie one of us would rate low; the average rule lists a different night', async () => {
    const misery = await api.movieNight([sam], 'misery', { myName: 'Ana', n: 10 });
    const average = await api.movieNight([sam], 'average', { myName: 'Ana', n: 10 });
    expect(misery.members).toEqual([
      { name: 'Ana', known: 11, unknown: 0 },
      { name: 'Sam', known: 10, unknown: 0 },
    ]);
    // 60 movies less 11 rated by me, 1 hidden by me, 10 rated by Sam (the same 10 as mine bar D51), 1 hidden by Sam.
    expect(misery.candidates).toBe(60 - 11 - 1 - 1);
    expect(misery.rows).toHaveLength(10);
    for (const list of [misery, average]) {
      for (const r of list.rows) {
        expect(r.members.map((m) => m.name)).toEqual(['Ana', 'Sam']);
        for (const m of r.members) expect(m.stars).toBeGreaterThanOrEqual(0.5);
        expect([...mine.map(([id]) => id), ...theirs.map((t) => t.movieId), 60, 41]).not.toContain(r.movie.movieId);
      }
    }
    // Misery: the ten movies both like (C: 4 stars each), never A or B (1 star for one of us), never below 3.5 stars.
    expect(rows(misery).map(kindOf)).toEqual(Array(10).fill('C'));
    for (const r of misery.rows) expect(Math.min(...r.members.map((m) => m.stars!))).toBeGreaterThanOrEqual(3.5);
    // Each row says how much each of us would like it: a C movie about 4 for both.
    const c = misery.rows[0].members.map((m) => m.stars!);
    for (const s of c) expect(Math.abs(s - 4)).toBeLessThan(0.6);
    // Average: the favourites of one that the other finds fine (E, F: 5 and 3.5 stars) beat C's 4 and 4.
    expect(rows(average).map(kindOf).every((k) => k === 'E' || k === 'F')).toBe(true);
    for (const r of average.rows) expect(Math.max(...r.members.map((m) => m.stars!))).toBeGreaterThan(4.5);
    expect(rows(average)).not.toEqual(rows(misery));
    expect(average.rows.every((r) => kindOf(r.movie.movieId) !== 'D')).toBe(true);
  });

  test('each row says where the movie stands for each person: its place among all candidates by their own scores', async () => {
    const all = await api.movieNight([sam], 'average', { n: 100 });
    expect(all.rows).toHaveLength(all.candidates);
    for (const k of [0, 1]) {
      const byScore = [...all.rows].sort((a, b) => b.members[k].normalized - a.members[k].normalized);
      expect(byScore.map((r) => r.members[k].rank)).toEqual(byScore.map((r) => 1 + byScore.filter((o) => o.members[k].normalized > r.members[k].normalized).length));
      expect(byScore[0].members[k].rank).toBe(1);
    }
    // My 15 five-star candidates (A6–A10, E) and Sam's 14 (B16–B20, F42–F50) come before any C movie (4 stars).
    const top = (k: number) => new Set(all.rows.filter((r) => r.members[k].rank <= 14).map((r) => kindOf(r.movie.movieId)));
    expect(top(0)).toEqual(new Set(['A', 'E']));
    expect(top(1)).toEqual(new Set(['B', 'F']));
    const misery = await api.movieNight([sam], 'misery', { n: 10 });
    for (const r of misery.rows) for (const m of r.members) expect(m.rank).toBeGreaterThan(14);
  });

  test('two to four people, a known rule and a trained model, or a plain refusal', async () => {
    await expect(api.movieNight([], 'average')).rejects.toThrow('movie night is you and 1 to 3 others; got 0');
    await expect(api.movieNight([sam, sam, sam, sam], 'average')).rejects.toThrow('movie night is you and 1 to 3 others; got 4');
    await expect(api.movieNight([sam], 'median' as api.GroupRule)).rejects.toThrow('expected the rule "average" or "misery", got "median"');
    const three = await api.movieNight([sam, { ...sam, name: 'Kai' }, { ...sam, name: 'Lee' }], 'average');
    expect(three.rows).toHaveLength(20);
    expect(three.rows[0].members.map((m) => m.name)).toEqual(['You', 'Sam', 'Kai', 'Lee']);
  });
});
