// A shared WebAssembly.Memory with a thread-safe bump allocator: where the WASM kernels' inputs, tables and scratch live.
import type { CsrRows, RatingMatrix } from '../als/csr';

/** Bytes reserved at the start of the memory: the tag, the allocation pointer (the kernels have no static data). */
const HEADER_BYTES = 65_536;
const PAGE = 65_536;
/** 4 GiB: a wasm32 memory's limit. Only touched pages cost memory; the maximum is address space. */
const MAX_PAGES = 65_536;
/**
 * Int32 slots of the header: [0..4) a random tag telling this memory apart, [4] the next free byte / 16, [5] the
 * high-water mark / 16 before the last reset (memory below it may hold old data and is zeroed when handed out again).
 */
const TAG_WORDS = 4;
const NEXT = 4;
const USED_BEFORE = 5;
const ALIGN = 16;

/** Buffers already checked against a tag (a buffer object never changes memory). */
const checked = new WeakMap<ArrayBufferLike, Int32Array>();

/**
 * Typed arrays allocated here are views on the memory's SharedArrayBuffer, so every thread that holds the memory
 * (workers get it by postMessage) sees them and the kernels read them in place (their byteOffset is their address).
 * Nothing is ever freed: an arena lives as long as one training or one served model.
 */
export class WasmArena {
  readonly memory: WebAssembly.Memory;
  private readonly header: Int32Array;

  private constructor(memory: WebAssembly.Memory) {
    this.memory = memory;
    this.header = new Int32Array(memory.buffer, 0, TAG_WORDS + 2);
  }

  /** A new arena of `initialBytes` (grows on demand); needs SharedArrayBuffer (Node, or a cross-origin isolated page). */
  static create(initialBytes = 1 << 20): WasmArena {
    const pages = Math.min(MAX_PAGES, Math.ceil((HEADER_BYTES + initialBytes) / PAGE));
    const arena = new WasmArena(new WebAssembly.Memory({ initial: pages, maximum: MAX_PAGES, shared: true }));
    // A random tag (not a secret: it only tells this memory from another): 4 × 32 random bits.
    const tag = Int32Array.from({ length: TAG_WORDS }, () => Math.floor(Math.random() * 2 ** 32) | 0);
    tag[0] |= 1; // never all zero, so fresh zeroed memory never matches
    arena.header.set(tag);
    Atomics.store(arena.header, NEXT, HEADER_BYTES / ALIGN);
    return arena;
  }

  /** The arena over a memory created by `create` (in another thread). */
  static attach(memory: WebAssembly.Memory): WasmArena {
    return new WasmArena(memory);
  }

  /**
   * Forgets every allocation, keeping the memory (what is handed out again is zeroed first). Only when nothing
   * allocated here is used any more: between two trainings of one worker, so the second reuses the first's memory
   * instead of waiting for the garbage collector to free it.
   */
  reset(): void {
    const used = Atomics.load(this.header, NEXT);
    if (used > Atomics.load(this.header, USED_BEFORE)) Atomics.store(this.header, USED_BEFORE, used);
    Atomics.store(this.header, NEXT, HEADER_BYTES / ALIGN);
  }

  /** Bytes handed out so far (header included). */
  get usedBytes(): number {
    return Atomics.load(this.header, NEXT) * ALIGN;
  }

  /** Address of `bytes` zeroed bytes, 16-byte aligned; grows the memory when needed. Safe from any thread. */
  alloc(bytes: number): number {
    const units = Math.max(1, Math.ceil(bytes / ALIGN));
    const start = Atomics.add(this.header, NEXT, units) * ALIGN;
    const end = start + units * ALIGN;
    if (end > MAX_PAGES * PAGE) throw new RangeError(`The WebAssembly kernels' memory would pass 4 GiB (${Math.round(end / 2 ** 20)} MiB asked)`);
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE));
    const dirtyEnd = Math.min(end, Atomics.load(this.header, USED_BEFORE) * ALIGN);
    if (start < dirtyEnd) new Uint8Array(this.memory.buffer, start, dirtyEnd - start).fill(0);
    return start;
  }

  f32(length: number): Float32Array {
    const p = this.alloc(length * 4);
    return new Float32Array(this.memory.buffer, p, length);
  }

  i32(length: number): Int32Array {
    const p = this.alloc(length * 4);
    return new Int32Array(this.memory.buffer, p, length);
  }

  f64(length: number): Float64Array {
    const p = this.alloc(length * 8);
    return new Float64Array(this.memory.buffer, p, length);
  }

  /** A copy of `a` in this arena. */
  copy<T extends Float32Array | Int32Array | Float64Array>(a: T): T {
    const out = (a instanceof Float32Array ? this.f32(a.length) : a instanceof Int32Array ? this.i32(a.length) : this.f64(a.length)) as T;
    out.set(a as never);
    return out;
  }

  /** `a` itself when it already lives here, else a copy. */
  adopt<T extends Float32Array | Int32Array | Float64Array>(a: T): T {
    return this.owns(a) ? a : this.copy(a);
  }

  /** Whether `a` is a view on this arena's memory (from any thread: the tag at the start of its buffer is ours). */
  owns(a: ArrayBufferView): boolean {
    const buf = a.buffer;
    if (!(buf instanceof SharedArrayBuffer) || buf.byteLength < HEADER_BYTES) return false;
    let head = checked.get(buf);
    if (!head) checked.set(buf, (head = new Int32Array(buf, 0, TAG_WORDS)));
    for (let k = 0; k < TAG_WORDS; k++) if (head[k] !== this.header[k]) return false;
    return true;
  }
}

/** The rating matrix with every array in the arena: itself when it was built there, else a copy. */
export function matrixInArena(arena: WasmArena, m: RatingMatrix): RatingMatrix {
  const rows = (c: CsrRows): CsrRows => ({ indptr: arena.adopt(c.indptr), indices: arena.adopt(c.indices), values: arena.adopt(c.values) });
  return { ...m, byUser: rows(m.byUser), byItem: rows(m.byItem) };
}
