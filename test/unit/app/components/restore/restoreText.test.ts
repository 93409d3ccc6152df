// The words of a restore with real numbers: the question names what the backup holds and what it replaces, only the
// parts it holds; the answer names only what was written.
import { expect, test } from 'vitest';
import { holdsText, keepsText, progressText, replacesText, restoredText } from '../../../../../src/app/components/restore/restoreText';
import type { BackupSummary, RestoreResult } from '../../../../../src/worker-api/restoreApi';

const summary = (holds: BackupSummary['holds'], replaces: BackupSummary['replaces']): BackupSummary => ({
  token: 't',
  file: 'b.json',
  holds,
  replaces,
  bytes: 0,
  seconds: { read: 0, parse: 0, blocks: 0, space: 0 },
});
const result = (r: Partial<RestoreResult>): RestoreResult => ({ file: 'b.json', count: 0, undo: { id: 't', kind: 'restore', file: 'b.json', at: 0 }, writeSeconds: 0, ...r });

test('the question: 412 ratings, 9 hidden and settings against 36 ratings and 2 hidden', () => {
  const s = summary({ ratings: 412, hidden: 9, watchlist: 0, settings: true, notSeen: 0 }, { ratings: 36, hidden: 2, watchlist: 0, settings: true });
  expect(holdsText(s.holds)).toBe('412 ratings, 9 hidden movies and settings');
  expect(replacesText(s)).toBe('your 36 ratings, 2 hidden movies and your settings');
  expect(keepsText(s)).toBe('');
  const many = summary({ ratings: 1_000_000, hidden: 1, watchlist: 0, settings: true, notSeen: 1_000_000 }, { ratings: 1, hidden: 0, watchlist: 0, settings: false });
  expect(holdsText(many.holds)).toBe('1,000,000 ratings, 1 hidden movie and settings (with 1,000,000 “haven’t seen” movies)');
  expect(replacesText(many)).toBe('your 1 rating, 0 hidden movies and your settings');
});

test('an old backup without hidden marks or settings: they are neither counted nor replaced, and the question says they stay', () => {
  const s = summary({ ratings: 3, hidden: null, watchlist: null, settings: false, notSeen: 0 }, { ratings: 5, hidden: 4, watchlist: 0, settings: true });
  expect(holdsText(s.holds)).toBe('3 ratings');
  expect(replacesText(s)).toBe('your 5 ratings');
  expect(keepsText(s)).toBe('Your hidden movies and settings stay as they are: the backup has none.');
});

test('the answer names only what was written', () => {
  expect(restoredText(result({ count: 3 }))).toBe('Restored 3 ratings');
  expect(restoredText(result({ count: 1, hidden: 0, settings: {} }))).toBe('Restored 1 rating and your settings');
  expect(restoredText(result({ count: 412, hidden: 9, settings: {} }))).toBe('Restored 412 ratings, 9 hidden movies and your settings');
  expect(progressText({ phase: 'read', done: 23_400_000, total: 55_900_000 })).toBe('Reading: 23 of 56 MB');
  expect(progressText({ phase: 'check', done: 0, total: 5_500_000 })).toBe('Checking 5.5 MB');
});

test('the watchlist: counted when either side has a movie on it; a version-1 backup says the watchlist stays', () => {
  const s = summary({ ratings: 412, hidden: 9, watchlist: 12, settings: true, notSeen: 0 }, { ratings: 36, hidden: 2, watchlist: 1, settings: true });
  expect(holdsText(s.holds)).toBe('412 ratings, 9 hidden movies, 12 movies on the watchlist and settings');
  expect(replacesText(s)).toBe('your 36 ratings, 2 hidden movies, 1 movie on the watchlist and your settings');
  const emptied = summary({ ratings: 3, hidden: 0, watchlist: 0, settings: false, notSeen: 0 }, { ratings: 5, hidden: 0, watchlist: 4, settings: false });
  expect(holdsText(emptied.holds)).toBe('3 ratings and 0 hidden movies');
  expect(replacesText(emptied)).toBe('your 5 ratings, 0 hidden movies and 4 movies on the watchlist');
  const v1 = summary({ ratings: 3, hidden: 1, watchlist: null, settings: true, notSeen: 0 }, { ratings: 5, hidden: 4, watchlist: 2, settings: true });
  expect(keepsText(v1)).toBe('Your watchlist stays as it is: the backup has none.');
  const v1bare = summary({ ratings: 3, hidden: null, watchlist: null, settings: false, notSeen: 0 }, { ratings: 5, hidden: 4, watchlist: 2, settings: true });
  expect(keepsText(v1bare)).toBe('Your hidden movies, watchlist and settings stay as they are: the backup has none.');
  expect(restoredText(result({ count: 412, hidden: 9, watchlist: 12, settings: {} }))).toBe('Restored 412 ratings, 9 hidden movies, 12 movies on the watchlist and your settings');
});
