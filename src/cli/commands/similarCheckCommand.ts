// `cli similar-check`: for each movie with ≥ 50 ratings, how many of its 10 neighbours share a genre, per source, against chance.
import { similarItems } from '../../engine/als/similar';
import { buildCsr } from '../../engine/als/csr';
import { trainAls } from '../../engine/als/train';
import { explicitDefaults } from '../../engine/defaults/explicitDefaults';
import { similarCheck, type SimilarCheckResult } from '../../engine/eval/similarCheck';
import { rankerDefaults, rankerParams } from '../../engine/defaults/rankerDefaults';
import { trainRanker } from '../../engine/ranker/ranker';
import { similarMovies } from '../../engine/ranker/similarMovies';
import { loadDataset } from '../loadDataset';
import { parseOptions, UsageError, type OptionSpecs } from '../args';

export const usage = `similar-check <dataset dir or zip> [--min-ratings 50] [--n 10] [--min-count ${rankerDefaults.similarMinCount}] [--json]
       (before: explicit factors, neighbours with ≥ 10 ratings, as the app does today; after: the ranker's)`;

export const options = {
  'min-ratings': { kind: 'number', range: { min: 1, max: 1e8, integer: true }, help: 'check movies with at least this many ratings (default 50)' },
  n: { kind: 'number', range: { min: 1, max: 1000, integer: true }, help: 'neighbours per movie (default 10)' },
  'min-count': { kind: 'number', range: { min: 0, max: 1e8, integer: true }, help: `neighbours need this many ratings (default ${rankerDefaults.similarMinCount})` },
  json: { kind: 'flag', help: 'print the rows as JSON' },
} as const satisfies OptionSpecs;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0];
  if (!path) throw new UsageError('expected a dataset (folder or zip)');
  const minRatings = values['min-ratings'] ?? 50;
  const n = values.n ?? 10;
  const minCount = values['min-count'] ?? rankerDefaults.similarMinCount;
  const data = await loadDataset(path);
  const { users, movies } = data.stats;
  const genres = data.movies.map((m) => m.genres.filter((g) => g !== '(no genres listed)'));
  const log = (s: string) => !values.json && process.stderr.write(`${s}\n`);
  log('training the explicit model and the ranker on all ratings…');
  const explicit = trainAls(buildCsr(data.ratings, users, movies), explicitDefaults);
  const ranker = trainRanker(data.ratings, users, movies, rankerParams);
  const counts = ranker.counts;
  const check = (similar: (i: number) => { item: number; score: number }[], min: number) => similarCheck(genres, counts, similar, { minRatings, minCount: min });
  const rows: Record<string, SimilarCheckResult> = {
    'before: explicit factors, ≥ 10 ratings': check((i) => similarItems(explicit, i, { n, minCount: 10, counts }), 10),
    [`explicit factors, ≥ ${minCount} ratings`]: check((i) => similarItems(explicit, i, { n, minCount, counts }), minCount),
    [`EASE rows (iALS outside EASE), ≥ ${minCount} ratings`]: check((i) => similarMovies(ranker, i, { n, minCount, source: 'ease' }), minCount),
    [`after: ranker's iALS factors, ≥ ${minCount} ratings`]: check((i) => similarMovies(ranker, i, { n, minCount }), minCount),
  };
  if (values.json) {
    console.log(JSON.stringify({ dataset: path, minRatings, n, minCount, rows }, null, 2));
    return;
  }
  const first = Object.values(rows)[0];
  console.log(`${path}: ${first.movies} movies with ≥ ${minRatings} ratings and a genre, ${n} neighbours each`);
  console.log('source                                           same genre  (chance)  genre Jaccard  (chance)  fewest / median neighbour ratings');
  for (const [name, r] of Object.entries(rows)) {
    console.log(
      `${name.padEnd(48)} ${(100 * r.sameGenre).toFixed(1).padStart(9)}%  ${(100 * r.chanceSameGenre).toFixed(1).padStart(6)}%  ${r.genreJaccard.toFixed(3).padStart(13)}  ${r.chanceJaccard.toFixed(3).padStart(8)}  ${String(r.minNeighbourRatings).padStart(6)} / ${r.medianNeighbourRatings}`,
    );
  }
}
