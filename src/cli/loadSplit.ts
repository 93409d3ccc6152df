// Reads an explicit train/test pair of ratings files (u1.base/u1.test, or two ratings.csv) into shared dense indices.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseRatingsCsv, type RatingsFormat } from '../engine/movielens/ratingsCsv';
import type { RatingColumns } from '../engine/types';

/** ratings.csv has its header; ratings.dat uses "::"; anything else is read as ml-100k's tab-separated u.data layout. */
export function formatOf(bytes: Uint8Array): RatingsFormat {
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  if (/^\uFEFF?userId,movieId/.test(head)) return 'csv';
  return head.includes('::') ? 'dat' : 'tab';
}

export function loadSplit(trainPath: string, testPath: string): { train: RatingColumns; test: RatingColumns; nUsers: number; nItems: number } {
  const users = new Map<number, number>();
  const items = new Map<number, number>();
  const dense = (map: Map<number, number>, id: number) => {
    let i = map.get(id);
    if (i === undefined) map.set(id, (i = map.size));
    return i;
  };
  const read = (path: string): RatingColumns => {
    const bytes = new Uint8Array(readFileSync(path));
    const raw = parseRatingsCsv(bytes, basename(path), undefined, formatOf(bytes));
    const cols: RatingColumns = { users: new Int32Array(raw.length), items: new Int32Array(raw.length), ratings: raw.ratings, length: raw.length };
    for (let k = 0; k < raw.length; k++) {
      cols.users[k] = dense(users, raw.userIds[k]);
      cols.items[k] = dense(items, raw.movieIds[k]);
    }
    return cols;
  };
  const train = read(trainPath);
  const test = read(testPath);
  return { train, test, nUsers: users.size, nItems: items.size };
}
