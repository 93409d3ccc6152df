// One thread's part of a parallel training: pulls row chunks of a half-step from a shared counter and solves them.
import type { CsrRows, RatingMatrix } from './csr';
import type { Regularization } from './regularization';
import { meanSquare } from './cg';
import { createSolveScratch, halfStep, type HalfStepInput } from './solveRow';
import type { PreparedTraining, TrainTables } from './train';

/** Everything a shard thread needs, all typed arrays on SharedArrayBuffers (structured clone keeps them shared). */
export interface ShardSetup {
  rank: number;
  mu: number;
  reg: Regularization;
  cgSteps: number;
  exactBelow?: number;
  byUser: CsrRows;
  byItem: CsrRows;
  tables: TrainTables;
  /** Chunk boundaries per side: chunk c is rows [bounds[c], bounds[c+1]). */
  userChunks: Int32Array;
  itemChunks: Int32Array;
  /** [next chunk to take]: reset to 0 by the coordinator before each half-step. */
  counter: Int32Array;
}

export type Side = 'user' | 'item';

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

/** The rating matrix with every array moved to shared memory (what shard threads read). */
export function shareMatrix(m: RatingMatrix): RatingMatrix {
  const rows = (c: CsrRows): CsrRows => ({ indptr: shareArray(c.indptr), indices: shareArray(c.indices), values: shareArray(c.values) });
  return { ...m, byUser: rows(m.byUser), byItem: rows(m.byItem) };
}

/** Allocates a zeroed float32 table on shared memory. */
export function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * 4));
}

/** The setup for shard threads from a training prepared on shared memory, with `chunks` chunks a side. */
export function shardSetup(m: RatingMatrix, t: PreparedTraining, chunks: number): ShardSetup {
  return {
    rank: t.rank,
    mu: t.mu,
    reg: t.userStep.reg,
    cgSteps: t.userStep.cgSteps ?? 0,
    exactBelow: t.userStep.exactBelow,
    byUser: m.byUser,
    byItem: m.byItem,
    tables: t.tables,
    userChunks: splitRows(m.byUser.indptr, chunks),
    itemChunks: splitRows(m.byItem.indptr, chunks),
    counter: new Int32Array(new SharedArrayBuffer(4)),
  };
}

/** A shard thread's worker: `run(side)` solves chunks until none are left; returns how many it took. */
export function createShard(s: ShardSetup): (side: Side) => number {
  const scratch = createSolveScratch(s.rank);
  const { tables } = s;
  const base = { rank: s.rank, mu: s.mu, reg: s.reg, cgSteps: s.cgSteps, exactBelow: s.exactBelow };
  const user: HalfStepInput = { ...base, rows: s.byUser, other: tables.itemFactors, otherBias: tables.itemBias };
  const item: HalfStepInput = { ...base, rows: s.byItem, other: tables.userFactors, otherBias: tables.userBias };
  return (side) => {
    const input = side === 'user' ? user : item;
    const bounds = side === 'user' ? s.userChunks : s.itemChunks;
    const out = side === 'user' ? tables.userFactors : tables.itemFactors;
    const outBias = side === 'user' ? tables.userBias : tables.itemBias;
    const chunks = bounds.length - 1;
    const step = s.cgSteps > 0 ? { ...input, otherScale: meanSquare(input.other) } : input;
    let taken = 0;
    for (let c = Atomics.add(s.counter, 0, 1); c < chunks; c = Atomics.add(s.counter, 0, 1)) {
      halfStep(step, bounds[c], bounds[c + 1], out, outBias, scratch);
      taken++;
    }
    return taken;
  };
}
