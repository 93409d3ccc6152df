// `cli eval`: rating-prediction metrics for ALS and the baselines on a holdout or k folds.
import { parseArgs } from 'node:util';
import { defaultAlsParams } from '../../engine/als/train';
import { evaluate, type Metrics } from '../../engine/eval/evaluate';
import type { AlsParams } from '../../engine/types';
import { loadDataset } from '../loadDataset';
import { num } from '../args';

export const usage = `eval <dataset dir or zip> [--test-frac 0.1 | --folds 5] [--seed 42]
       [--rank N] [--lambda X] [--lambda-exponent A] [--bias-lambda X] [--iters N] [--json]`;

function row(name: string, m: Metrics): string {
  const cells = [m.rmse, m.mae, m['precision@10'], m['recall@20'], m['ndcg@10'], m['coverage@20']].map((x) => x.toFixed(4));
  return `${name.padEnd(12)} ${cells.join('  ')}  ${m.fitSeconds.toFixed(2).padStart(7)}`;
}

/** ALS parameters from command-line values; anything not given keeps its default (including α). */
export function alsParamsFrom(values: Partial<Record<'rank' | 'lambda' | 'lambda-exponent' | 'bias-lambda' | 'iters', string>>): AlsParams {
  return {
    ...defaultAlsParams,
    rank: num(values.rank, 'rank', defaultAlsParams.rank),
    lambda: num(values.lambda, 'lambda', defaultAlsParams.lambda),
    lambdaExponent: num(values['lambda-exponent'], 'lambda-exponent', defaultAlsParams.lambdaExponent ?? 1),
    biasLambda: num(values['bias-lambda'], 'bias-lambda', defaultAlsParams.biasLambda),
    iterations: num(values.iters, 'iters', defaultAlsParams.iterations),
  };
}

export function run(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'test-frac': { type: 'string' },
      folds: { type: 'string' },
      seed: { type: 'string' },
      rank: { type: 'string' },
      lambda: { type: 'string' },
      'bias-lambda': { type: 'string' },
      'lambda-exponent': { type: 'string' },
      iters: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const path = positionals[0];
  if (!path) throw new Error(`usage: npm run cli -- ${usage}`);
  const params = alsParamsFrom(values);
  const data = loadDataset(path);
  const report = evaluate(data.ratings, data.stats.users, data.stats.movies, params, {
    folds: values.folds ? num(values.folds, 'folds', 5) : undefined,
    testFraction: num(values['test-frac'], 'test-frac', 0.1),
    seed: num(values.seed, 'seed', 42),
    onFold: (d, t) => !values.json && process.stderr.write(`fold ${d}/${t} done\n`),
  });
  if (values.json) {
    console.log(JSON.stringify({ dataset: path, ...report }, null, 2));
    return;
  }
  const s = report.split;
  console.log(`${path}: ${report.ratings.toLocaleString('en')} ratings, ${s.kind === 'kfold' ? `${s.folds}-fold CV` : `${s.testFraction * 100}% holdout`} (seed ${s.seed})`);
  console.log(`ALS rank ${params.rank}, penalty ${params.lambda}·n^${params.lambdaExponent ?? 1}, bias lambda ${params.biasLambda}, ${params.iterations} iterations`);
  console.log('model        RMSE    MAE     P@10    R@20    NDCG@10 Cov@20  fit (s)');
  console.log(row('ALS', report.model));
  console.log(row('bias', report.baselines.bias));
  console.log(row('popularity', report.baselines.popularity));
  console.log(row('global mean', report.baselines.globalMean));
  console.log('(ranking: full ranking over each user\'s unrated movies; held-out ratings >= 4 are relevant)');
}

