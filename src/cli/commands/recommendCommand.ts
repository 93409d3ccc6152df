// `cli recommend`: folds a person's ratings file into a saved model and prints their top N with reasons.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { foldIn } from '../../engine/als/foldIn';
import { clampStars, topN } from '../../engine/als/recommend';
import { explainScore } from '../../engine/als/explain';
import { asAlsModel, decodeModel } from '../../engine/model/modelFile';
import { CSV_OPTIONS, unifyLineBreaks } from '../../engine/movielens/csvText';
import { ImportError } from '../../engine/movielens/errors';
import { displayTitle } from '../../engine/movielens/titles';
import { parseOptions, UsageError, type OptionSpecs } from '../args';
import { recommendDefaults } from '../../engine/defaults/recommendDefaults';

export const usage = `recommend model.plm --ratings my.csv [--n ${recommendDefaults.n}] [--min-count ${recommendDefaults.minCount}] [--json]   (my.csv: movieId,rating columns with a header)`;

/** Reads a ratings file with a header naming movieId and rating (e.g. MovieLens ratings.csv layout). */
export function readPersonRatings(text: string, file: string): { movieId: number; rating: number }[] {
  const rows = Papa.parse<string[]>(unifyLineBreaks(text.replace(/^\uFEFF/, '')), { ...CSV_OPTIONS, skipEmptyLines: true }).data;
  const header = (rows[0] ?? []).map((h) => h.trim());
  const mi = header.indexOf('movieId');
  const ri = header.indexOf('rating');
  if (mi < 0 || ri < 0) throw new ImportError(file, 1, `expected a header with movieId and rating columns, found "${header.join(',')}"`);
  return rows.slice(1).map((r, k) => {
    const movieId = Number(r[mi]);
    const rating = Number(r[ri]);
    if (!Number.isInteger(movieId)) throw new ImportError(file, k + 2, `expected a whole-number movieId, found "${r[mi]}"`);
    if (!(rating >= 0.5 && rating <= 5)) throw new ImportError(file, k + 2, `expected a rating from 0.5 to 5, found "${r[ri]}"`);
    return { movieId, rating };
  });
}

export const options = {
  ratings: { kind: 'text', arg: 'FILE', help: 'your ratings: a CSV with movieId and rating columns' },
  n: { kind: 'number', range: { min: 1, max: 1000, integer: true }, help: `how many recommendations (default ${recommendDefaults.n})` },
  'min-count': { kind: 'number', range: { min: 0, max: 1_000_000_000, integer: true }, help: `only movies with at least this many ratings in the data (default ${recommendDefaults.minCount})` },
  json: { kind: 'flag', help: 'print the list as JSON' },
} as const satisfies OptionSpecs;

export function run(args: string[]): void {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0];
  if (!path) throw new UsageError('expected a model file (.plm)');
  if (!values.ratings) throw new UsageError('expected --ratings FILE: your ratings');
  const portable = decodeModel(new Uint8Array(readFileSync(path)), path);
  const model = asAlsModel(portable);
  const index = new Map(portable.movies.map((m, i) => [m.movieId, i]));
  const mine = readPersonRatings(readFileSync(values.ratings, 'utf8'), values.ratings);
  const known = mine.filter((r) => index.has(r.movieId));
  const items = known.map((r) => index.get(r.movieId)!);
  const stars = known.map((r) => r.rating);
  const user = foldIn(model, items, stars);
  const counts = Int32Array.from(portable.movies, (m) => m.count);
  const top = topN(model, user, { n: values.n ?? recommendDefaults.n, exclude: items, minCount: values['min-count'] ?? recommendDefaults.minCount, counts });
  // An implicit (iALS) model ranks by its watch score (near 1: very likely to watch), which is not stars.
  const implicit = model.params.objective === 'implicit';
  const rows = top.map((t) => {
    const m = portable.movies[t.item];
    const because = explainScore(model, items, stars, t.item)
      .filter((c) => c.share > (implicit ? 0.1 * t.score : 0))
      .slice(0, 2)
      .map((c) => displayTitle(portable.movies[c.item].title));
    const score = implicit ? { watchScore: t.score } : { predicted: clampStars(t.score) };
    return { movieId: m.movieId, title: displayTitle(m.title), year: m.year, genres: m.genres, ...score, count: m.count, because };
  });
  if (values.json) {
    console.log(JSON.stringify({ model: path, rated: mine.length, unknown: mine.length - known.length, recommendations: rows }, null, 2));
    return;
  }
  console.log(`${known.length} of your ${mine.length} ratings are in the model's catalogue.${implicit ? ' Implicit model: ranked by watch score (near 1: very likely to watch), not stars.' : ''}`);
  rows.forEach((r, k) => {
    const score = r.watchScore !== undefined ? `watch ${r.watchScore.toFixed(2)}` : `${r.predicted!.toFixed(1)}★`;
    const why = r.because.length ? `  because you ${implicit ? 'watched' : 'rated'} ${r.because.join(' and ')}` : '';
    console.log(`${String(k + 1).padStart(2)}. ${score}  ${r.title}${r.year ? ` (${r.year})` : ''}  [${r.count} ratings]${why}`);
  });
}
