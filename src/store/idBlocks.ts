// Rows keyed by a whole-number id (a movieId) stored as sorted columnar blocks: a million rows are a few hundred puts,
// one change reads and writes one block. Pure functions over blocks here; the store modules do the IndexedDB part.

/** Rows per block when a whole set is written (a restore, an import). */
export const ID_BLOCK = 4096;
/** A block that grows past this by single changes is split in two. */
export const ID_BLOCK_MAX = 2 * ID_BLOCK;

/**
 * One block: `start` (the key) and the rows' ids ascending, each column holding one value per row. Invariants: the
 * block with the greatest start ≤ id holds that id; ids of a block are ≥ its start and < the next block's start; no
 * block is empty; the first block written in bulk starts at 0.
 */
export type IdBlock<C extends string> = { start: number; ids: Float64Array } & { [K in C]: Float64Array };

/** A whole set as columns: ids ascending and unique, one value per id in each column. */
export type IdRows<C extends string> = { ids: Float64Array } & { [K in C]: Float64Array };

export function emptyRows<C extends string>(columns: readonly C[]): IdRows<C> {
  const out = { ids: new Float64Array(0) } as IdRows<C>;
  for (const c of columns) (out as Record<string, Float64Array>)[c] = new Float64Array(0);
  return out;
}

function slice<C extends string>(rows: IdRows<C>, columns: readonly C[], a: number, b: number, start: number): IdBlock<C> {
  const block = { start, ids: rows.ids.slice(a, b) } as IdBlock<C>;
  for (const c of columns) (block as Record<string, Float64Array | number>)[c] = (rows as Record<string, Float64Array>)[c].slice(a, b);
  return block;
}

/** Cuts a whole set into blocks of ID_BLOCK rows; the first starts at 0, each next one at its first id. */
export function toIdBlocks<C extends string>(rows: IdRows<C>, columns: readonly C[]): IdBlock<C>[] {
  const out: IdBlock<C>[] = [];
  for (let a = 0; a < rows.ids.length; a += ID_BLOCK) out.push(slice(rows, columns, a, Math.min(rows.ids.length, a + ID_BLOCK), a === 0 ? 0 : rows.ids[a]));
  return out;
}

/** The blocks (any order) as one set, ids ascending. */
export function fromIdBlocks<C extends string>(blocks: readonly IdBlock<C>[], columns: readonly C[]): IdRows<C> {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  let n = 0;
  for (const b of sorted) n += b.ids.length;
  const out = { ids: new Float64Array(n) } as IdRows<C>;
  for (const c of columns) (out as Record<string, Float64Array>)[c] = new Float64Array(n);
  let at = 0;
  for (const b of sorted) {
    out.ids.set(b.ids, at);
    for (const c of columns) (out as Record<string, Float64Array>)[c].set((b as Record<string, Float64Array>)[c], at);
    at += b.ids.length;
  }
  return out;
}

/** Index of `id` in ascending `ids`, or −(insertion point) − 1 when absent. */
export function findId(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v < id) lo = mid + 1;
    else if (v > id) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

/** One row's values, or null when the block does not hold the id. */
export function rowOf<C extends string>(block: IdBlock<C>, columns: readonly C[], id: number): Record<C, number> | null {
  const k = findId(block.ids, id);
  if (k < 0) return null;
  const out = {} as Record<C, number>;
  for (const c of columns) out[c] = (block as Record<string, Float64Array>)[c][k];
  return out;
}

/**
 * The block after setting (values) or removing (null) one id; [] when it ends empty, two blocks when it grew past
 * ID_BLOCK_MAX (the upper half keyed by its first id). The input block is not changed.
 */
