// `cli train`: trains ALS on a whole dataset and writes a portable model file for `recommend` (or the app).
import { writeFileSync } from 'node:fs';
import { buildCsr } from '../../engine/als/csr';
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { trainAls } from '../../engine/als/train';
import { encodeModel } from '../../engine/model/modelFile';
import { loadDataset } from '../loadDataset';
import { randomHoldout } from '../../engine/als/split';
import { parseOptions, UsageError, type OptionSpecs } from '../args';
import { ALS_OPTIONS, alsParamsFrom, checkRankFits } from '../alsOptions';
import { cliKernel, KERNEL_OPTION } from '../kernels';

export const usage = `train <dataset dir or zip> --out model.plm [--rank N] [--lambda X] [--lambda-exponent A] [--bias-lambda X] [--iters N] [--objective explicit|implicit] [--solver auto|exact|cg] [--holdout 0.1] [--kernel auto|js|wasm-simd|wasm-relaxed-simd] [--json]`;

export const options = {
  out: { kind: 'text', arg: 'FILE', help: 'where to write the model (.plm)' },
  ...ALS_OPTIONS,
  ...KERNEL_OPTION,
  holdout: { kind: 'number', range: PARAM_RANGES.holdout, arg: 'F', help: 'hold out this share of ratings and report their RMSE after every iteration (default 0: none)' },
  json: { kind: 'flag', help: 'print the summary as JSON' },
} as const satisfies OptionSpecs;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0];
  if (!path) throw new UsageError('expected a dataset (folder or zip)');
  if (!values.out) throw new UsageError('expected --out FILE: where to write the model');
  const params = alsParamsFrom(values);
  const kernel = await cliKernel(values.kernel ?? 'auto');
  const data = await loadDataset(path);
  checkRankFits(params.rank, data.stats.users, data.stats.movies, data.stats.ratings);
  // --holdout F: train on the rest and report the held-out RMSE after every iteration (the model excludes them).
  const holdout = values.holdout ?? 0;
  const { train, test } = holdout > 0 ? randomHoldout(data.ratings, holdout, params.seed) : { train: data.ratings, test: undefined };
  const t0 = performance.now();
  const history: { iteration: number; trainRmse: number; validationRmse?: number; seconds: number; kernel?: string }[] = [];
  const model = trainAls(buildCsr(train, data.stats.users, data.stats.movies), params, {
    validation: test,
    clampValidation: { min: 0.5, max: 5 },
    kernel,
    onIteration: (i) => {
      history.push({ iteration: i.iteration, trainRmse: i.trainRmse, validationRmse: i.validationRmse, seconds: i.seconds, kernel: i.kernel });
      const v = i.validationRmse !== undefined ? `, validation RMSE ${i.validationRmse.toFixed(4)}` : '';
      if (!values.json) process.stderr.write(`iteration ${i.iteration}/${i.iterations}: train RMSE ${i.trainRmse.toFixed(4)}${v} (${i.seconds.toFixed(2)} s)\n`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const bytes = encodeModel({
    dataset: path.split('/').pop()!.replace(/\.zip$/, ''),
    params,
    mu: model.mu,
    rank: model.rank,
    trainedAt: new Date().toISOString(),
    movies: data.movies.map(({ movieId, title, year, genres, count, mean }) => ({ movieId, title, year, genres, count, mean })),
    itemBias: model.itemBias,
    itemFactors: model.itemFactors,
    metrics: { trainRmse: history.at(-1)?.trainRmse ?? NaN },
  });
  writeFileSync(values.out, bytes);
  const summary = { out: values.out, bytes: bytes.length, ratings: data.stats.ratings, movies: data.stats.movies, params, seconds, history };
  console.log(values.json ? JSON.stringify(summary, null, 2) : `wrote ${values.out} (${(bytes.length / 1e6).toFixed(1)} MB): ${data.stats.movies} movies, rank ${params.rank}, trained in ${seconds.toFixed(1)} s`);
}
