// Helpers shared by the serving API modules (not part of the worker API): movie cards and the person's ratings.
import { displayTitle } from '../engine/movielens/titles';
import { openDb } from '../store/db';
import { getProfile } from '../store/profile';
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
  return new Map((await getProfile(db)).map((r) => [r.movieId, r.rating]));
}
