// Movie night members from taste codes and backup files, and the group list by movieId with names, stars and exclusions.
import { describe, expect, test } from 'vitest';
import { buildCsr } from '../../../../src/engine/als/csr';
import { trainAls } from '../../../../src/engine/als/train';
import { makeBackup } from '../../../../src/engine/backup';
import { memberFromBackup, memberFromTasteCode, rankMovieNight, readGroupMember, type GroupMember } from '../../../../src/engine/group/groupMembers';
import { encodeTasteCode, TasteCodeError } from '../../../../src/engine/group/tasteCode';
import { plantedLowRank } from '../../../../src/engine/synth';
import { importErrorOf } from '../../../importError';

describe('members', () => {
  const backup = JSON.stringify(
    makeBackup(
      [
        { movieId: 2571, rating: 4.5, ratedAt: 1_700_000_000_000 },
        { movieId: 1, rating: 3, ratedAt: 1_700_000_100_000 },
      ],
      new Date(0),
      [{ movieId: 296, hiddenAt: 1_700_000_200_000 }],
    ),
  );

  test("another person's backup: their ratings and hidden movies, under the name given", () => {
    expect(memberFromBackup(backup, 'sam-backup.json', 'Sam')).toEqual({
      name: 'Sam',
      ratings: [
        { movieId: 1, rating: 3 },
        { movieId: 2571, rating: 4.5 },
      ],
      hidden: [296],
      from: 'backup',
    });
  });

  test('a bad backup is refused by the restore parser, naming the file and field', () => {
    const bad = backup.replace('"rating":4.5', '"rating":7');
    expect(bad).not.toBe(backup);
    expect(importErrorOf(() => memberFromBackup(bad, 'sam.json', 'Sam')).message).toBe('sam.json: ratings[1].rating: expected 0.5 to 5 in half stars, found 7');
    expect(importErrorOf(() => readGroupMember('{"hello": 1}', 'notes.json', 'Sam')).message).toBe('notes.json: expected a PocketLens backup ("format": "pocketlens-backup")');
  });

  test("a taste code's own name wins; without one the name given is used", () => {
    const named = encodeTasteCode({ ratings: [{ movieId: 1, rating: 5 }], hidden: [3], name: 'Kim' });
    expect(memberFromTasteCode(named, 'Person 2')).toEqual({ name: 'Kim', ratings: [{ movieId: 1, rating: 5 }], hidden: [3], from: 'taste-code' });
    expect(memberFromTasteCode(encodeTasteCode({ ratings: [] }), 'Person 2').name).toBe('Person 2');
  });

  test('readGroupMember: pasted text is a code; a file is a code when it looks like one, else a backup', () => {
    const code = encodeTasteCode({ ratings: [{ movieId: 7, rating: 2.5 }] });
    expect(readGroupMember(code, null, 'P').from).toBe('taste-code');
    expect(readGroupMember(`${code}\n`, 'code.txt', 'P').from).toBe('taste-code');
    expect(readGroupMember(backup, 'b.json', 'P').from).toBe('backup');
    expect(() => readGroupMember(backup, null, 'P')).toThrow(TasteCodeError);
  });
});

describe('rankMovieNight: movieIds in and out', () => {
  const data = plantedLowRank({ users: 150, items: 120, rank: 3, density: 0.2, noise: 0.4, seed: 8 });
  const matrix = buildCsr(data.columns, data.nUsers, data.nItems);
  const explicit = trainAls(matrix, { rank: 6, lambda: 0.3, biasLambda: 3, lambdaExponent: 0.5, iterations: 6, seed: 4 });
  const implicit = trainAls(matrix, { rank: 6, lambda: 1, biasLambda: 0, iterations: 6, seed: 4, objective: 'implicit', implicitAlpha: 1 });
  // MovieLens-like ids: row i is movie 1000 + 7i.
  const movieIds = Array.from({ length: data.nItems }, (_, i) => 1000 + 7 * i);
  const byMovieId = new Map(movieIds.map((id, i) => [id, i]));
  const personOf = (u: number, name: string): GroupMember => {
    const { indptr, indices, values } = matrix.byUser;
    const ratings = [];
    for (let p = indptr[u]; p < indptr[u + 1]; p++) ratings.push({ movieId: movieIds[indices[p]], rating: values[p] });
    return { name, ratings, hidden: [], from: 'taste-code' };
  };
  const me = { ...personOf(0, 'Me'), from: 'me' as const };
  const sam = { ...personOf(5, 'Sam'), hidden: [movieIds[3], 999_999] };
  const kim = { ...personOf(9, 'Kim'), ratings: [...personOf(9, 'Kim').ratings, { movieId: 424_242, rating: 4 }] };

  test("names, each person's stars, nothing anyone rated or hid, and what the catalogue lacks", () => {
    const night = rankMovieNight([me, sam, kim], { byMovieId, movieIds, explicit, implicit }, { rule: 'average', n: 20, exclude: [movieIds[10]] });
    expect(night.rankedBy).toBe('implicit');
    expect(night.picks).toHaveLength(20);
    expect(night.members).toEqual([
      { name: 'Me', known: me.ratings.length, unknown: 0 },
      { name: 'Sam', known: sam.ratings.length, unknown: 1 },
      { name: 'Kim', known: kim.ratings.length - 1, unknown: 1 },
    ]);
    const seen = new Set([...me.ratings, ...sam.ratings, ...kim.ratings].map((r) => r.movieId));
    for (const p of night.picks) {
      expect(seen.has(p.movieId)).toBe(false);
      expect([movieIds[3], movieIds[10]]).not.toContain(p.movieId);
      expect(p.members.map((m) => m.name)).toEqual(['Me', 'Sam', 'Kim']);
      for (const m of p.members) expect(m.stars).toBeGreaterThanOrEqual(0.5);
      for (const m of p.members) expect(m.stars).toBeLessThanOrEqual(5);
      expect(p.score).toBe(p.scores.average);
    }
  });

  test('least misery with the explicit model alone; a custom scorer is reported as such; no model is an error', () => {
    const misery = rankMovieNight([me, sam], { byMovieId, movieIds, explicit, implicit: null }, { rule: 'misery', n: 5 });
    expect(misery).toMatchObject({ rule: 'misery', rankedBy: 'explicit' });
    expect(misery.picks.every((p) => p.score === p.scores.misery && p.scores.misery <= p.scores.average)).toBe(true);
    const seen = new Set([...me.ratings, ...sam.ratings].map((r) => r.movieId));
    const favourite = movieIds.findLast((id) => !seen.has(id))!;
    const custom = rankMovieNight([me, sam], { byMovieId, movieIds, explicit, implicit }, { rule: 'average', n: 3, scorer: (_m, out) => out.fill(1).set([9], byMovieId.get(favourite)!) });
    expect(custom.rankedBy).toBe('custom');
    expect(custom.picks[0].movieId).toBe(favourite);
    expect(() => rankMovieNight([me], { byMovieId, movieIds, explicit: null, implicit: null }, { rule: 'average', n: 3 })).toThrow('no trained model');
  });
});
