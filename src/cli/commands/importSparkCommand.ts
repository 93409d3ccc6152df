// `cli import-spark`: turns Spark MLlib ALS item factors plus the dataset's movies into a PocketLens model file.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { encodeModel } from '../../engine/model/modelFile';
import { parseMoviesCsv } from '../../engine/movielens/textCsv';
import { parseSparkItemFactors, sparkToPortable, type MovieDetails } from '../../engine/spark/itemFactors';
import type { InputFile } from '../../engine/movielens/files';
import { loadDataset } from '../loadDataset';
import { parseOptions, UsageError, type OptionSpecs } from '../args';
import { readZipFiles } from '../fileSource';
import { sparkDefaults } from '../../engine/defaults/sparkDefaults';

export const usage = `import-spark <item-factors dir | zip | part files…> --movies <movies.csv | dataset dir or zip> --out model.plm [--reg ${sparkDefaults.regParam}] [--json]`;

/** A Spark output folder, a zip of it (through the app's zip reader), or part files named one by one. */
async function readFactorFiles(paths: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) out.push({ path: f, bytes: new Uint8Array(readFileSync(join(p, f))) });
    else if (p.toLowerCase().endsWith('.zip')) for (const f of await readZipFiles(p, basename(p))) out.push(f);
    else out.push({ path: basename(p), bytes: new Uint8Array(readFileSync(p)) });
  }
  return out;
}

/** movies.csv alone gives titles; a whole dataset also gives each movie's rating count and mean. */
async function readMovies(path: string): Promise<MovieDetails[]> {
  if (!statSync(path).isDirectory() && path.toLowerCase().endsWith('.csv')) return parseMoviesCsv(new Uint8Array(readFileSync(path)), basename(path));
  return (await loadDataset(path)).movies;
}

export const options = {
  movies: { kind: 'text', arg: 'PATH', help: "the dataset's movies.csv, or the whole dataset (folder or zip) for counts and means" },
  out: { kind: 'text', arg: 'FILE', help: 'where to write the model (.plm)' },
  reg: { kind: 'number', range: { min: 0, max: 100, minOpen: true }, arg: 'X', help: "Spark's regParam, used to fold a person in (default " + String(sparkDefaults.regParam) + ")" },
  json: { kind: 'flag', help: 'print the summary as JSON' },
} as const satisfies OptionSpecs;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  if (positionals.length === 0) throw new UsageError('expected the item factors: a Spark output folder, a zip of it, or part files');
  if (!values.movies) throw new UsageError('expected --movies PATH: the titles come from the dataset');
  if (!values.out) throw new UsageError('expected --out FILE');
  const spark = parseSparkItemFactors(await readFactorFiles(positionals));
  const model = sparkToPortable(spark, await readMovies(values.movies), { regParam: values.reg ?? sparkDefaults.regParam, dataset: basename(values.movies) });
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
