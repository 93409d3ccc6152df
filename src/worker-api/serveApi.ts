// Worker API: status, recommendations (fold-in or popular fallback), the person's ratings, search.
import { foldIn } from '../engine/als/foldIn';
import { explainScores, type Contribution } from '../engine/als/explain';
import { clampStars, topN } from '../engine/als/recommend';
import { popularityRanking } from '../engine/als/baselines';
import { displayTitle } from '../engine/movielens/titles';
import { TitleIndex } from '../engine/movielens/titleSearch';
import { openDb } from '../store/db';
import { cleanupIncomplete, deleteIfIncomplete, listDatasets } from '../store/datasets';
import { getProfileRows, setRating } from '../store/profile';
import type { ProfileRecord } from '../store/schema';
import { hiddenMovies, setHidden } from '../store/hidden';
import { takeOff } from '../store/watchlist';
import { latestModel } from '../store/models';
import { importsRunning, whenImportEnds } from './importLock';
import { activeDataset, getServing, invalidateServing, modelSummary, summarize, type Serving } from './state';
import { card, myRatings } from './cards';
import { recommendDefaults } from '../engine/defaults/recommendDefaults';
import type { AppStatus, MovieCard, Recommendations, RecommendOptions } from './apiTypes';

const POPULAR_DAMPING = 10;

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
    ratedCount,
    cleaned,
  };
}

/** Dense indices never to recommend: rated, hidden, or outside the genre/year filters. */
function excluded(s: Serving, rated: number[], hidden: Set<number>, opts: RecommendOptions): number[] {
  const out = [...rated];
  for (const id of hidden) {
    const i = s.byMovieId.get(id);
    if (i !== undefined) out.push(i);
  }
  const { genre, yearFrom, yearTo } = opts;
  if (genre || yearFrom != null || yearTo != null) {
    for (const m of s.movies) {
      const wrongGenre = genre ? !m.genres.includes(genre) : false;
      const wrongYear = (yearFrom != null || yearTo != null) && (m.year === null || (yearFrom != null && m.year < yearFrom) || (yearTo != null && m.year > yearTo));
      if (wrongGenre || wrongYear) out.push(m.index);
    }
  }
  return out;
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
 * Top-N for the person: fold-in against the item factors when they have rated something, else the popular fallback.
 * With `objective: 'implicit'` and an implicit model, the list is ranked by its "will watch" scores instead of stars.
 */
export async function recommend(opts: RecommendOptions = {}): Promise<Recommendations> {
  const s = await getServing();
  if (!s) return { kind: 'none', objective: 'explicit', implicitAvailable: false, items: [], minCount: 0, millis: 0 };
  const mine = await myRatings();
  const hidden = await hiddenMovies(await openDb());
  const t0 = performance.now();
  const n = opts.n ?? recommendDefaults.n;
  // A dataset without ratings (a Spark model imported with movies.csv alone) has no counts to filter on.
  const minCount = s.dataset.stats.ratings === 0 ? 0 : (opts.minCount ?? recommendDefaults.minCount);
  const items: number[] = [];
  const stars: number[] = [];
  for (const [movieId, rating] of mine) {
    const i = s.byMovieId.get(movieId);
    if (i !== undefined) {
      items.push(i);
      stars.push(rating);
    }
  }
  const exclude = excluded(s, items, hidden, opts);
  const implicitAvailable = s.model !== null && s.implicitModel !== null;
  if (!s.model || items.length === 0) {
    const ranked = popularityRanking(s.counts, s.sums, s.dataset.stats.mean, { damping: POPULAR_DAMPING, minCount, n, exclude });
    const millis = performance.now() - t0;
    return { kind: 'popular', objective: 'explicit', implicitAvailable, minCount, items: ranked.map((r) => ({ ...card(s, r.item, mine), predicted: r.score, because: [] })), millis };
  }
  if (opts.objective === 'implicit' && s.implicitModel) {
    // iALS: every rating is a watch; the score is the predicted preference (near 1: likely to watch), not stars.
    const implicit = s.implicitModel;
    const ranked = topN(implicit, foldIn(implicit, items, stars, undefined, s.kernels), { n, exclude, minCount, counts: s.counts }, s.kernels);
    const millis = performance.now() - t0;
    // The watches that carry at least a tenth of the score (its shares add up to the whole score).
    const shares = explainScores(implicit, items, stars, ranked.map((r) => r.item));
    return {
      kind: 'personal',
      objective: 'implicit',
      implicitAvailable,
      minCount,
      millis,
      items: ranked.map((r, k) => ({ ...card(s, r.item, mine), predicted: r.score, because: becauseOf(s, shares[k], Math.max(0.1 * r.score, 1e-6)) })),
    };
  }
  const user = foldIn(s.model, items, stars, undefined, s.kernels);
  const ranked = topN(s.model, user, { n, exclude, minCount, counts: s.counts }, s.kernels);
  const millis = performance.now() - t0;
  const shares = explainScores(s.model, items, stars, ranked.map((r) => r.item));
  return {
    kind: 'personal',
    objective: 'explicit',
    implicitAvailable,
    minCount,
    millis,
    items: ranked.map((r, k) => ({
      ...card(s, r.item, mine),
      predicted: clampStars(r.score),
      because: becauseOf(s, shares[k], 0.05),
    })),
  };
}

/** The titles of the (at most two) ratings that add the most to a score, each adding more than `least`. */
function becauseOf(s: Serving, shares: Contribution[], least: number): string[] {
  return shares
    .filter((c) => c.share > least)
    .slice(0, 2)
    .map((c) => displayTitle(s.movies[c.item].title));
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
