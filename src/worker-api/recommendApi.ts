// Worker API: the person's list. Ranked by the default ranker (rankFor, as `cli eval` scores defaultList) or by the
// explicit model's predicted stars, every row with its predicted stars and its reason; the popular fallback before any rating.
import { foldIn } from '../engine/als/foldIn';
import { clampStars, predict, topN } from '../engine/als/recommend';
import { popularityRanking } from '../engine/als/baselines';
import { displayTitle } from '../engine/movielens/titles';
import { rankFor } from '../engine/ranker/rankList';
import { explainByStars, explainRanked, reasonOf, type RowExplanation } from '../engine/ranker/explainRows';
import type { Profile } from '../engine/ranker/ranker';
import { recommendDefaults } from '../engine/defaults/recommendDefaults';
import { rankerDefaults } from '../engine/defaults/rankerDefaults';
import type { AlsModel } from '../engine/types';
import { openDb } from '../store/db';
import { hiddenMovies } from '../store/hidden';
import { getServing, type Serving } from './state';
import { card, myRatings } from './cards';
import type { ListControls, Recommendation, Recommendations, RecommendOptions, RowReason } from './apiTypes';

/** The popular fallback's damping: a movie's mean pulled toward the dataset's mean as if it had this many more ratings at it. */
const POPULAR_DAMPING = 10;

