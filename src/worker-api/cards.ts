// Helpers shared by the serving API modules (not part of the worker API): movie cards and the person's ratings.
import { displayTitle } from '../engine/movielens/titles';
import { openDb } from '../store/db';
import { getProfileRows } from '../store/profile';
import type { Serving } from './state';
import type { MovieCard } from './apiTypes';

/** A movie as the screens show it, with the person's own rating. */
export function card(s: Serving, index: number, mine: Map<number, number>): MovieCard {
  const m = s.movies[index];
  return {
    movieId: m.movieId,
    title: displayTitle(m.title),
    year: m.year,
    genres: m.genres,
    count: m.count,
    mean: m.mean,
    myRating: mine.get(m.movieId) ?? null,
  };
}

/** The person's ratings by MovieLens movieId. */
export async function myRatings(): Promise<Map<number, number>> {
  const db = await openDb();
  const rows = await getProfileRows(db);
  const out = new Map<number, number>();
  for (let k = 0; k < rows.ids.length; k++) out.set(rows.ids[k], rows.ratings[k]);
  return out;
}
