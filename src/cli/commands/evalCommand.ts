// `cli eval`: rating-prediction metrics for ALS and the baselines, and the ranking comparison (popularity, stars, iALS, EASE, the default list).
import { parseArgs } from 'node:util';
import { createRng } from '../../engine/als/random';
import { SOLVERS } from '../../engine/als/solver';
import { defaultsFor, OBJECTIVES } from '../../engine/defaults/modelDefaults';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { explicitDefaults } from '../../engine/defaults/explicitDefaults';
import { evaluate, evaluateFiles, type EvalReport, type Metrics } from '../../engine/eval/evaluate';
import type { CompareOptions } from '../../engine/eval/compareRankers';
import type { Summary } from '../../engine/eval/summary';
import type { ListControls } from '../../engine/ranker/controls';
import { rankerDefaults, rankerParams, easeReferenceDefaults } from '../../engine/defaults/rankerDefaults';
import type { AlsParams } from '../../engine/types';
import { loadDataset } from '../loadDataset';
import { loadSplit } from '../loadSplit';
import { num, oneOf } from '../args';

export const usage = `eval <dataset dir or zip> [--test-frac ${evaluationDefaults.testFraction} [--per-user [--seeds N]] | --folds 5] [--seed ${evaluationDefaults.seed}]
       eval --train FILE --test FILE   (e.g. ml-100k u1.base/u1.test, or two ratings.csv files)
       [--rank N] [--lambda X] [--lambda-exponent A] [--bias-lambda X] [--iters N]
       [--objective explicit|implicit [--alpha A] [--unobserved A0] [--frequency on|off] [--star-offset S]] [--solver auto|exact|cg] [--json]
       ranking comparison: [--ease-lambda 100] [--ease-max 6000] [--ease-items K] [--blend B] [--eval-users N]
       [--gems 0..1] [--recency 0..1] [--diversity on|off|0..1]   (each adds a default-list row with that control)`;

function row(name: string, m: Metrics): string {
  const cells = [m.rmse, m.mae, m['precision@10'], m['recall@20'], m['ndcg@10'], m['coverage@20']].map((x) => x.toFixed(4));
  return `${name.padEnd(12)} ${cells.join('  ')}  ${m.fitSeconds.toFixed(2).padStart(7)}`;
}

type ParamOption = 'rank' | 'lambda' | 'lambda-exponent' | 'bias-lambda' | 'iters' | 'objective' | 'solver' | 'alpha' | 'unobserved' | 'frequency' | 'star-offset';

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
    ...(values.unobserved !== undefined ? { unobservedWeight: num(values.unobserved, 'unobserved', NaN) } : {}),
    ...(values.frequency !== undefined ? { frequencyScaled: oneOf(values.frequency, 'frequency', ['on', 'off'] as const) === 'on' } : {}),
    ...(values['star-offset'] !== undefined ? { starOffset: num(values['star-offset'], 'star-offset', NaN) } : {}),
    rank: num(values.rank, 'rank', d.rank),
    lambda: num(values.lambda, 'lambda', d.lambda),
    lambdaExponent: num(values['lambda-exponent'], 'lambda-exponent', d.lambdaExponent),
    biasLambda: num(values['bias-lambda'], 'bias-lambda', d.biasLambda),
    iterations: num(values.iters, 'iters', d.iterations),
  };
}

/** --diversity: on (the default weight), off, or a weight in [0, 1]. */
function diversityOf(v: string | undefined): number | undefined {
  if (v === undefined || v === 'off') return undefined;
  if (v === 'on') return rankerDefaults.diversity;
  const x = num(v, 'diversity', NaN);
  if (!(x >= 0 && x <= 1)) throw new Error(`--diversity expects on, off or a number from 0 to 1, got "${v}"`);
  return x;
}

