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

/** Stable counting sort of (row, col, value) triples into CSR with nRows rows. */
export function toCsr(
  rows: Int32Array,
  cols: Int32Array,
  values: Float32Array,
  length: number,
  nRows: number,
): CsrRows {
  const indptr = new Int32Array(nRows + 1);
  for (let k = 0; k < length; k++) {
    const r = rows[k];
    if (!(r >= 0 && r < nRows)) throw new RangeError(`row index ${r} out of range [0, ${nRows})`);
    indptr[r + 1]++;
  }
  for (let r = 0; r < nRows; r++) indptr[r + 1] += indptr[r];
  const cursor = indptr.slice(0, nRows);
  const indices = new Int32Array(length);
  const vals = new Float32Array(length);
  for (let k = 0; k < length; k++) {
    const pos = cursor[rows[k]]++;
    indices[pos] = cols[k];
    vals[pos] = values[k];
  }
  return { indptr, indices, values: vals };
}

/** Both orientations of the rating matrix; entries keep input order within a row. */
export function buildCsr(cols: RatingColumns, nUsers: number, nItems: number): RatingMatrix {
  const n = cols.length;
  for (let k = 0; k < n; k++) {
    const i = cols.items[k];
    if (!(i >= 0 && i < nItems)) throw new RangeError(`item index ${i} out of range [0, ${nItems})`);
  }
  return {
    nUsers,
    nItems,
    nnz: n,
    byUser: toCsr(cols.users, cols.items, cols.ratings, n, nUsers),
    byItem: toCsr(cols.items, cols.users, cols.ratings, n, nItems),
  };
}
