// `cli eval`: rating-prediction metrics for ALS and the baselines on a holdout or k folds.
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { evaluate, evaluateFiles, type EvalReport, type Metrics } from '../../engine/eval/evaluate';
import { loadDataset } from '../loadDataset';
import { loadSplit } from '../loadSplit';
import { parseOptions, UsageError, type OptionSpecs } from '../args';
import { ALS_OPTIONS, alsParamsFrom, checkRankFits } from '../alsOptions';
import { cliKernel, KERNEL_OPTION } from '../kernels';
import { KERNEL_LABELS } from '../../engine/als/kernelSet';

export { alsParamsFrom };

export const usage = `eval <dataset dir or zip> [--test-frac ${evaluationDefaults.testFraction} [--per-user] | --folds 5] [--seed ${evaluationDefaults.seed}]
       eval --train FILE --test FILE   (e.g. ml-100k u1.base/u1.test, or two ratings.csv files)
       [--rank N] [--lambda X] [--lambda-exponent A] [--bias-lambda X] [--iters N]
       [--objective explicit|implicit [--alpha A]] [--solver auto|exact|cg] [--kernel auto|js|wasm-simd|wasm-relaxed-simd] [--json]`;

export const options = {
  'test-frac': { kind: 'number', range: PARAM_RANGES.testFraction, arg: 'F', help: `share of ratings held out for testing (default ${evaluationDefaults.testFraction})` },
  'per-user': { kind: 'flag', help: "hold out that share of each person's ratings instead of a random share of all" },
  folds: { kind: 'number', range: PARAM_RANGES.folds, help: 'k-fold cross-validation instead of one holdout' },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed of the split (default ${evaluationDefaults.seed})` },
  ...ALS_OPTIONS,
  ...KERNEL_OPTION,
  train: { kind: 'text', arg: 'FILE', help: 'a ratings file to train on (with --test)' },
  test: { kind: 'text', arg: 'FILE', help: 'a ratings file to score (with --train)' },
  json: { kind: 'flag', help: 'print the report as JSON' },
} as const satisfies OptionSpecs;

/** A metric for the table: four decimals, or "n/a" where the split left nothing to score it on. */
const cell = (x: number | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(4) : '   n/a');

function row(name: string, m: Metrics): string {
  const cells = [m.rmse, m.mae, m['precision@10'], m['recall@20'], m['ndcg@10'], m['coverage@20']].map(cell);
  return `${name.padEnd(12)} ${cells.join('  ')}  ${(m.fitSeconds ?? 0).toFixed(2).padStart(7)}`;
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0] ?? null;
  if ((values.train === undefined) !== (values.test === undefined)) throw new UsageError('--train and --test go together: give both files');
  const files = values.train && values.test ? { train: values.train, test: values.test } : null;
  if (!path && !files) throw new UsageError('expected a dataset (folder or zip), or --train FILE --test FILE');
  if (values.folds !== undefined && values['test-frac'] !== undefined) throw new UsageError('--folds and --test-frac are two ways to split: give one');
  const params = alsParamsFrom(values);
  const kernel = await cliKernel(values.kernel ?? 'auto');
  let report: EvalReport;
  if (files) {
    const split = loadSplit(files.train, files.test);
    checkRankFits(params.rank, split.nUsers, split.nItems, split.train.length + split.test.length);
    report = evaluateFiles(split.train, split.test, split.nUsers, split.nItems, params, files);
  } else {
    const data = await loadDataset(path!);
    checkRankFits(params.rank, data.stats.users, data.stats.movies, data.stats.ratings);
    report = evaluate(data.ratings, data.stats.users, data.stats.movies, params, {
      folds: values.folds,
      testFraction: values['test-frac'] ?? evaluationDefaults.testFraction,
      perUser: values['per-user'],
      seed: values.seed ?? evaluationDefaults.seed,
      onFold: (d, t) => !values.json && process.stderr.write(`fold ${d}/${t} done\n`),
      kernel,
    });
  }
  if (values.json) {
    console.log(JSON.stringify({ dataset: path ?? files, kernel: kernel?.id ?? 'js', ...report }, null, 2));
    return;
  }
  const s = report.split;
  const how =
    s.kind === 'kfold'
      ? `${s.folds}-fold CV (seed ${s.seed})`
      : s.kind === 'files'
        ? `train ${s.train}, test ${s.test}`
        : `${s.testFraction * 100}% ${s.kind === 'user-holdout' ? 'of each user held out' : 'holdout'} (seed ${s.seed})`;
  console.log(`${path ?? 'files'}: ${report.ratings.toLocaleString('en')} ratings, ${how}`);
  const implicit = params.objective === 'implicit';
  console.log(KERNEL_LABELS[kernel?.id ?? 'js']);
  console.log(`${implicit ? 'implicit ALS (iALS)' : 'ALS'} rank ${params.rank}, penalty ${params.lambda}·n^${params.lambdaExponent ?? 1}, bias lambda ${params.biasLambda}, ${params.iterations} iterations`);
  console.log('model        RMSE    MAE     P@10    R@20    NDCG@10 Cov@20  fit (s)');
  console.log(row('ALS', report.model));
  console.log(row('bias', report.baselines.bias));
  console.log(row('popularity', report.baselines.popularity));
  console.log(row('global mean', report.baselines.globalMean));
  console.log('(ranking: full ranking over each user\'s unrated movies; held-out ratings >= 4 are relevant)');
  if (implicit) console.log('(the implicit model scores preference, not stars: judge it by the ranking columns, not RMSE/MAE)');
}

