// Unit tests for parallel ALS: balanced row chunks, and worker_threads training bit-identical to one thread.
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeShardPool, type NodeShardPool } from '../../../../src/cli/nodeShardPool';
import { buildCsr } from '../../../../src/engine/als/csr';
import { shareMatrix, splitRows } from '../../../../src/engine/als/shard';
import { trainAls } from '../../../../src/engine/als/train';
import { trainAlsParallel } from '../../../../src/engine/als/trainParallel';
import { plantedLowRank } from '../../../../src/engine/synth';
import type { AlsModel, AlsParams, IterationInfo } from '../../../../src/engine/types';

describe('splitRows', () => {
  it('covers every row once in contiguous chunks of about equal cost', () => {
    // 100 rows: row r has r % 10 entries, one heavy row of 300.
    const counts = Array.from({ length: 100 }, (_, r) => (r === 50 ? 300 : r % 10));
    const indptr = new Int32Array(101);
    counts.forEach((c, r) => (indptr[r + 1] = indptr[r] + c));
    for (const parts of [1, 2, 3, 8]) {
      const b = splitRows(indptr, parts, 4);
      expect(b.length).toBe(parts + 1);
      expect(b[0]).toBe(0);
      expect(b[parts]).toBe(100);
      for (let c = 0; c < parts; c++) expect(b[c + 1]).toBeGreaterThanOrEqual(b[c]);
    }
    const b = splitRows(indptr, 2, 4);
    const cost = (from: number, to: number) => indptr[to] - indptr[from] + 4 * (to - from);
    const total = cost(0, 100);
    expect(Math.abs(cost(0, b[1]) - total / 2)).toBeLessThanOrEqual(300 + 4);
    expect(splitRows(new Int32Array(1), 3)).toEqual(new Int32Array(4));
  });
});

describe('shareMatrix', () => {
  it('copies every array to shared memory once, and keeps a matrix that is already there', () => {
    const m = buildCsr({ users: Int32Array.of(0, 1), items: Int32Array.of(1, 0), ratings: Float32Array.of(4, 2), length: 2 }, 2, 2);
    const shared = shareMatrix(m);
    for (const rows of [shared.byUser, shared.byItem]) {
      for (const a of [rows.indptr, rows.indices, rows.values]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
    expect(Array.from(shared.byItem.values)).toEqual(Array.from(m.byItem.values));
    expect(shareMatrix(shared)).toBe(shared);
  });
});

describe('trainAlsParallel over worker_threads', () => {
  const data = plantedLowRank({ users: 150, items: 120, rank: 3, density: 0.25, noise: 0.3, seed: 12 });
  const matrix = buildCsr(data.columns, data.nUsers, data.nItems);
  // Started once (each thread boots tsx) and set up afresh by every training.
  const pools: NodeShardPool[] = [2, 3].map((n) => createNodeShardPool(n));
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  const same = (a: AlsModel, b: AlsModel) => {
    for (const key of ['userFactors', 'itemFactors', 'userBias', 'itemBias'] as const) {
      expect(b[key].buffer).toBeInstanceOf(ArrayBuffer); // plain copies, storable in IndexedDB
      expect(Buffer.from(b[key].buffer).equals(Buffer.from(a[key].buffer))).toBe(true);
    }
    expect(b.mu).toBe(a.mu);
  };

  // The last case has Rendle et al.'s knobs: the star offset makes a shared copy of the values for the threads.
  const rendle: Partial<AlsParams> = { unobservedWeight: 0.5, frequencyScaled: true, starOffset: 3, lambda: 0.01 };
  const cases = [
    ['explicit', 'exact', {}],
    ['explicit', 'cg', {}],
    ['implicit', 'exact', {}],
    ['implicit', 'cg', {}],
    ['implicit', 'cg', rendle],
  ] as const;
  for (const [objective, solver, extra] of cases) {
    it(`gives bit-identical tables to trainAls with 2 and 3 threads (${objective}, ${solver} solver${Object.keys(extra).length ? ', α0, frequency-scaled, star offset' : ''})`, async () => {
      const params: AlsParams = { rank: 6, lambda: 0.1, biasLambda: 2, lambdaExponent: 0.5, iterations: 4, seed: 2, solver, objective, ...extra };
      const reports: IterationInfo[] = [];
      const one = trainAls(matrix, params, { onIteration: (i) => reports.push(i) });
      for (const pool of pools) {
        const threads = pool.size;
        const seen: IterationInfo[] = [];
        const model = await trainAlsParallel(matrix, params, pool, { onIteration: (i) => seen.push(i) });
        same(one, model);
        expect(seen.map((i) => i.iteration)).toEqual([1, 2, 3, 4]);
        expect(seen.map((i) => i.trainRmse)).toEqual(reports.map((i) => i.trainRmse));
        expect(seen.every((i) => i.workers === threads)).toBe(true);
      }
    });
  }

  it('stops between half-steps when asked', async () => {
    const pool = pools[0];
    let polls = 0;
    const run = trainAlsParallel(matrix, { rank: 4, lambda: 0.1, biasLambda: 1, iterations: 5, seed: 1 }, pool, { shouldStop: () => ++polls >= 3 });
    await expect(run).rejects.toThrow('ALS training cancelled');
    expect(polls).toBe(3);
  });
});
