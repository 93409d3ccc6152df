// `cli eval`: rating-prediction metrics for ALS and the baselines on a holdout or k folds.
import { parseArgs } from 'node:util';
import { SOLVERS } from '../../engine/als/solver';
import { defaultsFor, OBJECTIVES } from '../../engine/defaults/modelDefaults';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { evaluate, evaluateFiles, type EvalReport, type Metrics } from '../../engine/eval/evaluate';
import type { AlsParams } from '../../engine/types';
import { loadDataset } from '../loadDataset';
import { loadSplit } from '../loadSplit';
import { num, oneOf } from '../args';
import { cliKernel, kernelPreference } from '../kernels';
import { KERNEL_LABELS } from '../../engine/als/kernelSet';

export const usage = `eval <dataset dir or zip> [--test-frac ${evaluationDefaults.testFraction} [--per-user] | --folds 5] [--seed ${evaluationDefaults.seed}]
       eval --train FILE --test FILE   (e.g. ml-100k u1.base/u1.test, or two ratings.csv files)
       [--rank N] [--lambda X] [--lambda-exponent A] [--bias-lambda X] [--iters N]
       [--objective explicit|implicit [--alpha A]] [--solver auto|exact|cg] [--kernel auto|js|wasm-simd|wasm-relaxed-simd] [--json]`;

function row(name: string, m: Metrics): string {
  const cells = [m.rmse, m.mae, m['precision@10'], m['recall@20'], m['ndcg@10'], m['coverage@20']].map((x) => x.toFixed(4));
  return `${name.padEnd(12)} ${cells.join('  ')}  ${m.fitSeconds.toFixed(2).padStart(7)}`;
}

type ParamOption = 'rank' | 'lambda' | 'lambda-exponent' | 'bias-lambda' | 'iters' | 'objective' | 'solver' | 'alpha';

/**
 * ALS parameters from command-line values; anything not given keeps its objective's default (explicit or implicit,
 * src/engine/defaults), the λ exponent α included.
 */
export function alsParamsFrom(values: Partial<Record<ParamOption, string>>): AlsParams {
  const objective = oneOf(values.objective, 'objective', OBJECTIVES);
  const solver = oneOf(values.solver, 'solver', SOLVERS);
  const d = defaultsFor(objective);
  return {
    ...(objective ? { objective } : {}),
    ...(solver ? { solver } : {}),
    ...d,
    ...(values.alpha !== undefined ? { implicitAlpha: num(values.alpha, 'alpha', NaN) } : {}),
    rank: num(values.rank, 'rank', d.rank),
    lambda: num(values.lambda, 'lambda', d.lambda),
    lambdaExponent: num(values['lambda-exponent'], 'lambda-exponent', d.lambdaExponent),
    biasLambda: num(values['bias-lambda'], 'bias-lambda', d.biasLambda),
    iterations: num(values.iters, 'iters', d.iterations),
  };
}

export async function run(args: string[]): Promise<void> {
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
      'per-user': { type: 'boolean', default: false },
      objective: { type: 'string' },
      solver: { type: 'string' },
      alpha: { type: 'string' },
      train: { type: 'string' },
      test: { type: 'string' },
      kernel: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const path = positionals[0] ?? null;
  const kernel = await cliKernel(kernelPreference(values.kernel));
  const files = values.train && values.test ? { train: values.train, test: values.test } : null;
  if (!path && !files) throw new Error(`usage: npm run cli -- ${usage}`);
  const params = alsParamsFrom(values);
  let report: EvalReport;
  if (files) {
    const split = loadSplit(files.train, files.test);
    report = evaluateFiles(split.train, split.test, split.nUsers, split.nItems, params, files);
  } else {
    const data = loadDataset(path!);
    report = evaluate(data.ratings, data.stats.users, data.stats.movies, params, {
      folds: values.folds ? num(values.folds, 'folds', 5) : undefined,
      testFraction: num(values['test-frac'], 'test-frac', evaluationDefaults.testFraction),
      perUser: values['per-user'],
      seed: num(values.seed, 'seed', evaluationDefaults.seed),
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
  console.log(`${KERNEL_LABELS[kernel?.id ?? 'js']}`);
  console.log(`${implicit ? 'implicit ALS (iALS)' : 'ALS'} rank ${params.rank}, penalty ${params.lambda}·n^${params.lambdaExponent ?? 1}, bias lambda ${params.biasLambda}, ${params.iterations} iterations`);
  console.log('model        RMSE    MAE     P@10    R@20    NDCG@10 Cov@20  fit (s)');
  console.log(row('ALS', report.model));
  console.log(row('bias', report.baselines.bias));
  console.log(row('popularity', report.baselines.popularity));
  console.log(row('global mean', report.baselines.globalMean));
  console.log('(ranking: full ranking over each user\'s unrated movies; held-out ratings >= 4 are relevant)');
  if (implicit) console.log('(the implicit model scores preference, not stars: judge it by the ranking columns, not RMSE/MAE)');
}

