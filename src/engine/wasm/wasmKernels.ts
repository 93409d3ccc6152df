// The WebAssembly SIMD kernel set: AlsKernels over the exports of the AssemblyScript module (assembly/als), inputs read in place from a WasmArena.
import type { RatingMatrix } from '../als/csr';
import type { AlsKernels, KernelId } from '../als/kernelSet';
import { factorPenalty, type Regularization } from '../als/regularization';
import { WasmArena } from './arena';

/** A compiled kernel module and the memory it runs on: what a training hands its shard threads (structured-cloneable). */
export interface KernelHandle {
  id: Exclude<KernelId, 'js'>;
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
}

/** The module's exports (addresses are byte offsets into the arena's memory). */
interface Exports {
  scratchBytes(rank: number): number;
  cgRow(other: number, otherBias: number, rank: number, indices: number, values: number, start: number, end: number, mu: number, penalty: number, biasLambda: number, otherScale: number, steps: number, x: number, scratch: number): void;
  implicitCgRow(YtY: number, other: number, rank: number, indices: number, values: number, start: number, end: number, alpha: number, penalty: number, otherScale: number, steps: number, x: number, scratch: number): void;
  exactRow(other: number, otherBias: number, rank: number, indices: number, values: number, start: number, end: number, mu: number, penalty: number, biasLambda: number, x: number, scratch: number): void;
  implicitExactRow(YtY: number, other: number, rank: number, indices: number, values: number, start: number, end: number, alpha: number, penalty: number, x: number, scratch: number): void;
  gramOf(table: number, rows: number, rank: number, G: number, scratch: number): void;
  choleskySolve(A: number, b: number, n: number, diag: number): number;
  scoreAll(itemFactors: number, itemBias: number, rank: number, nItems: number, base: number, f: number, out: number): void;
  sumSquaredError(indptr: number, indices: number, values: number, nUsers: number, P: number, Q: number, rank: number, mu: number, bu: number, bi: number, implicit: number): number;
}

/** Where a row's inputs are in the arena: in place, or staged (copied) there when the caller's arrays live elsewhere. */
interface RowInputs {
  other: number;
  otherBias: number;
  indices: number;
  values: number;
  start: number;
  end: number;
}

type Table = Float32Array | Int32Array | Float64Array;

/** What staging space is for: each use has its own, so one call can stage several inputs. */
type Staging = 'row' | 'gram' | 'table' | 'scores' | 'sse-indptr' | 'sse-indices' | 'sse-values' | 'sse-P' | 'sse-Q' | 'sse-bu' | 'sse-bi';

/**
 * One thread's WASM kernels over `handle` (its own scratch in the arena). Arrays allocated in the arena are read in
 * place; any other array is copied in first (a row's gathered entries; a whole table for YᵀY and the error sum; a
 * served model's item table once per table object, as scoring assumes it never changes), so every kernel takes
 * whatever the JavaScript one takes.
 */
export class WasmKernels implements AlsKernels {
  readonly id: Exclude<KernelId, 'js'>;
  readonly arena: WasmArena;
  private readonly ex: Exports;
  private scratchRank = -1;
  private scratch = 0;
  private vecCap = 0;
  private vecPtr = 0;
  /** Staging space per use (rows, YᵀY, scores, tables), each reused by the next call of its kind. */
  private readonly temps = new Map<Staging, { ptr: number; bytes: number }>();
  /** Copies of foreign immutable tables (a served model's), made once per table object. */
  private readonly pinned = new WeakMap<Table, number>();
  /** The last row call's arrays and their addresses (a half-step passes the same four for every row). */
  private last: [unknown, unknown, unknown, unknown] = [null, null, null, null];
  private lastAddr: [number, number, number, number] = [-1, -1, -1, -1];

  constructor(handle: KernelHandle) {
    this.id = handle.id;
    this.arena = WasmArena.attach(handle.memory);
    this.ex = new WebAssembly.Instance(handle.module, { env: { memory: handle.memory } }).exports as unknown as Exports;
    // Bound, so a kernel can be passed around as a plain function like the JavaScript ones.
    for (const name of ['solveRow', 'solveRowCg', 'solveImplicitRow', 'solveImplicitRowCg', 'gramOf', 'choleskySolve', 'scoreItems', 'sumSquaredError'] as const) {
      (this as Record<string, unknown>)[name] = (this[name] as (...a: never[]) => unknown).bind(this);
    }
  }

  /** Address of `a` in the arena, or −1 when it lives elsewhere. */
  private addr(a: ArrayBufferView): number {
    return this.arena.owns(a) ? a.byteOffset : -1;
  }

  private scratchFor(rank: number): number {
    if (rank > this.scratchRank) {
      this.scratch = this.arena.alloc(this.ex.scratchBytes(rank));
      this.scratchRank = rank;
    }
    return this.scratch;
  }

