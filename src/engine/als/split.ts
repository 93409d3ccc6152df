// Seeded, deterministic train/test splits of rating columns (random holdout and k-fold).

import type { RatingColumns } from '../types';
import { createRng } from './random';

/** Copies the rows where keep[k] === want into new columns, preserving order. */
export function selectRows(cols: RatingColumns, keep: Uint8Array, want: number): RatingColumns {
  let n = 0;
  for (let k = 0; k < cols.length; k++) if (keep[k] === want) n++;
  const users = new Int32Array(n);
  const items = new Int32Array(n);
  const ratings = new Float32Array(n);
  let w = 0;
  for (let k = 0; k < cols.length; k++) {
    if (keep[k] !== want) continue;
    users[w] = cols.users[k];
    items[w] = cols.items[k];
    ratings[w] = cols.ratings[k];
    w++;
  }
  return { users, items, ratings, length: n };
}

/** A seeded permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const p = new Int32Array(n);
  for (let k = 0; k < n; k++) p[k] = k;
  for (let k = n - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    const t = p[k];
    p[k] = p[j];
    p[j] = t;
  }
  return p;
}

/** Holds out exactly round(testFraction·length) ratings chosen by a seeded shuffle. */
export function randomHoldout(
  cols: RatingColumns,
  testFraction: number,
  seed: number,
): { train: RatingColumns; test: RatingColumns } {
  if (!(testFraction >= 0 && testFraction <= 1)) throw new RangeError(`testFraction must be in [0, 1], got ${testFraction}`);
  const n = cols.length;
  const nTest = Math.round(testFraction * n);
  const perm = permutation(n, seed);
  const isTest = new Uint8Array(n);
  for (let k = 0; k < nTest; k++) isTest[perm[k]] = 1;
  return { train: selectRows(cols, isTest, 0), test: selectRows(cols, isTest, 1) };
}

/** Fold number (0..k-1) of every rating; folds differ in size by at most one. */
export function foldAssignment(length: number, k: number, seed: number): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 255) throw new RangeError(`k must be an integer in [2, 255], got ${k}`);
  const perm = permutation(length, seed);
  const fold = new Uint8Array(length);
  for (let p = 0; p < length; p++) fold[perm[p]] = p % k;
  return fold;
}

/** Train/test for fold `fold` of a seeded k-fold split. */
export function kFold(
  cols: RatingColumns,
  k: number,
  fold: number,
  seed: number,
): { train: RatingColumns; test: RatingColumns } {
  const assign = foldAssignment(cols.length, k, seed);
  const isTest = new Uint8Array(cols.length);
  for (let p = 0; p < cols.length; p++) isTest[p] = assign[p] === fold ? 1 : 0;
  return { train: selectRows(cols, isTest, 0), test: selectRows(cols, isTest, 1) };
}
