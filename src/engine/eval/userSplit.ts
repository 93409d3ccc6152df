// Per-user holdout: each user keeps most ratings for training and lends a seeded share to the test set.
import type { RatingColumns } from '../types';
import { createRng } from '../als/random';
import { selectRows } from '../als/split';

/**
 * Holds out round(testFraction · n_u) of every user's ratings (at least one when the user has two or more),
 * chosen by a seeded shuffle within the user, so every test user also has training data — what ranking
 * metrics need.
 */
export function perUserHoldout(cols: RatingColumns, nUsers: number, testFraction: number, seed: number): { train: RatingColumns; test: RatingColumns } {
  const byUser: number[][] = Array.from({ length: nUsers }, () => []);
  for (let k = 0; k < cols.length; k++) byUser[cols.users[k]].push(k);
  const rng = createRng(seed);
  const isTest = new Uint8Array(cols.length);
  for (const rows of byUser) {
    if (rows.length < 2) continue;
    const take = Math.min(rows.length - 1, Math.max(1, Math.round(testFraction * rows.length)));
    for (let k = rows.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [rows[k], rows[j]] = [rows[j], rows[k]];
    }
    for (let k = 0; k < take; k++) isTest[rows[k]] = 1;
  }
  return { train: selectRows(cols, isTest, 0), test: selectRows(cols, isTest, 1) };
}

/**
 * Holds out each user's latest round(testFraction · n_u) ratings by timestamp (at least one when the user has two or
 * more; ties keep file order): the "what did they watch next" split, harder than a random one.
 */
export function perUserLatest(cols: RatingColumns, timestamps: ArrayLike<number>, nUsers: number, testFraction: number): { train: RatingColumns; test: RatingColumns } {
  const byUser: number[][] = Array.from({ length: nUsers }, () => []);
  for (let k = 0; k < cols.length; k++) byUser[cols.users[k]].push(k);
  const isTest = new Uint8Array(cols.length);
  for (const rows of byUser) {
    if (rows.length < 2) continue;
    const take = Math.min(rows.length - 1, Math.max(1, Math.round(testFraction * rows.length)));
    rows.sort((a, b) => timestamps[a] - timestamps[b] || a - b);
    for (let k = rows.length - take; k < rows.length; k++) isTest[rows[k]] = 1;
  }
  return { train: selectRows(cols, isTest, 0), test: selectRows(cols, isTest, 1) };
}
