// `cli tune`: cross-validated grid or random search over rank, λ, α, bias λ and iterations; prints the table and the winner.
import { parseArgs } from 'node:util';
import { tune, type SearchSpace, type TuneResult } from '../../engine/eval/tune';
import { loadDataset } from '../loadDataset';
import { num, oneOf } from '../args';

export const usage = `tune <dataset dir or zip> [--folds 5] [--seed 42] [--sample N]
       [--ranks 16,32,64] [--lambdas 1.5,2.2,3] [--exponents 0.4,1] [--bias-lambdas 3] [--iters 15] [--json]
       [--objective implicit [--alphas 1,3,10]]   (implicit: iALS confidence 1 + alpha·r, as eval --alpha; NDCG@10 over --folds per-user 20% holdouts)`;

function list(v: string | undefined, name: string, fallback: number[]): number[] {
  if (v === undefined) return fallback;
  return v.split(',').map((x) => num(x.trim(), name, NaN));
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
  const space: SearchSpace = {
    rank: list(values.ranks, 'ranks', [16, 32, 64]),
    lambda: list(values.lambdas, 'lambdas', [1.5, 2.2, 3]),
    lambdaExponent: list(values.exponents, 'exponents', [0.4, 1]),
    biasLambda: list(values['bias-lambdas'], 'bias-lambdas', [3]),
    iterations: list(values.iters, 'iters', [15]),
    confidence: list(values.alphas, 'alphas', [1, 3, 10]),
  };
  const objective = oneOf(values.objective, 'objective', ['explicit', 'implicit'] as const) ?? 'explicit';
  const implicit = objective === 'implicit';
  const score = (r: TuneResult) => (implicit ? `NDCG@10 ${r['ndcg@10']!.toFixed(4)} recall@20 ${r['recall@20']!.toFixed(4)}` : r.rmse.toFixed(4));
  const conf = (p: TuneResult['params']) => (implicit ? ` alpha ${p.implicitAlpha}` : '');
  const folds = num(values.folds, 'folds', 5);
  const data = loadDataset(path);
  const results = tune(data.ratings, data.stats.users, data.stats.movies, space, {
    folds,
    seed: num(values.seed, 'seed', 42),
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
    console.log(`${path}: implicit (iALS), NDCG@10 over ${folds} per-user 20% holdouts, best first`);
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