/** Dense indices never to recommend besides the person's own: hidden, or outside the genre/year filters. */
function excluded(s: Serving, hidden: Set<number>, opts: RecommendOptions): number[] {
  const out: number[] = [];
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

/** The person's ratings of movies in this catalogue, as the engine's profile. */
function profileOf(s: Serving, mine: Map<number, number>): { items: number[]; stars: number[] } {
  const items: number[] = [];
  const stars: number[] = [];
  for (const [movieId, rating] of mine) {
    const i = s.byMovieId.get(movieId);
    if (i !== undefined) {
      items.push(i);
      stars.push(rating);
    }
  }
  return { items, stars };
}

/** The controls as the ranker takes them: the switches at their measured strengths (rankerDefaults). */
function controlsOf(c: ListControls) {
  return { gems: c.gems ? rankerDefaults.gems : 0, recency: c.recency ? rankerDefaults.recency : 0, diversity: c.diversity ? rankerDefaults.diversity : 0 };
}

/**
 * A row's reason: the ratings carrying its score (the ranking that put it there), or, when the movie's own part
 * outweighs them, what that part is: for the ranker the taste of people like the person (or, with "newer films
 * first", the film's recency), for predicted stars the movie's standing with everyone (its bias).
 */
function reasonFor(s: Serving, row: RowExplanation, by: 'ranker' | 'stars', recency: boolean): RowReason {
  const r = reasonOf(row);
  if (r.kind === 'ratings') return { kind: 'ratings', titles: r.items.map((i) => displayTitle(s.movies[i].title)) };
  if (by === 'stars') return { kind: 'overall' };
  return recency && row.general > 0 ? { kind: 'newer' } : { kind: 'taste' };
}

/** Predicted stars for `items` from the explicit model (one fold-in). */
function starsOf(s: Serving, model: AlsModel, profile: Profile, items: number[]): number[] {
  const user = foldIn(model, profile.items, profile.stars, undefined, s.kernels);
  return items.map((i) => clampStars(predict(model, user, i)));
}

/** Serving states whose list code has run once. */
const warmed = new WeakSet<Serving>();

/**
 * Runs the ranked list's code once on a made-up profile (the three most-rated movies) while the person has not rated
 * anything yet, so the first rating's list is not the one that pays for compiling it (60 ms cold against 3–7 ms warm
 * on the sample in Chromium, `npm run bench -- first-visit`). Nothing is kept but the compiled code.
 */
function warmUp(s: Serving): void {
  if (warmed.has(s) || !s.ranker || !s.model) return;
  warmed.add(s);
  setTimeout(() => {
    const items = Array.from(s.counts.keys()).sort((a, b) => s.counts[b] - s.counts[a]).slice(0, 3);
    const profile = { items, stars: items.map(() => 4) };
    const ranked = rankFor(s.ranker!, profile, { n: recommendDefaults.n });
    explainRanked(s.ranker!, profile, ranked);
    starsOf(s, s.model!, profile, ranked.map((r) => r.item));
  }, 0);
}

/**
 * Top-N for the person. With ratings and both models, sorted 'best' (default): the default ranker's list (rankFor
 * with the controls), explained by explainRanked; sorted 'predicted', or without the ranker: the explicit model's
 * predicted stars, explained by explainByStars. Every personal row carries the explicit model's predicted stars and
 * a reason. Before any rating (or without a model): the labelled popularity fallback.
 */
export async function recommend(opts: RecommendOptions = {}): Promise<Recommendations> {
  const s = await getServing();
  const off = { gems: false, recency: false, diversity: false };
  if (!s) return { kind: 'none', sortBy: 'predicted', rankerAvailable: false, controls: off, items: [], minCount: 0, millis: 0 };
  const mine = opts.ratings ? new Map(opts.ratings) : await myRatings();
  const hidden = opts.hidden ? new Set(opts.hidden) : await hiddenMovies(await openDb());
  const t0 = performance.now();
  const n = opts.n ?? recommendDefaults.n;
  // A dataset without ratings (a Spark model imported with movies.csv alone) has no counts to filter on.
  const minCount = s.dataset.stats.ratings === 0 ? 0 : (opts.minCount ?? recommendDefaults.minCount);
  const profile = profileOf(s, mine);
  const exclude = excluded(s, hidden, opts);
  const rankerAvailable = s.model !== null && s.ranker !== null;
  if (!s.model || profile.items.length === 0) {
    const ranked = popularityRanking(s.counts, s.sums, s.dataset.stats.mean, { damping: POPULAR_DAMPING, minCount, n, exclude: [...profile.items, ...exclude] });
    const millis = performance.now() - t0;
    const items = ranked.map((r): Recommendation => ({ ...card(s, r.item, mine), predicted: r.score, because: [], reason: null }));
    warmUp(s);
    return { kind: 'popular', sortBy: 'predicted', rankerAvailable, controls: off, minCount, items, millis };
  }
  const rows = (explained: RowExplanation[], stars: number[], by: 'ranker' | 'stars', recency: boolean): Recommendation[] =>
    explained.map((e, k) => {
      const reason = reasonFor(s, e, by, recency);
      return { ...card(s, e.item, mine), predicted: stars[k], because: reason.kind === 'ratings' ? reason.titles : [], reason };
    });
  if (s.ranker && opts.sortBy !== 'predicted') {
    const controls = { gems: !!opts.gems, recency: !!opts.recency, diversity: !!opts.diversity };
    const ranked = rankFor(s.ranker, profile, { n, exclude, minCount, counts: s.counts, years: s.years, ...controlsOf(controls) });
    const items = ranked.map((r) => r.item);
    const stars = starsOf(s, s.model, profile, items);
    const explained = explainRanked(s.ranker, profile, ranked);
    const millis = performance.now() - t0;
    return { kind: 'personal', sortBy: 'best', rankerAvailable, controls, minCount, millis, items: rows(explained, stars, 'ranker', controls.recency) };
  }
  const user = foldIn(s.model, profile.items, profile.stars, undefined, s.kernels);
  const ranked = topN(s.model, user, { n, exclude: [...profile.items, ...exclude], minCount, counts: s.counts }, s.kernels);
  const items = ranked.map((r) => r.item);
  const explained = explainByStars(s.model, profile, items);
  const millis = performance.now() - t0;
  return { kind: 'personal', sortBy: 'predicted', rankerAvailable, controls: off, minCount, millis, items: rows(explained, ranked.map((r) => clampStars(r.score)), 'stars', false) };
}
