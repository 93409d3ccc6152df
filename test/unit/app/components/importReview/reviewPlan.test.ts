// What Save writes from an import review: new movies, the person's picks among candidates, and for movies they rated
// differently their own rating unless they chose to take the imported one.
import { expect, test } from 'vitest';
import { reviewPlan } from '../../../../../src/app/components/importReview/reviewPlan';
import type { ImportCandidate, ImportPreview, ImportRowView } from '../../../../../src/worker-api/externalImportApi';

const row = (line: number, title: string, rating: number, ratedAt: number | null = 1_700_000_000_000 + line): ImportRowView => ({ line, title, year: 1999, rating, fileRating: String(rating * 2), ratedAt });
const movie = (movieId: number, title: string, myRating: number | null = null): ImportCandidate => ({ movieId, title, year: 1999, count: 100, genres: ['Drama'], imdbUrl: null, myRating });

const preview: ImportPreview = {
  source: 'imdb',
  sourceName: 'IMDb',
  file: 'ratings.csv',
  rows: 6,
  matched: [
    { row: row(2, 'The Matrix', 5), movie: movie(2571, 'Matrix, The'), note: null },
    { row: row(3, 'Fight Club', 4.5), movie: movie(2959, 'Fight Club', 3), note: null }, // rated 3 here: a conflict
    { row: row(4, 'Magnolia', 4), movie: movie(3160, 'Magnolia', 4), note: null }, // rated the same
  ],
  ambiguous: [{ row: row(5, 'Solaris', 3.5), candidates: [movie(6001, 'Solaris'), movie(6002, 'Solaris', 2)], why: 'Two movies called Solaris (1999)' }],
  unmatched: [{ row: { line: 6, title: 'Nope', year: 2022 }, reason: 'not in this dataset' }],
  seconds: { read: 0, parse: 0, catalogue: 0, match: 0 },
};

test('with no choices: the new movie is saved, the person keeps their own rating, the same rating changes nothing', () => {
  const r = reviewPlan(preview, new Map(), new Set());
  expect(r.fresh.map((m) => m.movie.movieId)).toEqual([2571]);
  expect(r.conflicts.map((c) => c.movie.movieId)).toEqual([2959]);
  expect(r.same.map((c) => c.movie.movieId)).toEqual([3160]);
  expect(r.plan.save).toEqual([{ movieId: 2571, rating: 5, ratedAt: 1_700_000_000_002, replace: false }]);
  expect(r.plan).toMatchObject({ keptMine: 1, same: 1 });
});

test('taking the imported rating for a conflict saves it as a replacement', () => {
  const r = reviewPlan(preview, new Map(), new Set([3]));
  expect(r.plan.save).toEqual([
    { movieId: 2571, rating: 5, ratedAt: 1_700_000_000_002, replace: false },
    { movieId: 2959, rating: 4.5, ratedAt: 1_700_000_000_003, replace: true },
  ]);
  expect(r.plan.keptMine).toBe(0);
});

test('picking a candidate adds that movie; picking one the person rated differently makes it a conflict to settle', () => {
  const picked = reviewPlan(preview, new Map([[5, 6001]]), new Set());
  expect(picked.plan.save.map((s) => s.movieId)).toEqual([2571, 6001]);
  expect(picked.entries.find((e) => e.line === 5)).toEqual({ line: 5, movieId: 6001, rating: 3.5, ratedAt: 1_700_000_000_005, takeImported: false });
  const other = reviewPlan(preview, new Map([[5, 6002]]), new Set());
  expect(other.conflicts.map((c) => c.movie.movieId)).toEqual([2959, 6002]);
  expect(other.plan.keptMine).toBe(2);
  expect(reviewPlan(preview, new Map([[5, 6002]]), new Set([5])).plan.save.at(-1)).toEqual({ movieId: 6002, rating: 3.5, ratedAt: 1_700_000_000_005, replace: true });
});
