// One thread's part of a parallel training: pulls row chunks of a half-step from a shared counter and solves them.
import type { CsrAlloc, CsrRows, RatingMatrix } from './csr';
import { beginHalfStep, createTrainScratch, runHalfStep, type PreparedTraining, type Side } from './train';

export type { Side };

/** Everything a shard thread needs; every typed array on a SharedArrayBuffer (structured clone keeps them shared). */
export interface ShardSetup {
  /** The training, its matrix and tables on shared memory. */
  training: PreparedTraining;
  /** Chunk boundaries per side: chunk c is rows [bounds[c], bounds[c+1]). */
  userChunks: Int32Array;
  itemChunks: Int32Array;
  /** [next chunk to take]: reset to 0 by the coordinator before each half-step. */
  counter: Int32Array;
}

/**
 * Splits rows into `parts` contiguous chunks of about equal cost (entries + rowCost per row). Returns parts+1
 * boundaries; a chunk may be empty.
 */
export function splitRows(indptr: Int32Array, parts: number, rowCost = 64): Int32Array {
  const rows = indptr.length - 1;
  const total = indptr[rows] - indptr[0] + rowCost * rows;
  const bounds = new Int32Array(parts + 1);
  let r = 0;
  for (let c = 1; c < parts; c++) {
    const target = (total * c) / parts;
    while (r < rows && indptr[r + 1] - indptr[0] + rowCost * (r + 1) <= target) r++;
    bounds[c] = r;
  }
  bounds[parts] = rows;
  return bounds;
}

/** A SharedArrayBuffer-backed copy of a typed array. */
export function shareArray<T extends Int32Array | Float32Array>(a: T): T {
  const out = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** The rating matrix with every array on shared memory (what shard threads read); itself if already there. */
export function shareMatrix(m: RatingMatrix): RatingMatrix {
  if (isShared(m)) return m;
  const rows = (c: CsrRows): CsrRows => ({ indptr: shareArray(c.indptr), indices: shareArray(c.indices), values: shareArray(c.values) });
  return { ...m, byUser: rows(m.byUser), byItem: rows(m.byItem) };
}

function isShared(m: RatingMatrix): boolean {
  const rows = [m.byUser, m.byItem];
  return rows.every((c) => [c.indptr, c.indices, c.values].every((a) => a.buffer instanceof SharedArrayBuffer));
}

/** Allocates CSR arrays on shared memory (buildCsr straight into what shard threads read). */
export const sharedAlloc: CsrAlloc = {
  i32: (n) => new Int32Array(new SharedArrayBuffer(n * 4)),
  f32: (n) => new Float32Array(new SharedArrayBuffer(n * 4)),
};

/** Allocates a zeroed float32 table on shared memory. */
export function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * 4));
}

/** The setup for shard threads from a training prepared on shared memory, with `chunks` chunks a side. */
export function shardSetup(t: PreparedTraining, chunks: number): ShardSetup {
  return {
    training: t,
    userChunks: splitRows(t.userStep.rows.indptr, chunks),
    itemChunks: splitRows(t.itemStep.rows.indptr, chunks),
    counter: new Int32Array(new SharedArrayBuffer(4)),
  };
}

/**
 * A shard thread's worker: `run(side)` plans the half-step (the same plan in every thread) and solves chunks
 * until none are left; returns how many it took.
 */
export function createShard(s: ShardSetup): (side: Side) => number {
  const scratch = createTrainScratch(s.training);
  return (side) => {
    const plan = beginHalfStep(s.training, side, scratch.kernels);
    const bounds = side === 'user' ? s.userChunks : s.itemChunks;
    const chunks = bounds.length - 1;
    let taken = 0;
    for (let c = Atomics.add(s.counter, 0, 1); c < chunks; c = Atomics.add(s.counter, 0, 1)) {
      runHalfStep(plan, bounds[c], bounds[c + 1], scratch);
      taken++;
    }
    return taken;
  };
}