/** The control rows eval adds: one per control given, and all of them together when more than one is. */
export function controlVariants(values: { gems?: string; recency?: string; diversity?: string }): { name: string; controls: ListControls }[] {
  const one: { name: string; controls: ListControls }[] = [];
  if (values.gems !== undefined) one.push({ name: `gems ${values.gems}`, controls: { gems: num(values.gems, 'gems', 0) } });
  if (values.recency !== undefined) one.push({ name: `recency ${values.recency}`, controls: { recency: num(values.recency, 'recency', 0) } });
  const d = diversityOf(values.diversity);
  if (d !== undefined) one.push({ name: `diversity ${d}`, controls: { diversity: d } });
  for (const v of one) {
    for (const [k, x] of Object.entries(v.controls)) if (!(x >= 0 && x <= 1)) throw new Error(`--${k} expects a number from 0 to 1, got "${x}"`);
  }
  if (one.length > 1) one.push({ name: one.map((v) => v.name).join(' + '), controls: Object.assign({}, ...one.map((v) => v.controls)) });
  return one.map((v) => ({ name: `defaultList (${v.name})`, controls: v.controls }));
}

/** A seeded sample of n user indices in increasing order (all users when n ≥ nUsers). */
export function sampleUsers(nUsers: number, n: number, seed: number): Int32Array | undefined {
  if (!(n > 0) || n >= nUsers) return undefined;
  const rng = createRng(seed ^ 0x5eed);
  const all = Int32Array.from({ length: nUsers }, (_, u) => u);
  for (let k = 0; k < n; k++) {
    const j = k + rng.int(nUsers - k);
    [all[k], all[j]] = [all[j], all[k]];
  }
  return all.slice(0, n).sort();
}

const f4 = (x: number) => x.toFixed(4);

/** The ranking table: mean ± sd over the splits when there are several. */
export function rankingTable(rankers: NonNullable<EvalReport['rankers']>): string[] {
  const lines = ['ranker                                   NDCG@10          R@20             P@10    Cov@20  novelty popRank  year  fit (s)'];
  for (const [name, r] of Object.entries(rankers)) {
    if ('skipped' in r) {
      lines.push(`${name.padEnd(40)} skipped: ${r.skipped}`);
      continue;
    }
    const s = r as Summary;
    const pm = (k: string) => (s.splits > 1 ? `${f4(s.mean[k])} ± ${f4(s.sd[k])}` : f4(s.mean[k]).padEnd(15));
    lines.push(
      `${name.padEnd(40)} ${pm('ndcg@10')}  ${pm('recall@20')}  ${f4(s.mean['precision@10'])}  ${f4(s.mean['coverage@20'])}  ${s.mean['novelty@10'].toFixed(2).padStart(6)}  ${s.mean['popRank@10'].toFixed(0).padStart(6)}  ${s.mean['year@10'] ? s.mean['year@10'].toFixed(0) : '  – '}  ${s.mean.fitSeconds.toFixed(2).padStart(7)}`,
    );
  }
  return lines;
}