  /** A float64 vector of at least n slots in the arena (the row's x going in and out). */
  private vec(n: number): Float64Array {
    if (n > this.vecCap) {
      this.vecCap = Math.max(n, 2 * this.vecCap);
      this.vecPtr = this.arena.alloc(this.vecCap * 8);
    }
    return new Float64Array(this.arena.memory.buffer, this.vecPtr, n);
  }

  /** `bytes` of staging space for one use, valid until the next call staging for the same use. */
  private temp(use: Staging, bytes: number): number {
    const t = this.temps.get(use);
    if (t && t.bytes >= bytes) return t.ptr;
    const grown = Math.max(bytes, 2 * (t?.bytes ?? 0), 1 << 12);
    const fresh = { ptr: this.arena.alloc(grown), bytes: grown };
    this.temps.set(use, fresh);
    return fresh.ptr;
  }

  /** A table's address: in place, else a copy in staging space for `use`. */
  private staged(a: Table, use: Staging): number {
    const at = this.addr(a);
    if (at >= 0) return at;
    const p = this.temp(use, a.byteLength);
    new Uint8Array(this.arena.memory.buffer, p, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return p;
  }

  /** An immutable table's address (a model's item factors and biases): in place, or a copy made once per table object. */
  private pinnedTable(a: Table): number {
    const at = this.addr(a);
    if (at >= 0) return at;
    let p = this.pinned.get(a);
    if (p === undefined) {
      p = this.arena.copy(a).byteOffset;
      this.pinned.set(a, p);
    }
    return p;
  }

  /** The addresses of a row's inputs; entries are gathered into staging space when the arrays are not in the arena. */
  private rowInputs(other: Float32Array, otherBias: Float32Array | null, rank: number, indices: Int32Array, values: Float32Array, start: number, end: number): RowInputs {
    const l = this.last;
    if (l[0] !== other || l[1] !== otherBias || l[2] !== indices || l[3] !== values) {
      this.last = [other, otherBias, indices, values];
      this.lastAddr = [this.addr(other), otherBias ? this.addr(otherBias) : 0, this.addr(indices), this.addr(values)];
    }
    const [o, b, i, v] = this.lastAddr;
    if (o >= 0 && b >= 0 && i >= 0 && v >= 0) return { other: o, otherBias: b, indices: i, values: v, start, end };
    const n = Math.max(0, end - start);
    if (o >= 0 && b >= 0) {
      // Only the row's entries are elsewhere: copy its indices and values.
      const base = this.temp('row', 8 * n + 32);
      const buf = this.arena.memory.buffer;
      new Int32Array(buf, base, n).set(indices.subarray(start, end));
      const vp = base + ((4 * n + 15) & ~15);
      new Float32Array(buf, vp, n).set(values.subarray(start, end));
      return { other: o, otherBias: b, indices: base, values: vp, start: 0, end: n };
    }
    // Gather the rows the entries point at: entry p reads gathered row p.
    const align = (x: number) => (x + 15) & ~15;
    const rowsBytes = align(4 * n * rank);
    const base = this.temp('row', rowsBytes + 3 * align(4 * n));
    const buf = this.arena.memory.buffer;
    const rows = new Float32Array(buf, base, n * rank);
    const bias = new Float32Array(buf, base + rowsBytes, n);
    const idx = new Int32Array(buf, base + rowsBytes + align(4 * n), n);
    const vals = new Float32Array(buf, base + rowsBytes + 2 * align(4 * n), n);
    for (let p = 0; p < n; p++) {
      const c = indices[start + p];
      rows.set(other.subarray(c * rank, c * rank + rank), p * rank);
      bias[p] = otherBias ? otherBias[c] : 0;
      idx[p] = p;
      vals[p] = values[start + p];
    }
    return { other: base, otherBias: bias.byteOffset, indices: idx.byteOffset, values: vals.byteOffset, start: 0, end: n };
  }

  solveRow(other: Float32Array, otherBias: Float32Array, rank: number, indices: Int32Array, values: Float32Array, start: number, end: number, mu: number, reg: Regularization, scratch: { x: Float64Array }): Float64Array {
    const k = rank + 1;
    const n = end - start;
    const x = this.vec(k);
    const s = this.scratchFor(rank);
    const at = this.rowInputs(other, otherBias, rank, indices, values, start, end);
    this.ex.exactRow(at.other, at.otherBias, rank, at.indices, at.values, at.start, at.end, mu, n > 0 ? factorPenalty(reg, n) : 0, reg.biasLambda, x.byteOffset, s);
    scratch.x.fill(0);
    scratch.x.set(x);
    return scratch.x;
  }

  solveRowCg(other: Float32Array, otherBias: Float32Array, rank: number, indices: Int32Array, values: Float32Array, start: number, end: number, mu: number, reg: Regularization, otherScale: number, steps: number, x: Float64Array, _scratch?: unknown): Float64Array {
    const k = rank + 1;
    const n = end - start;
    const v = this.vec(k);
    v.set(x.subarray(0, k));
    const s = this.scratchFor(rank);
    const at = this.rowInputs(other, otherBias, rank, indices, values, start, end);
    this.ex.cgRow(at.other, at.otherBias, rank, at.indices, at.values, at.start, at.end, mu, n > 0 ? factorPenalty(reg, n) : 0, reg.biasLambda, otherScale, steps, v.byteOffset, s);
    x.set(v);
    return x;
  }

  /** YᵀY's address: in place when it lives in the arena (this set's gramOf puts it there), else a staged copy. */
  private gramAddr(YtY: Float64Array): number {
    return this.staged(YtY, 'gram');
  }

  solveImplicitRow(YtY: Float64Array, other: Float32Array, rank: number, indices: Int32Array, values: Float32Array, start: number, end: number, alpha: number, penalty: number, scratch: { x: Float64Array }): Float64Array {
    const x = this.vec(rank);
    const s = this.scratchFor(rank);
    const g = this.gramAddr(YtY);
    const at = this.rowInputs(other, null, rank, indices, values, start, end);
    this.ex.implicitExactRow(g, at.other, rank, at.indices, at.values, at.start, at.end, alpha, penalty, x.byteOffset, s);
    scratch.x.set(x);
    return scratch.x;
  }

  solveImplicitRowCg(YtY: Float64Array, other: Float32Array, rank: number, indices: Int32Array, values: Float32Array, start: number, end: number, alpha: number, penalty: number, otherScale: number, steps: number, x: Float64Array, _scratch?: unknown): Float64Array {
    const v = this.vec(rank);
    v.set(x.subarray(0, rank));
    const s = this.scratchFor(rank);
    const g = this.gramAddr(YtY);
    const at = this.rowInputs(other, null, rank, indices, values, start, end);
    this.ex.implicitCgRow(g, at.other, rank, at.indices, at.values, at.start, at.end, alpha, penalty, otherScale, steps, v.byteOffset, s);
    x.set(v);
    return x;
  }

  /** YᵀY in a new arena array (so the row kernels read it in place). */
  gramOf(table: Float32Array, rank: number): Float64Array {
    const G = this.arena.f64(rank * rank);
    const rows = Math.floor(table.length / rank);
    this.ex.gramOf(this.staged(table, 'table'), rows, rank, G.byteOffset, this.scratchFor(rank));
    return G;
  }

  scoreItems(itemFactors: Float32Array, itemBias: Float32Array, rank: number, nItems: number, base: number, f: ArrayLike<number>, out: Float32Array): Float32Array {
    const fv = this.vec(rank);
    for (let j = 0; j < rank; j++) fv[j] = f[j];
    const q = this.pinnedTable(itemFactors);
    const b = this.pinnedTable(itemBias);
    const o = this.addr(out);
    const dst = o >= 0 ? o : this.temp('scores', 4 * nItems);
    this.ex.scoreAll(q, b, rank, nItems, base, fv.byteOffset, dst);
    if (o < 0) out.set(new Float32Array(this.arena.memory.buffer, dst, nItems));
    return out;
  }

  choleskySolve(A: Float64Array, b: Float64Array, n: number, diag: Float64Array): number {
    const a = this.staged(A, 'gram');
    const x = this.vec(n);
    x.set(b.subarray(0, n));
    const d = this.temp('table', 8 * n);
    const jitter = this.ex.choleskySolve(a, x.byteOffset, n, d);
    const buf = this.arena.memory.buffer;
    if (!this.arena.owns(A)) A.set(new Float64Array(buf, a, n * n));
    b.set(x);
    diag.set(new Float64Array(buf, d, n));
    return jitter;
  }

  sumSquaredError(m: RatingMatrix, rank: number, mu: number, bu: Float32Array, bi: Float32Array, P: Float32Array, Q: Float32Array, implicit: boolean): number {
    const { indptr, indices, values } = m.byUser;
    return this.ex.sumSquaredError(
      this.staged(indptr, 'sse-indptr'),
      this.staged(indices, 'sse-indices'),
      this.staged(values, 'sse-values'),
      m.nUsers,
      this.staged(P, 'sse-P'),
      this.staged(Q, 'sse-Q'),
      rank,
      mu,
      this.staged(bu, 'sse-bu'),
      this.staged(bi, 'sse-bi'),
      implicit ? 1 : 0,
    );
  }
}
