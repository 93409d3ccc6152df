// Worker API: status, the person's ratings, search (the list itself: recommendApi.ts).
import { TitleIndex } from '../engine/movielens/titleSearch';
import { openDb } from '../store/db';
import { cleanupIncomplete, deleteIfIncomplete, listDatasets } from '../store/datasets';
import { getProfileRows, setRating } from '../store/profile';
import type { ProfileRecord } from '../store/schema';
import { setHidden } from '../store/hidden';
import { takeOff } from '../store/watchlist';
import { latestModel } from '../store/models';
import { importsRunning, whenImportEnds } from './importLock';
import { activeDataset, getServing, invalidateServing, modelSummary, summarize, type Serving } from './state';
import { card, myRatings } from './cards';
import type { AppStatus, MovieCard } from './apiTypes';

/** Drops cached serving state (after an import or a training in another worker). */
export async function reload(): Promise<void> {
  invalidateServing();
}

export async function status(): Promise<AppStatus> {
  const db = await openDb();
  const running = await importsRunning();
  const cleaned = await cleanupIncomplete(db, running);
  for (const id of running) whenImportEnds(id, () => deleteIfIncomplete(db, id));
  const datasets = (await listDatasets(db)).map(summarize);
  const active = await activeDataset();
  const model = active ? await latestModel(db, active.id, 'explicit') : undefined;
  const implicitModel = active ? await latestModel(db, active.id, 'implicit') : undefined;
  const ratedCount = (await getProfileRows(db)).ids.length;
  return {
    datasets,
    active: active ? summarize(active) : null,
    model: model ? modelSummary(model) : null,
    implicitModel: implicitModel ? modelSummary(implicitModel) : null,
    // The ranker fits the dataset (latestModel checks) and carries its EASE part (implicit models stored before it do not).
    ranker: implicitModel?.ranker ? modelSummary(implicitModel) : null,
    ratedCount,
    cleaned,
  };
}

/**
 * Marks (or unmarks) a movie "not interested": it is never recommended while marked, and leaves the watchlist. Returns
 * when it had been put on the watchlist (null: it was not), so an Undo puts it back as it was.
 */
export async function hide(movieId: number, hidden = true): Promise<{ watchlistedAt: number | null }> {
  const db = await openDb();
  await setHidden(db, movieId, hidden);
  const off = hidden ? await takeOff(db, [movieId]) : [];
  return { watchlistedAt: off[0]?.addedAt ?? null };
}

/** The genres of the active dataset, sorted, for the filter. */
export async function genres(): Promise<string[]> {
  const s = await getServing();
  return s ? [...new Set(s.movies.flatMap((m) => m.genres))].sort() : [];
}

/**
 * Saves (or with null, removes) one of the person's ratings, dated now unless `ratedAt` is given (Undo of a removal
 * puts the rating back with its own date). Returns the rating it replaced or removed, if any. A rated movie leaves the
 * watchlist (a second, small transaction, only when it was on it; the watchlist never lists a rated movie, so a crash
 * between them shows nothing odd).
 */
export async function rate(movieId: number, rating: number | null, ratedAt?: number): Promise<ProfileRecord | null> {
  const db = await openDb();
  if (ratedAt !== undefined && !(Number.isFinite(ratedAt) && ratedAt >= 0)) throw new RangeError(`expected a time in milliseconds, got ${ratedAt}`);
  const before = await setRating(db, movieId, rating, ratedAt);
  if (rating !== null) await takeOff(db, [movieId]);
  return before;
}

/**
 * The person's ratings of movies in the active dataset, with movie details and when, newest first (a million ratings
 * are read as columns; only the ones in the catalogue become cards).
 */
export async function ratedMovies(): Promise<MovieCard[]> {
  const s = await getServing();
  if (!s) return [];
  const rows = await getProfileRows(await openDb());
  const kept: number[] = [];
  for (let k = 0; k < rows.ids.length; k++) if (s.byMovieId.has(rows.ids[k])) kept.push(k);
  kept.sort((a, b) => rows.ratedAt[b] - rows.ratedAt[a] || rows.ids[a] - rows.ids[b]);
  const mine = new Map(kept.map((k) => [rows.ids[k], rows.ratings[k]]));
  return kept.map((k) => ({ ...card(s, s.byMovieId.get(rows.ids[k])!, mine), ratedAt: rows.ratedAt[k] }));
}

/** Well-known movies to rate: most-rated first, skipping ones already rated. */
export async function moviesToRate(n = 24): Promise<MovieCard[]> {
  const s = await getServing();
  if (!s) return [];
  const mine = await myRatings();
  const order = Array.from(s.counts.keys()).sort((a, b) => s.counts[b] - s.counts[a] || a - b);
  const out: MovieCard[] = [];
  for (const i of order) {
    if (out.length >= n) break;
    if (!mine.has(s.movies[i].movieId)) out.push(card(s, i, mine));
  }
  return out;
}

/** The prefix index of the serving catalogue, built on the first search (≈0.2 s for 62K titles). */
const titleIndexes = new WeakMap<Serving, TitleIndex>();

/** Title search (engine/movielens/titleSearch.ts): word starts, sequel numerals in any spelling, words typed together, plausible years; best match first, then most-rated. */
export async function search(query: string, limit = 20): Promise<MovieCard[]> {
  const s = await getServing();
  if (!s) return [];
  let index = titleIndexes.get(s);
  if (!index) titleIndexes.set(s, (index = new TitleIndex(s.searchKeys, s.counts)));
  const hits = index.search(query, limit);
  if (hits.length === 0) return [];
  const mine = await myRatings();
  return hits.map((i) => card(s, i, mine));
}
