// Worker API: the person's marks on movies besides ratings — the watchlist ("Want to watch", sorted by predicted rating,
// exported for Letterboxd) and the movies marked "not interested", listed so they can be unhidden.
import { bayesianAverage } from '../engine/als/baselines';
import { foldIn } from '../engine/als/foldIn';
import { clampStars, predict } from '../engine/als/recommend';
import { letterboxdWatchlistCsv, type LetterboxdExport } from '../engine/exportLetterboxd';
import { openDb } from '../store/db';
import { getHidden, setHidden } from '../store/hidden';
import { getWatchlist, setWatched } from '../store/watchlist';
import { card, myRatings } from './cards';
import { getServing, type Serving } from './state';
import type { MovieCard } from './apiTypes';

/** The pseudo-count of the damped average shown when there is no personal prediction (as the popular list uses). */
const AVERAGE_DAMPING = 10;

/** Which movies carry which mark: what the page needs to draw every row's buttons. */
export interface Marks {
  watchlist: number[];
  hidden: number[];
}

export interface WatchEntry extends MovieCard {
  addedAt: number;
  /** Predicted stars for the person, or the damped MovieLens average when there is no model or no rating yet. */
  predicted: number;
}

export interface Watchlist {
  /** Best predicted first (then the most recently added). */
  entries: WatchEntry[];
  /** 'personal': predicted from the person's ratings; 'average': the damped MovieLens average (nothing rated yet). */
  basis: 'personal' | 'average';
  /** Movies on the watchlist that the active dataset does not have (added with another dataset). */
  elsewhere: number;
}

export interface HiddenEntry extends MovieCard {
  hiddenAt: number;
}

export async function marks(): Promise<Marks> {
  const db = await openDb();
  const [w, h] = await Promise.all([getWatchlist(db), getHidden(db)]);
  return { watchlist: w.map((r) => r.movieId), hidden: h.map((r) => r.movieId) };
}

/**
 * Puts a movie on the watchlist (at `addedAt`, now by default: an Undo passes the original time) or takes it off.
 * Wanting to watch a movie marked "not interested" takes that mark off. Returns the time it had been added, if it was on.
 */
export async function watch(movieId: number, on = true, addedAt?: number): Promise<{ addedAt: number | null }> {
  const db = await openDb();
  const before = await setWatched(db, movieId, on, addedAt);
  if (on && (await getHidden(db)).some((h) => h.movieId === movieId)) await setHidden(db, movieId, false);
  return { addedAt: before?.addedAt ?? null };
}

/** The person's predictions for `indices`, or null when nothing is rated or there is no star model. */
async function predictions(s: Serving, indices: number[]): Promise<number[] | null> {
  if (!s.model) return null;
  const items: number[] = [];
  const stars: number[] = [];
  for (const [id, r] of await myRatings()) {
    const i = s.byMovieId.get(id);
    if (i !== undefined) (items.push(i), stars.push(r));
  }
  if (items.length === 0) return null;
  const user = foldIn(s.model, items, stars);
  return indices.map((i) => clampStars(predict(s.model!, user, i)));
}

/** The watchlist as the screen shows it: best predicted first; rated movies never appear (rating takes a movie off). */
export async function watchlist(): Promise<Watchlist> {
  const s = await getServing();
  const records = await getWatchlist(await openDb());
  if (!s) return { entries: [], basis: 'average', elsewhere: records.length };
  const mine = await myRatings();
  const here = records.filter((r) => s.byMovieId.has(r.movieId) && !mine.has(r.movieId));
  const indices = here.map((r) => s.byMovieId.get(r.movieId)!);
  const personal = await predictions(s, indices);
  const mean = s.dataset.stats.mean;
  const entries = here.map((r, k): WatchEntry => {
    const i = indices[k];
    const predicted = personal ? personal[k] : bayesianAverage(s.sums[i], s.counts[i], mean, AVERAGE_DAMPING);
    return { ...card(s, i, mine), addedAt: r.addedAt, predicted };
  });
  entries.sort((a, b) => b.predicted - a.predicted || b.addedAt - a.addedAt);
  return { entries, basis: personal ? 'personal' : 'average', elsewhere: records.filter((r) => !s.byMovieId.has(r.movieId)).length };
}

/** The movies marked "not interested", most recently hidden first (those of another dataset are left out). */
export async function hiddenList(): Promise<HiddenEntry[]> {
  const s = await getServing();
  if (!s) return [];
  const mine = await myRatings();
  return (await getHidden(await openDb()))
    .filter((h) => s.byMovieId.has(h.movieId))
    .sort((a, b) => b.hiddenAt - a.hiddenAt)
    .map((h) => ({ ...card(s, s.byMovieId.get(h.movieId)!, mine), hiddenAt: h.hiddenAt }));
}

/** The watchlist as a CSV Letterboxd imports as a watchlist (titles and ids from the active dataset). */
export async function exportWatchlist(): Promise<LetterboxdExport> {
  const s = await getServing();
  if (!s) throw new Error('No dataset is loaded: the watchlist export takes titles and ids from the active dataset.');
  const records = await getWatchlist(await openDb());
  return letterboxdWatchlistCsv(records, (movieId) => {
    const i = s.byMovieId.get(movieId);
    return i === undefined ? undefined : s.movies[i];
  });
}