export function run(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'test-frac': { type: 'string' },
      folds: { type: 'string' },
      seed: { type: 'string' },
      seeds: { type: 'string' },
      rank: { type: 'string' },
      lambda: { type: 'string' },
      'bias-lambda': { type: 'string' },
      'lambda-exponent': { type: 'string' },
      iters: { type: 'string' },
      'per-user': { type: 'boolean', default: false },
      objective: { type: 'string' },
      solver: { type: 'string' },
      alpha: { type: 'string' },
      unobserved: { type: 'string' },
      frequency: { type: 'string' },
      'star-offset': { type: 'string' },
      train: { type: 'string' },
      test: { type: 'string' },
      'ease-lambda': { type: 'string' },
      'ease-max': { type: 'string' },
      'ease-items': { type: 'string' },
      blend: { type: 'string' },
      'eval-users': { type: 'string' },
      gems: { type: 'string' },
      recency: { type: 'string' },
      diversity: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const path = positionals[0] ?? null;
  const files = values.train && values.test ? { train: values.train, test: values.test } : null;
  if (!path && !files) throw new Error(`usage: npm run cli -- ${usage}`);
  const params = alsParamsFrom(values);
  const implicit = params.objective === 'implicit';
  const seed = num(values.seed, 'seed', evaluationDefaults.seed);
  const rankers: CompareOptions = {
    explicit: implicit ? { ...explicitDefaults } : params,
    ials: implicit ? params : rankerParams.ials,
    ranker: {
      ...rankerParams,
      easeItems: num(values['ease-items'], 'ease-items', rankerParams.easeItems),
      blend: num(values.blend, 'blend', rankerParams.blend),
    },
    easeLambda: num(values['ease-lambda'], 'ease-lambda', easeReferenceDefaults.lambda),
    easeMaxDim: num(values['ease-max'], 'ease-max', easeReferenceDefaults.maxDim),
    variants: controlVariants(values),
    onRanker: (name) => !values.json && process.stderr.write(`  ${name}…\n`),
  };
  const log = (line: string) => !values.json && process.stderr.write(`${line}\n`);
  let report: EvalReport;
  if (files) {
    const split = loadSplit(files.train, files.test);
    if (rankers.variants?.some((v) => v.controls.recency)) throw new Error('--recency needs the movies\' years: give a release, not --train/--test files');
    const users = sampleUsers(split.nUsers, num(values['eval-users'], 'eval-users', 0), seed);
    report = evaluateFiles(split.train, split.test, split.nUsers, split.nItems, params, files, { rankers, users });
  } else {
    const data = loadDataset(path!);
    log(`${path}: ${data.stats.ratings.toLocaleString('en')} ratings, ${data.stats.users.toLocaleString('en')} users, ${data.stats.movies.toLocaleString('en')} movies`);
    const years = data.movies.map((m) => m.year ?? -1);
    const users = sampleUsers(data.stats.users, num(values['eval-users'], 'eval-users', 0), seed);
    report = evaluate(data.ratings, data.stats.users, data.stats.movies, params, {
      folds: values.folds ? num(values.folds, 'folds', 5) : undefined,
      testFraction: num(values['test-frac'], 'test-frac', evaluationDefaults.testFraction),
      perUser: values['per-user'],
      seeds: num(values.seeds, 'seeds', 1),
      seed,
      rankers: { ...rankers, years },
      users,
      onFold: (d, t) => log(`split ${d}/${t} done`),
    });
  }
  if (values.json) {
    const { onRanker: _o, ...setup } = rankers;
    console.log(JSON.stringify({ dataset: path ?? files, rankerSetup: setup, ...report }, null, 2));
    return;
  }
  const s = report.split;
  const how =
    s.kind === 'kfold'
      ? `${s.folds}-fold CV (seed ${s.seed})`
      : s.kind === 'files'
        ? `train ${s.train}, test ${s.test}`
        : s.kind === 'user-holdout'
          ? `${s.testFraction * 100}% of each user held out (seed ${s.seed}${s.seeds ? `, ${s.seeds} seeds: mean ± sd` : ''})`
          : `${s.testFraction * 100}% holdout (seed ${s.seed})`;
  console.log(`${path ?? 'files'}: ${report.ratings.toLocaleString('en')} ratings, ${how}`);
  console.log(`${implicit ? 'implicit ALS (iALS)' : 'ALS'} rank ${params.rank}, penalty ${params.lambda}·n^${params.lambdaExponent ?? 1}, bias lambda ${params.biasLambda}, ${params.iterations} iterations`);
  console.log('model        RMSE    MAE     P@10    R@20    NDCG@10 Cov@20  fit (s)');
  console.log(row('ALS', report.model));
  console.log(row('bias', report.baselines.bias));
  console.log(row('popularity', report.baselines.popularity));
  console.log(row('global mean', report.baselines.globalMean));
  if (implicit) console.log('(the implicit model scores preference, not stars: judge it by the ranking columns, not RMSE/MAE)');
  if (report.rankers) {
    console.log('');
    for (const line of rankingTable(report.rankers)) console.log(line);
    console.log('(defaultList: the app\'s list from rankFor, filters and minimum count off; explicit and iALS ranked through fold-in as the app does;');
    console.log(' novelty: mean self-information of the top 10 in bits; popRank: their mean popularity rank, 1 = most rated; year: their mean release year)');
  }
  console.log('(ranking: full ranking over each user\'s unrated movies; held-out ratings >= 4 are relevant)');
}
