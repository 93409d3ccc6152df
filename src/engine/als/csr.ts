// Builds user-major and item-major compressed sparse rows from rating columns (counting sort, O(nnz)).

import type { RatingColumns } from '../types';

/** One compressed-row view: row r owns entries indptr[r]..indptr[r+1]-1. */
export interface CsrRows {
  indptr: Int32Array;
  /** Column index of each entry (item for user rows, user for item rows). */
  indices: Int32Array;
  values: Float32Array;
}

export interface RatingMatrix {
  nUsers: number;
  nItems: number;
  nnz: number;
  byUser: CsrRows;
  byItem: CsrRows;
}

/** Where a CSR's arrays are allocated: plain arrays by default, shared memory or a WasmArena for training. */
export interface CsrAlloc {
  i32(length: number): Int32Array;
  f32(length: number): Float32Array;
}

const plainAlloc: CsrAlloc = { i32: (n) => new Int32Array(n), f32: (n) => new Float32Array(n) };

/** Stable counting sort of (row, col, value) triples into CSR with nRows rows. */
export function toCsr(
  rows: Int32Array,
  cols: Int32Array,
  values: Float32Array,
  length: number,
  nRows: number,
  alloc: CsrAlloc = plainAlloc,
): CsrRows {
  const indptr = alloc.i32(nRows + 1);
  for (let k = 0; k < length; k++) {
    const r = rows[k];
    if (!(r >= 0 && r < nRows)) throw new RangeError(`row index ${r} out of range [0, ${nRows})`);
    indptr[r + 1]++;
  }
  for (let r = 0; r < nRows; r++) indptr[r + 1] += indptr[r];
  const cursor = indptr.slice(0, nRows);
  const indices = alloc.i32(length);
  const vals = alloc.f32(length);
  for (let k = 0; k < length; k++) {
    const pos = cursor[rows[k]]++;
    indices[pos] = cols[k];
    vals[pos] = values[k];
  }
  return { indptr, indices, values: vals };
}

/** Both orientations of the rating matrix; entries keep input order within a row. Arrays from `alloc` (plain by default). */
export function buildCsr(cols: RatingColumns, nUsers: number, nItems: number, alloc: CsrAlloc = plainAlloc): RatingMatrix {
  const n = cols.length;
  for (let k = 0; k < n; k++) {
    const i = cols.items[k];
    if (!(i >= 0 && i < nItems)) throw new RangeError(`item index ${i} out of range [0, ${nItems})`);
  }
  return {
    nUsers,
    nItems,
    nnz: n,
    byUser: toCsr(cols.users, cols.items, cols.ratings, n, nUsers, alloc),
    byItem: toCsr(cols.items, cols.users, cols.ratings, n, nItems, alloc),
  };
}
