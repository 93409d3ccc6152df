// Onboarding picks are popular movies spread out in factor space: measurably wider than the plain most-rated list.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildCsr } from '../../../../src/engine/als/csr';
import { trainAls } from '../../../../src/engine/als/train';
import { explicitDefaults } from '../../../../src/engine/defaults/explicitDefaults';
import { onboardingPicks, popularPool, spreadOf, type FactorTable } from '../../../../src/engine/als/onboarding';
import { plantedLowRank } from '../../../../src/engine/synth';
import { buildDataset } from '../../../../src/engine/movielens/dataset';
import { identifyFiles, unzipMovieLens } from '../../../../src/engine/movielens/files';
import { sampleZipPath } from '../../../sample';

const data = plantedLowRank({ users: 400, items: 300, rank: 6, density: 0.15, noise: 0.3, seed: 11, clamp: true });
const model = trainAls(buildCsr(data.columns, data.nUsers, data.nItems), { ...explicitDefaults, rank: 8, iterations: 8 });
// Popularity unrelated to taste: a fixed permutation with a long tail (item 7·k mod 300 is the k-th most rated).
const counts = new Int32Array(data.nItems);
for (let k = 0; k < data.nItems; k++) counts[(7 * k) % data.nItems] = Math.round(5000 / (1 + k));

function dist(m: FactorTable, a: number, b: number): number {
  let d = 0;
  for (let f = 0; f < m.rank; f++) d += (m.itemFactors[a * m.rank + f] - m.itemFactors[b * m.rank + f]) ** 2;
  return Math.sqrt(d);
}

describe('onboardingPicks', () => {
  const pool = popularPool(counts, 60);
  const picks = onboardingPicks(model, counts, { n: 12, poolSize: 60 });

  test('every pick is one of the 60 most-rated movies, no pick twice, same answer every time', () => {
    expect(picks).toHaveLength(12);
    expect(new Set(picks).size).toBe(12);
    for (const p of picks) expect(pool).toContain(p);
    expect(pool.slice(0, 3)).toEqual([0, 7, 14]);
    expect(picks[0]).toBe(pool[0]); // the best known movie opens
    expect(onboardingPicks(model, counts, { n: 12, poolSize: 60 })).toEqual(picks);
  });

  test('each pick is the pool movie farthest from all earlier picks (brute force)', () => {
    for (let k = 1; k < picks.length; k++) {
      const gap = (i: number) => Math.min(...picks.slice(0, k).map((p) => dist(model, i, p)));
      const best = Math.max(...pool.filter((i) => !picks.slice(0, k).includes(i)).map(gap));
      expect(gap(picks[k])).toBeCloseTo(best, 5);
    }
  });

  test('the picks spread much wider in factor space than the 12 most-rated movies', () => {
    const spread = spreadOf(model, picks);
    const top = spreadOf(model, pool.slice(0, 12));
    console.log(JSON.stringify({ synthetic: { picks: spread, top12: top } }));
    // Measured: mean distance 1.77 vs 1.26, closest pair 1.25 vs 0.39, log det 8.3 vs 5.1.
    expect(spread.meanDistance).toBeGreaterThan(1.25 * top.meanDistance);
    expect(spread.minDistance).toBeGreaterThan(2 * top.minDistance);
    expect(spread.logDet).toBeGreaterThan(top.logDet + 1);
  });

  test('excluded movies never come back; anchors (rated movies) push the next pick away from them', () => {
    const rated = picks.slice(0, 4);
    const skipped = [pool[1], pool[2]];
    const next = onboardingPicks(model, counts, { n: 10, poolSize: 60, exclude: [...rated, ...skipped], anchors: rated });
    expect(next.filter((i) => rated.includes(i) || skipped.includes(i))).toEqual([]);
    for (const i of next) expect(popularPool(counts, 66)).toContain(i);
    const gap = (i: number) => Math.min(...rated.map((r) => dist(model, i, r)));
    const candidates = popularPool(counts, 60, [...rated, ...skipped]);
    expect(gap(next[0])).toBeCloseTo(Math.max(...candidates.map(gap)), 5);
  });

  test('asks for no more than the pool holds; no counts, no picks', () => {
    expect(onboardingPicks(model, counts, { n: 100, poolSize: 20 })).toHaveLength(20);
    expect(onboardingPicks(model, new Int32Array(data.nItems), { n: 5 })).toEqual([]);
  });
});

describe.runIf(sampleZipPath)('onboarding on the real ml-latest-small with the app\'s model', () => {
  test('20 picks among the 200 most-rated movies spread wider than the 20 most-rated', () => {
    const d = buildDataset(identifyFiles(unzipMovieLens('ml-latest-small.zip', new Uint8Array(readFileSync(sampleZipPath!))), 'sample'));
    const real = trainAls(buildCsr(d.ratings, d.stats.users, d.movies.length), explicitDefaults);
    const c = new Int32Array(d.movies.length);
    for (const m of d.movies) c[m.index] = m.count;
    const picks = onboardingPicks(real, c, { n: 20 });
    const pool = popularPool(c, 200);
    for (const p of picks) expect(pool).toContain(p);
    expect(Math.min(...picks.map((p) => c[p]))).toBeGreaterThanOrEqual(c[pool[199]]);
    const spread = spreadOf(real, picks);
    const top = spreadOf(real, pool.slice(0, 20));
    console.log(JSON.stringify({ mlLatestSmall: { picks: spread, top20: top, titles: picks.slice(0, 10).map((p) => d.movies[p].title) } }));
    // Measured: mean distance 1.66 vs 1.40, closest pair 1.33 vs 0.59, log det 15.8 vs 12.7.
    expect(spread.meanDistance).toBeGreaterThan(1.1 * top.meanDistance);
    expect(spread.minDistance).toBeGreaterThan(1.8 * top.minDistance);
    expect(spread.logDet).toBeGreaterThan(top.logDet + 2);
  });
});
