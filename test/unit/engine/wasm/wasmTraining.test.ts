// Whole trainings with the WebAssembly kernels: the JavaScript path's RMSE within 1e-4, deterministic, any thread count alike.
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeShardPool } from '../../../../src/cli/nodeShardPool';
import { buildCsr } from '../../../../src/engine/als/csr';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { topN } from '../../../../src/engine/als/recommend';
import { randomHoldout } from '../../../../src/engine/als/split';
import { trainAls } from '../../../../src/engine/als/train';
import { explicitDefaults as defaultAlsParams } from '../../../../src/engine/defaults/explicitDefaults';
import { trainAlsParallel } from '../../../../src/engine/als/trainParallel';
import { benchRatings } from '../../../../src/engine/benchRatings';
import { WasmKernels } from '../../../../src/engine/wasm/wasmKernels';
import type { AlsModel, AlsParams, IterationInfo } from '../../../../src/engine/types';
import { simdHandle } from '../../../wasmKernels';

// ml-25m-shaped ratings with a planted signal: long-tailed users and movies, so rows of every length occur.
const data = benchRatings(120_000, 5);
const { train, test } = randomHoldout(data.columns, 0.1, 3);
const matrix = buildCsr(train, data.nUsers, data.nItems);

const tables = (m: AlsModel) => [m.userFactors, m.itemFactors, m.userBias, m.itemBias].map((a) => Array.from(a));

function run(params: AlsParams, kernel: boolean): Promise<{ model: AlsModel; history: IterationInfo[] }> {
  return (async () => {
    const history: IterationInfo[] = [];
    const model = trainAls(matrix, params, { validation: test, onIteration: (i) => history.push(i), kernel: kernel ? await simdHandle() : null });
    return { model, history };
  })();
}

describe('a training with the WASM SIMD kernels', () => {
  const pool = createNodeShardPool(2);
  afterAll(() => pool.close());

  for (const [label, params] of [
    ['explicit, rank 32 (CG)', { ...defaultAlsParams, rank: 32, iterations: 8 }],
    ['explicit, rank 8 (exact)', { ...defaultAlsParams, rank: 8, iterations: 8 }],
    ['implicit, rank 32 (CG)', { ...defaultAlsParams, rank: 32, iterations: 8, objective: 'implicit', lambda: 5 }],
  ] as [string, AlsParams][]) {
    it(`${label}: every iteration's train and validation RMSE within 1e-4 of the JS kernels`, async () => {
      const js = await run(params, false);
      const wasm = await run(params, true);
      expect(wasm.history.map((i) => i.kernel)).toEqual(new Array(8).fill('wasm-simd'));
      expect(js.history.map((i) => i.kernel)).toEqual(new Array(8).fill('js'));
      for (let it = 0; it < 8; it++) {
        expect(Math.abs(wasm.history[it].trainRmse - js.history[it].trainRmse)).toBeLessThan(1e-4);
        expect(Math.abs(wasm.history[it].validationRmse! - js.history[it].validationRmse!)).toBeLessThan(1e-4);
      }
      // It learned: well below the first iteration's error (the planted signal is there to find).
      expect(wasm.history[7].trainRmse).toBeLessThan(0.95 * wasm.history[0].trainRmse);
      // The same person folded into either model gets the same top 10 (same kernels serving as training).
      const items = [0, 5, 9, 40, 77];
      const stars = [5, 4, 1, 4.5, 2];
      const serve = new WasmKernels(await simdHandle());
      const listJs = topN(js.model, foldIn(js.model, items, stars), { n: 10, exclude: items }).map((s) => s.item);
      const listWasm = topN(wasm.model, foldIn(wasm.model, items, stars, undefined, serve), { n: 10, exclude: items }, serve).map((s) => s.item);
      expect(listWasm.filter((i) => listJs.includes(i)).length).toBeGreaterThanOrEqual(9);
    });
  }

  it('is deterministic, and bit for bit the same over 1 and 2 worker threads', async () => {
    const params: AlsParams = { ...defaultAlsParams, rank: 24, iterations: 4 };
    const once = trainAls(matrix, params, { kernel: await simdHandle() });
    const again = trainAls(matrix, params, { kernel: await simdHandle() });
    expect(tables(again)).toEqual(tables(once));
    const seen: IterationInfo[] = [];
    const parallel = await trainAlsParallel(matrix, params, pool, { kernel: await simdHandle(), onIteration: (i) => seen.push(i) });
    expect(tables(parallel)).toEqual(tables(once));
    expect(seen.map((i) => [i.workers, i.kernel])).toEqual(new Array(4).fill([2, 'wasm-simd']));
    // The model's tables are plain arrays (storable in IndexedDB), not views on the kernels' shared memory.
    for (const t of [parallel.itemFactors, once.itemFactors]) expect(t.buffer).toBeInstanceOf(ArrayBuffer);
  });
});
