// `cli tune`: cross-validated grid or random search over rank, λ, α, bias λ and iterations; prints the table and the winner.
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { tune, type SearchSpace, type TuneResult } from '../../engine/eval/tune';
import { loadDataset } from '../loadDataset';
import { checkNumber, parseOptions, UsageError, type OptionSpecs } from '../args';
import { checkRankFits } from '../alsOptions';
import { OBJECTIVES } from '../../engine/defaults/modelDefaults';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { cliTuneDefaults } from '../../engine/defaults/tuningDefaults';

const d = cliTuneDefaults.space;
const rankingPct = `${Math.round(evaluationDefaults.rankingTestFraction * 100)}%`;

export const usage = `tune <dataset dir or zip> [--folds ${cliTuneDefaults.folds}] [--seed ${evaluationDefaults.seed}] [--sample N]
       [--ranks ${d.rank.join(',')}] [--lambdas ${d.lambda.join(',')}] [--exponents ${d.lambdaExponent.join(',')}] [--bias-lambdas ${d.biasLambda.join(',')}] [--iters ${d.iterations.join(',')}] [--json]
       [--objective implicit [--alphas ${d.confidence.join(',')}]]   (implicit: iALS confidence 1 + alpha·r, as eval --alpha; NDCG@10 over --folds per-user ${rankingPct} holdouts)`;

const SPACE_OPTIONS = {
  ranks: { kind: 'numbers', range: PARAM_RANGES.rank, help: `ranks to try (default ${d.rank.join(',')})` },
  lambdas: { kind: 'numbers', range: PARAM_RANGES.lambda, help: `λ values to try (default ${d.lambda.join(',')})` },
  exponents: { kind: 'numbers', range: PARAM_RANGES.lambdaExponent, help: `α of λ·n^α to try (default ${d.lambdaExponent.join(',')})` },
  'bias-lambdas': { kind: 'numbers', range: PARAM_RANGES.biasLambda, help: `bias λ values to try (default ${d.biasLambda.join(',')})` },
  iters: { kind: 'numbers', range: PARAM_RANGES.iterations, help: `iteration counts to try (default ${d.iterations.join(',')})` },
  alphas: { kind: 'numbers', range: PARAM_RANGES.implicitAlpha, help: `iALS confidence alphas to try (default ${d.confidence.join(',')})` },
} as const satisfies OptionSpecs;

export const options = {
  folds: { kind: 'number', range: PARAM_RANGES.folds, help: `folds (explicit) or per-user holdouts (implicit) per candidate (default ${cliTuneDefaults.folds})` },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed of the splits (default ${evaluationDefaults.seed})` },
  sample: { kind: 'number', range: { min: 1, max: 1_000_000, integer: true }, help: 'try this many random candidates of the grid instead of all' },
  ...SPACE_OPTIONS,
  objective: { kind: 'choice', values: OBJECTIVES, help: 'explicit: CV RMSE; implicit: iALS scored by NDCG@10' },
  json: { kind: 'flag', help: 'print every candidate and the winner as JSON' },
} as const satisfies OptionSpecs;

type SpaceOption = keyof typeof SPACE_OPTIONS;

/** One list: numbers parseOptions checked, or text as typed ("16,32"), each value held to its option's range. */
function list(v: string | readonly number[] | undefined, name: SpaceOption, fallback: readonly number[]): readonly number[] {
  if (v === undefined) return fallback;
  if (typeof v !== 'string') return v;
  return v.split(',').map((x) => checkNumber(x.trim(), name, SPACE_OPTIONS[name].range));
}

/** The search space from command-line lists; a list not given is the default grid's (src/engine/defaults/tuningDefaults.ts). */
export function tuneSpaceFrom(values: Partial<Record<SpaceOption, string | readonly number[]>>): SearchSpace {
  return {
    rank: list(values.ranks, 'ranks', d.rank),
    lambda: list(values.lambdas, 'lambdas', d.lambda),
    lambdaExponent: list(values.exponents, 'exponents', d.lambdaExponent),
    biasLambda: list(values['bias-lambdas'], 'bias-lambdas', d.biasLambda),
    iterations: list(values.iters, 'iters', d.iterations),
    confidence: list(values.alphas, 'alphas', d.confidence),
  };
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0];
  if (!path) throw new UsageError('expected a dataset (folder or zip)');
  const space = tuneSpaceFrom(values);
  const objective = values.objective ?? 'explicit';
  const implicit = objective === 'implicit';
  const score = (r: TuneResult) => (implicit ? `NDCG@10 ${r['ndcg@10']!.toFixed(4)} recall@20 ${r['recall@20']!.toFixed(4)}` : r.rmse.toFixed(4));
  const conf = (p: TuneResult['params']) => (implicit ? ` alpha ${p.implicitAlpha}` : '');
  const folds = values.folds ?? cliTuneDefaults.folds;
  const data = await loadDataset(path);
  checkRankFits(space.rank.reduce((a, b) => Math.max(a, b), 1), data.stats.users, data.stats.movies, data.stats.ratings);
  const results = tune(data.ratings, data.stats.users, data.stats.movies, space, {
    folds,
    seed: values.seed ?? evaluationDefaults.seed,
    sample: values.sample,
    objective,
    onResult: (r, done, total) =>
      !values.json &&
      process.stderr.write(`${done}/${total} rank ${r.params.rank} λ ${r.params.lambda} α ${r.params.lambdaExponent} bias λ ${r.params.biasLambda} iters ${r.params.iterations}${conf(r.params)}: ${score(r)}\n`),
  });
  if (values.json) {
    console.log(JSON.stringify({ dataset: path, objective, folds, space, winner: results[0], results }, null, 2));
    return;
  }
  if (implicit) {
    console.log(`${path}: implicit (iALS), NDCG@10 over ${folds} per-user ${rankingPct} holdouts, best first`);
    console.log('rank  lambda  λ exp  alpha  iters  NDCG@10  recall@20  fit (s)');
    for (const r of results) {
      const p = r.params;
      console.log(
        `${String(p.rank).padStart(4)}  ${String(p.lambda).padStart(6)}  ${String(p.lambdaExponent).padStart(5)}  ${String(p.implicitAlpha).padStart(5)}  ${String(p.iterations).padStart(5)}  ${r['ndcg@10']!.toFixed(4).padStart(7)}  ${r['recall@20']!.toFixed(4).padStart(9)}  ${r.fitSeconds.toFixed(2).padStart(7)}`,
      );
    }
    const w = results[0].params;
    console.log(`winner: --objective implicit --rank ${w.rank} --lambda ${w.lambda} --lambda-exponent ${w.lambdaExponent} --iters ${w.iterations} --alpha ${w.implicitAlpha}`);
    return;
  }
  console.log(`${path}: ${folds}-fold CV RMSE, best first`);
  console.log('rank  lambda  alpha  biasλ  iters  RMSE    MAE     fit (s)');
  for (const r of results) {
    const p = r.params;
    console.log(
      `${String(p.rank).padStart(4)}  ${String(p.lambda).padStart(6)}  ${String(p.lambdaExponent).padStart(5)}  ${String(p.biasLambda).padStart(5)}  ${String(p.iterations).padStart(5)}  ${r.rmse.toFixed(4)}  ${r.mae.toFixed(4)}  ${r.fitSeconds.toFixed(2).padStart(7)}`,
    );
  }
  const w = results[0].params;
  console.log(`winner: --rank ${w.rank} --lambda ${w.lambda} --lambda-exponent ${w.lambdaExponent} --bias-lambda ${w.biasLambda} --iters ${w.iterations}`);
}
