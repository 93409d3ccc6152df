// `cli eval`: rating-prediction metrics for ALS and the baselines, and the ranking comparison (popularity, stars, iALS, EASE, the default list).
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { evaluate, evaluateFiles, type EvalReport, type Metrics } from '../../engine/eval/evaluate';
import { loadDataset } from '../loadDataset';
import { loadSplit } from '../loadSplit';
import { checkNumber, parseOptions, UsageError, type OptionSpecs } from '../args';
import { ALS_OPTIONS, alsParamsFrom, checkRankFits } from '../alsOptions';
import { cliKernel, KERNEL_OPTION } from '../kernels';
import { KERNEL_LABELS } from '../../engine/als/kernelSet';
import { createRng } from '../../engine/als/random';
import { explicitDefaults } from '../../engine/defaults/explicitDefaults';
import { easeReferenceDefaults, rankerDefaults, rankerParams } from '../../engine/defaults/rankerDefaults';
import type { CompareOptions } from '../../engine/eval/compareRankers';
import type { Summary } from '../../engine/eval/summary';
import type { ListControls } from '../../engine/ranker/controls';

export { alsParamsFrom };

export const usage = `eval <dataset dir or zip> [--test-frac ${evaluationDefaults.testFraction} [--per-user [--seeds N]] | --folds 5] [--seed ${evaluationDefaults.seed}]
       eval --train FILE --test FILE   (e.g. ml-100k u1.base/u1.test, or two ratings.csv files)
       [--rank N] [--lambda X] [--lambda-exponent A] [--bias-lambda X] [--iters N]
       [--objective explicit|implicit [--alpha A] [--unobserved A0] [--frequency on|off] [--star-offset S]] [--solver auto|exact|cg]
       [--kernel auto|js|wasm-simd|wasm-relaxed-simd] [--json]
       ranking comparison: [--ease-lambda ${easeReferenceDefaults.lambda}] [--ease-max ${easeReferenceDefaults.maxDim}] [--ease-items K] [--blend B] [--eval-users N]
       [--gems 0..1] [--recency 0..1] [--diversity on|off|0..1]   (each adds a default-list row with that control)`;

export const options = {
  'test-frac': { kind: 'number', range: PARAM_RANGES.testFraction, arg: 'F', help: `share of ratings held out for testing (default ${evaluationDefaults.testFraction})` },
  'per-user': { kind: 'flag', help: "hold out that share of each person's ratings instead of a random share of all" },
  folds: { kind: 'number', range: PARAM_RANGES.folds, help: 'k-fold cross-validation instead of one holdout' },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed of the split (default ${evaluationDefaults.seed})` },
  ...ALS_OPTIONS,
  ...KERNEL_OPTION,
  seeds: { kind: 'number', range: { min: 1, max: 20, integer: true }, help: 'with --per-user: repeat the holdout with seeds seed … seed + N − 1, report mean ± sd (default 1)' },
  'ease-lambda': { kind: 'number', range: { min: 0, max: 1e6, minOpen: true }, arg: 'X', help: `λ of the exact EASE reference (default ${easeReferenceDefaults.lambda})` },
  'ease-max': { kind: 'number', range: { min: 1, max: 50_000, integer: true }, help: `largest dense inverse the EASE reference attempts (default ${easeReferenceDefaults.maxDim})` },
  'ease-items': { kind: 'number', range: { min: 0, max: 100_000, integer: true }, arg: 'K', help: `movies in the default ranker's EASE part (default ${rankerParams.easeItems})` },
  blend: { kind: 'number', range: { min: 0, max: 100 }, arg: 'B', help: `weight of the default ranker's iALS part (default ${rankerParams.blend})` },
  'eval-users': { kind: 'number', range: { min: 1, max: 1e8, integer: true }, help: 'score ranking for a seeded sample of this many people (large releases)' },
  gems: { kind: 'number', range: { min: 0, max: 1 }, arg: 'G', help: 'adds a default-list row with hidden gems at this strength' },
  recency: { kind: 'number', range: { min: 0, max: 1 }, arg: 'R', help: 'adds a default-list row with newer films first at this strength' },
  diversity: { kind: 'text', arg: 'on|off|W', help: `adds a default-list row with diversity on (weight ${rankerDefaults.diversity}) or at weight W from 0 to 1` },
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

/** --diversity: on (the default weight), off, or a weight in [0, 1]. */
function diversityOf(v: string | undefined): number | undefined {
  if (v === undefined || v === 'off') return undefined;
  if (v === 'on') return rankerDefaults.diversity;
  return checkNumber(v, 'diversity', { min: 0, max: 1 });
}

/** The control rows eval adds: one per control given, and all of them together when more than one is. */
export function controlVariants(values: { gems?: number; recency?: number; diversity?: string }): { name: string; controls: ListControls }[] {
  const one: { name: string; controls: ListControls }[] = [];
  if (values.gems !== undefined) one.push({ name: `gems ${values.gems}`, controls: { gems: values.gems } });
  if (values.recency !== undefined) one.push({ name: `recency ${values.recency}`, controls: { recency: values.recency } });
  const d = diversityOf(values.diversity);
  if (d !== undefined) one.push({ name: `diversity ${d}`, controls: { diversity: d } });
  if (one.length > 1) one.push({ name: one.map((v) => v.name).join(' + '), controls: Object.assign({}, ...one.map((v) => v.controls)) });
  return one.map((v) => ({ name: `defaultList (${v.name})`, controls: v.controls }));
}

/** A seeded sample of n user indices in increasing order (all users when n ≥ nUsers). */
export function sampleUsers(nUsers: number, n: number | undefined, seed: number): Int32Array | undefined {
  if (!n || n >= nUsers) return undefined;
  const rng = createRng(seed ^ 0x5eed);
  const all = Int32Array.from({ length: nUsers }, (_, u) => u);
  for (let k = 0; k < n; k++) {
    const j = k + rng.int(nUsers - k);
    [all[k], all[j]] = [all[j], all[k]];
  }
  return all.slice(0, n).sort();
}

const f4 = (x: number | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(4) : '   n/a');
const fixed = (x: number | undefined, digits: number, width: number) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : 'n/a').padStart(width);

