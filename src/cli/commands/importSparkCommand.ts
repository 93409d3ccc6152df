// `cli import-spark`: turns Spark MLlib ALS item factors plus the dataset's movies into a PocketLens model file.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { encodeModel } from '../../engine/model/modelFile';
import { parseMoviesCsv } from '../../engine/movielens/textCsv';
import { parseSparkItemFactors, sparkToPortable, type MovieDetails } from '../../engine/spark/itemFactors';
import type { InputFile } from '../../engine/movielens/files';
import { loadDataset } from '../loadDataset';
import { num } from '../args';
import { sparkDefaults } from '../../engine/defaults/sparkDefaults';

export const usage = `import-spark <item-factors dir | zip | part files…> --movies <movies.csv | dataset dir or zip> --out model.plm [--reg ${sparkDefaults.regParam}] [--json]`;

/** A Spark output folder, a zip of it, or part files named one by one. */
function readFactorFiles(paths: string[]): InputFile[] {
  return paths.flatMap((p): InputFile[] => {
    if (statSync(p).isDirectory()) return readdirSync(p).map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(p, f))) }));
    if (p.toLowerCase().endsWith('.zip')) return Object.entries(unzipSync(new Uint8Array(readFileSync(p)))).map(([path, bytes]) => ({ path, bytes }));
    return [{ path: basename(p), bytes: new Uint8Array(readFileSync(p)) }];
  });
}

/** movies.csv alone gives titles; a whole dataset also gives each movie's rating count and mean. */
function readMovies(path: string): MovieDetails[] {
  if (!statSync(path).isDirectory() && path.toLowerCase().endsWith('.csv')) return parseMoviesCsv(new Uint8Array(readFileSync(path)), basename(path));
  return loadDataset(path).movies;
}

export function run(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { movies: { type: 'string' }, out: { type: 'string' }, reg: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0 || !values.movies || !values.out) throw new Error(`usage: npm run cli -- ${usage}`);
  const spark = parseSparkItemFactors(readFactorFiles(positionals));
  const model = sparkToPortable(spark, readMovies(values.movies), { regParam: num(values.reg, 'reg', sparkDefaults.regParam), dataset: basename(values.movies) });
  const { dropped, ...portable } = model;
  const bytes = encodeModel(portable);
  writeFileSync(values.out, bytes);
  const summary = { out: values.out, rank: spark.rank, items: spark.ids.length, movies: portable.movies.length, droppedWithoutMovie: dropped };
  console.log(
    values.json
      ? JSON.stringify(summary, null, 2)
      : `wrote ${values.out}: ${portable.movies.length} movies at rank ${spark.rank}${dropped ? ` (${dropped} factor rows had no movie in ${values.movies} and were dropped)` : ''}`,
  );
}
