// `cli tune`: cross-validated grid or random search over rank, λ, α, bias λ and iterations; prints the table and the winner.
import { parseArgs } from 'node:util';
import { tune, type SearchSpace, type TuneResult } from '../../engine/eval/tune';
import { loadDataset } from '../loadDataset';
import { num, oneOf } from '../args';
import { OBJECTIVES } from '../../engine/defaults/modelDefaults';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { cliTuneDefaults } from '../../engine/defaults/tuningDefaults';

const d = cliTuneDefaults.space;
const rankingPct = `${Math.round(evaluationDefaults.rankingTestFraction * 100)}%`;

export const usage = `tune <dataset dir or zip> [--folds ${cliTuneDefaults.folds}] [--seed ${evaluationDefaults.seed}] [--sample N]
       [--ranks ${d.rank.join(',')}] [--lambdas ${d.lambda.join(',')}] [--exponents ${d.lambdaExponent.join(',')}] [--bias-lambdas ${d.biasLambda.join(',')}] [--iters ${d.iterations.join(',')}] [--json]
       [--objective implicit [--alphas ${d.confidence.join(',')}]]   (implicit: iALS confidence 1 + alpha·r, as eval --alpha; NDCG@10 over --folds per-user ${rankingPct} holdouts)`;

function list(v: string | undefined, name: string, fallback: readonly number[]): readonly number[] {
  if (v === undefined) return fallback;
  return v.split(',').map((x) => num(x.trim(), name, NaN));
}

type SpaceOption = 'ranks' | 'lambdas' | 'exponents' | 'bias-lambdas' | 'iters' | 'alphas';

/** The search space from command-line lists; a list not given is the default grid's (src/engine/defaults/tuningDefaults.ts). */
export function tuneSpaceFrom(values: Partial<Record<SpaceOption, string>>): SearchSpace {
  return {
    rank: list(values.ranks, 'ranks', d.rank),
    lambda: list(values.lambdas, 'lambdas', d.lambda),
    lambdaExponent: list(values.exponents, 'exponents', d.lambdaExponent),
    biasLambda: list(values['bias-lambdas'], 'bias-lambdas', d.biasLambda),
    iterations: list(values.iters, 'iters', d.iterations),
    confidence: list(values.alphas, 'alphas', d.confidence),
  };
}

export function run(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      folds: { type: 'string' },
      seed: { type: 'string' },
      sample: { type: 'string' },
      ranks: { type: 'string' },
      lambdas: { type: 'string' },
      exponents: { type: 'string' },
      'bias-lambdas': { type: 'string' },
      iters: { type: 'string' },
      objective: { type: 'string' },
      alphas: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const path = positionals[0];
  if (!path) throw new Error(`usage: npm run cli -- ${usage}`);
  const space = tuneSpaceFrom(values);
  const objective = oneOf(values.objective, 'objective', OBJECTIVES) ?? 'explicit';
  const implicit = objective === 'implicit';
  const score = (r: TuneResult) => (implicit ? `NDCG@10 ${r['ndcg@10']!.toFixed(4)} recall@20 ${r['recall@20']!.toFixed(4)}` : r.rmse.toFixed(4));
  const conf = (p: TuneResult['params']) => (implicit ? ` alpha ${p.implicitAlpha}` : '');
  const folds = num(values.folds, 'folds', cliTuneDefaults.folds);
  const data = loadDataset(path);
  const results = tune(data.ratings, data.stats.users, data.stats.movies, space, {
    folds,
    seed: num(values.seed, 'seed', evaluationDefaults.seed),
    sample: values.sample ? num(values.sample, 'sample', 0) : undefined,
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