/** The ranking table: mean ± sd over the splits when there are several; n/a where the split left nobody to score. */
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
      `${name.padEnd(40)} ${pm('ndcg@10')}  ${pm('recall@20')}  ${f4(s.mean['precision@10'])}  ${f4(s.mean['coverage@20'])}  ${fixed(s.mean['novelty@10'], 2, 6)}  ${fixed(s.mean['popRank@10'], 0, 6)}  ${s.mean['year@10'] ? s.mean['year@10'].toFixed(0) : '  – '}  ${fixed(s.mean.fitSeconds, 2, 7)}`,
    );
  }
  return lines;
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0] ?? null;
  if ((values.train === undefined) !== (values.test === undefined)) throw new UsageError('--train and --test go together: give both files');
  const files = values.train && values.test ? { train: values.train, test: values.test } : null;
  if (!path && !files) throw new UsageError('expected a dataset (folder or zip), or --train FILE --test FILE');
  if (values.folds !== undefined && values['test-frac'] !== undefined) throw new UsageError('--folds and --test-frac are two ways to split: give one');
  if (values.seeds !== undefined && values.seeds > 1 && !values['per-user']) throw new UsageError('--seeds repeats a per-user holdout: add --per-user');
  const params = alsParamsFrom(values);
  const implicit = params.objective === 'implicit';
  const seed = values.seed ?? evaluationDefaults.seed;
  const kernel = await cliKernel(values.kernel ?? 'auto');
  const log = (line: string) => !values.json && process.stderr.write(`${line}\n`);
  const rankers: CompareOptions = {
    explicit: implicit ? { ...explicitDefaults } : params,
    ials: implicit ? params : rankerParams.ials,
    ranker: { ...rankerParams, easeItems: values['ease-items'] ?? rankerParams.easeItems, blend: values.blend ?? rankerParams.blend },
    easeLambda: values['ease-lambda'] ?? easeReferenceDefaults.lambda,
    easeMaxDim: values['ease-max'] ?? easeReferenceDefaults.maxDim,
    variants: controlVariants(values),
    onRanker: (name) => log(`  ${name}…`),
  };
  let report: EvalReport;
  if (files) {
    if (values.recency !== undefined) throw new UsageError("--recency needs the movies' years: give a release, not --train/--test files");
    const split = loadSplit(files.train, files.test);
    checkRankFits(params.rank, split.nUsers, split.nItems, split.train.length + split.test.length);
    const users = sampleUsers(split.nUsers, values['eval-users'], seed);
    report = evaluateFiles(split.train, split.test, split.nUsers, split.nItems, params, files, { rankers, users, kernel });
  } else {
    const data = await loadDataset(path!);
    checkRankFits(params.rank, data.stats.users, data.stats.movies, data.stats.ratings);
    log(`${path}: ${data.stats.ratings.toLocaleString('en')} ratings, ${data.stats.users.toLocaleString('en')} users, ${data.stats.movies.toLocaleString('en')} movies`);
    const years = data.movies.map((m) => m.year ?? -1);
    const users = sampleUsers(data.stats.users, values['eval-users'], seed);
    report = evaluate(data.ratings, data.stats.users, data.stats.movies, params, {
      folds: values.folds,
      testFraction: values['test-frac'] ?? evaluationDefaults.testFraction,
      perUser: values['per-user'],
      seeds: values.seeds ?? 1,
      seed,
      rankers: { ...rankers, years },
      users,
      onFold: (d, t) => log(`split ${d}/${t} done`),
      kernel,
    });
  }
  if (values.json) {
    const { onRanker: _onRanker, ...setup } = rankers;
    console.log(JSON.stringify({ dataset: path ?? files, kernel: kernel?.id ?? 'js', rankerSetup: setup, ...report }, null, 2));
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
  console.log(KERNEL_LABELS[kernel?.id ?? 'js']);
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
    console.log("(defaultList: the app's list from rankFor, filters and minimum count off; explicit and iALS ranked through fold-in as the app does;");
    console.log(' novelty: mean self-information of the top 10 in bits; popRank: their mean popularity rank, 1 = most rated; year: their mean release year)');
  }
  console.log("(ranking: full ranking over each user's unrated movies; held-out ratings >= 4 are relevant)");
}

