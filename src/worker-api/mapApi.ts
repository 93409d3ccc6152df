// Worker API: the taste map — a PCA of the most-rated movies' item factors, with the person folded in and projected alike.
import { foldIn } from '../engine/als/foldIn';
import { fitProjection, mostRated, nearestPoints, project, projectRows, type MapProjection } from '../engine/als/tasteMap';
import { displayTitle } from '../engine/movielens/titles';
import { myRatings } from './cards';
import { getServing } from './state';

export interface TasteMapPoint {
  movieId: number;
  /** Display title: plain text, to be rendered as text. */
  title: string;
  year: number | null;
  x: number;
  y: number;
  /** MovieLens ratings of the movie in the dataset. */
  count: number;
  /** The person's own rating, or null. */
  myRating: number | null;
}

export interface TasteMapData {
  /** The sampled most-rated movies first, then rated movies outside the sample (projected, not fitted on). */
  points: TasteMapPoint[];
  /** How many of `points` are the sample the axes were fitted on. */
  sampled: number;
  /** The person's folded-in vector on the map; null before they rate a movie of this dataset. */
  me: { x: number; y: number } | null;
  /** movieIds of the unrated sampled movies nearest the person on the map, nearest first. */
  nearest: number[];
  /** Share of the sample's factor variance along PC1 and PC2. */
  explained: [number, number];
  rank: number;
  moviesInDataset: number;
  /** Milliseconds: picking the sample and fitting the PCA (0 when cached for this model), and the whole call (with loading the model when not yet in memory). */
  fitMillis: number;
  millis: number;
}

export const DEFAULT_MAP_MOVIES = 1500;

/** Keyed by the factor table itself: a retrained model keeps its id (one per dataset and objective) but not its factors. */
let cache: { factors: Float32Array; n: number; rows: number[]; projection: MapProjection; xy: Float64Array } | null = null;

/** The taste map for the active dataset's model, or null without a model. The PCA is cached per model and sample size. */
export async function tasteMap(n = DEFAULT_MAP_MOVIES, nearestCount = 10): Promise<TasteMapData | null> {
  const t0 = performance.now();
  const s = await getServing();
  if (!s?.model) return null;
  const { model } = s;
  let fitMillis = 0;
  if (cache?.factors !== model.itemFactors || cache.n !== n) {
    const tFit = performance.now();
    const rows = mostRated(s.counts, n, model.itemFactors, model.rank);
    const projection = fitProjection(model.itemFactors, model.rank, rows);
    cache = { factors: model.itemFactors, n, rows, projection, xy: projectRows(projection, model.itemFactors, rows) };
    fitMillis = performance.now() - tFit;
  }
  const { rows, projection, xy } = cache;
  const mine = await myRatings();
  const point = (i: number, x: number, y: number): TasteMapPoint => {
    const m = s.movies[i];
    return { movieId: m.movieId, title: displayTitle(m.title), year: m.year, x, y, count: s.counts[i], myRating: mine.get(m.movieId) ?? null };
  };
  const points = rows.map((i, k) => point(i, xy[2 * k], xy[2 * k + 1]));
  const inSample = new Set(rows);
  const items: number[] = [];
  const stars: number[] = [];
  for (const [movieId, rating] of mine) {
    const i = s.byMovieId.get(movieId);
    if (i === undefined) continue;
    items.push(i);
    stars.push(rating);
    if (!inSample.has(i)) {
      const [x, y] = project(projection, model.itemFactors, i * model.rank);
      points.push(point(i, x, y));
    }
  }
  let me: TasteMapData['me'] = null;
  let nearest: number[] = [];
  if (items.length > 0) {
    const [x, y] = project(projection, foldIn(model, items, stars).factors);
    me = { x, y };
    nearest = nearestPoints(xy, x, y, nearestCount + items.length)
      .filter((k) => points[k].myRating === null)
      .slice(0, nearestCount)
      .map((k) => points[k].movieId);
  }
  return {
    points,
    sampled: rows.length,
    me,
    nearest,
    explained: projection.explained,
    rank: model.rank,
    moviesInDataset: s.movies.length,
    fitMillis,
    millis: performance.now() - t0,
  };
}