export function withRow<C extends string>(block: IdBlock<C>, columns: readonly C[], id: number, values: Record<C, number> | null): IdBlock<C>[] {
  const k = findId(block.ids, id);
  const col = (b: IdBlock<C>, c: C) => (b as Record<string, Float64Array>)[c];
  let next: IdBlock<C>;
  if (values === null) {
    if (k < 0) return [block];
    if (block.ids.length === 1) return [];
    next = { start: block.start, ids: removeAt(block.ids, k) } as IdBlock<C>;
    for (const c of columns) (next as Record<string, Float64Array | number>)[c] = removeAt(col(block, c), k);
  } else if (k >= 0) {
    next = { start: block.start, ids: block.ids.slice() } as IdBlock<C>;
    for (const c of columns) {
      const v = col(block, c).slice();
      v[k] = values[c];
      (next as Record<string, Float64Array | number>)[c] = v;
    }
  } else {
    const at = -k - 1;
    next = { start: block.start, ids: insertAt(block.ids, at, id) } as IdBlock<C>;
    for (const c of columns) (next as Record<string, Float64Array | number>)[c] = insertAt(col(block, c), at, values[c]);
  }
  if (next.ids.length <= ID_BLOCK_MAX) return [next];
  const half = next.ids.length >> 1;
  const rows = next as unknown as IdRows<C>;
  return [slice(rows, columns, 0, half, next.start), slice(rows, columns, half, next.ids.length, next.ids[half])];
}

function removeAt(a: Float64Array, k: number): Float64Array {
  const out = new Float64Array(a.length - 1);
  out.set(a.subarray(0, k));
  out.set(a.subarray(k + 1), k);
  return out;
}

function insertAt(a: Float64Array, k: number, v: number): Float64Array {
  const out = new Float64Array(a.length + 1);
  out.set(a.subarray(0, k));
  out[k] = v;
  out.set(a.subarray(k), k + 1);
  return out;
}

/**
 * A whole set with `changes` applied (values: set; null: remove), ids ascending. `changes` may be in any order; the
 * last change of an id wins.
 */
export function mergeRows<C extends string>(rows: IdRows<C>, columns: readonly C[], changes: readonly { id: number; values: Record<C, number> | null }[]): IdRows<C> {
  const last = new Map<number, Record<C, number> | null>();
  for (const ch of changes) last.set(ch.id, ch.values);
  const col = (r: IdRows<C>, c: C) => (r as Record<string, Float64Array>)[c];
  // Upper bound of the result: the old rows plus every change that adds one.
  const ids = new Float64Array(rows.ids.length + last.size);
  const cols = columns.map(() => new Float64Array(ids.length));
  const changed = [...last.keys()].sort((a, b) => a - b);
  let n = 0;
  let i = 0;
  const emit = (id: number, get: (c: number) => number) => {
    ids[n] = id;
    for (let c = 0; c < columns.length; c++) cols[c][n] = get(c);
    n++;
  };
  for (const id of changed) {
    while (i < rows.ids.length && rows.ids[i] < id) {
      const k = i;
      emit(rows.ids[k], (c) => col(rows, columns[c])[k]);
      i++;
    }
    if (i < rows.ids.length && rows.ids[i] === id) i++; // replaced or removed
    const v = last.get(id)!;
    if (v !== null) emit(id, (c) => v[columns[c]]);
  }
  for (; i < rows.ids.length; i++) {
    const k = i;
    emit(rows.ids[k], (c) => col(rows, columns[c])[k]);
  }
  const out = { ids: ids.slice(0, n) } as IdRows<C>;
  columns.forEach((c, j) => ((out as Record<string, Float64Array>)[c] = cols[j].slice(0, n)));
  return out;
}

/** The rows from records (any order; ids unique), ids ascending. */
export function rowsFrom<C extends string, R extends { [K in C]: number }>(records: readonly R[], idOf: (r: R) => number, columns: readonly C[]): IdRows<C> {
  const order = records.map((_, k) => k).sort((a, b) => idOf(records[a]) - idOf(records[b]));
  const out = { ids: new Float64Array(order.length) } as IdRows<C>;
  for (const c of columns) (out as Record<string, Float64Array>)[c] = new Float64Array(order.length);
  order.forEach((k, j) => {
    out.ids[j] = idOf(records[k]);
    for (const c of columns) (out as Record<string, Float64Array>)[c][j] = records[k][c];
  });
  return out;
}

/** Bytes the rows take as stored blocks (8 per value), for space checks. */
export const rowsBytes = (n: number, columns: number): number => n * 8 * (columns + 1);
