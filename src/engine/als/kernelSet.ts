// The row kernels a training, fold-in and scoring call, as one set: the JavaScript set here, the WebAssembly SIMD set in ../wasm.
import { solveRowCg } from './cg';
import { choleskySolve } from './kernels';
import { gramOf, solveImplicitRow, solveImplicitRowCg } from './implicit';
import { scoreItems } from './recommend';
import { solveRow } from './solveRow';
import type { RatingMatrix } from './csr';
import type { KernelId } from '../types';

export type { KernelId };

export const KERNEL_LABELS: Readonly<Record<KernelId, string>> = {
  js: 'JavaScript kernels',
  'wasm-simd': 'WebAssembly SIMD kernels',
  'wasm-relaxed-simd': 'WebAssembly relaxed SIMD kernels (fused multiply-add)',
};

/**
 * Every kernel with the contract of the JavaScript function it is named after (same arguments, same results within
 * floating-point tolerance; see test/unit/engine/wasm). One set per thread: a set may keep scratch of its own.
 */
export interface AlsKernels {
  readonly id: KernelId;
  solveRow: typeof solveRow;
  solveRowCg: typeof solveRowCg;
  solveImplicitRow: typeof solveImplicitRow;
  solveImplicitRowCg: typeof solveImplicitRowCg;
  gramOf: typeof gramOf;
  choleskySolve: typeof choleskySolve;
  scoreItems: typeof scoreItems;
  /**
   * Σ over the user-major rows of (target − prediction)² with prediction mu + bu + bi + p·q (explicit), or p·q against
   * the preference 1 (implicit: mu, biases and values unused): the per-iteration training RMSE's sum.
   */
  sumSquaredError(m: RatingMatrix, rank: number, mu: number, bu: Float32Array, bi: Float32Array, P: Float32Array, Q: Float32Array, implicit: boolean): number;
}

function sumSquaredError(m: RatingMatrix, rank: number, mu: number, bu: Float32Array, bi: Float32Array, P: Float32Array, Q: Float32Array, implicit: boolean): number {
  const { indptr, indices, values } = m.byUser;
  let sse = 0;
  for (let u = 0; u < m.nUsers; u++) {
    const pu = u * rank;
    const base = implicit ? 0 : mu + bu[u];
    for (let p = indptr[u]; p < indptr[u + 1]; p++) {
      const i = indices[p];
      const qi = i * rank;
      let s = implicit ? 0 : base + bi[i];
      for (let j = 0; j < rank; j++) s += P[pu + j] * Q[qi + j];
      const e = (implicit ? 1 : values[p]) - s;
      sse += e * e;
    }
  }
  return sse;
}

/** The typed-array JavaScript kernels: the reference every other set is tested against, and the fallback. */
export const jsKernels: AlsKernels = Object.freeze({
  id: 'js',
  solveRow,
  solveRowCg,
  solveImplicitRow,
  solveImplicitRowCg,
  gramOf,
  choleskySolve,
  scoreItems,
  sumSquaredError,
});
