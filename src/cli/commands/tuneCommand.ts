// `cli tune`: cross-validated grid or random search (explicit: rank, λ, α, bias λ, iterations; implicit: also α0, ν, confidence from stars; ranker: EASE and the blend).
import { parseArgs } from 'node:util';
import { tune, type SearchSpace, type TuneResult } from '../../engine/eval/tune';
import { tuneRanker, type RankerSpace } from '../../engine/eval/tuneRanker';
import { rankerParams } from '../../engine/defaults/rankerDefaults';
import type { AlsParams } from '../../engine/types';
import type { EaseInput } from '../../engine/ranker/ranker';
import { loadDataset } from '../loadDataset';
import { num, oneOf } from '../args';
import { OBJECTIVES } from '../../engine/defaults/modelDefaults';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { cliImplicitTuneDefaults, cliRankerTuneDefaults, cliTuneDefaults } from '../../engine/defaults/tuningDefaults';

const d = cliTuneDefaults.space;
const di = cliImplicitTuneDefaults.space;
const dr = cliRankerTuneDefaults;
const rankingPct = `${Math.round(evaluationDefaults.rankingTestFraction * 100)}%`;
const onOff = (xs: readonly boolean[]) => xs.map((x) => (x ? 'on' : 'off')).join(',');

export const usage = `tune <dataset dir or zip> [--folds ${cliTuneDefaults.folds}] [--seed ${evaluationDefaults.seed}] [--sample N]
       [--ranks ${d.rank.join(',')}] [--lambdas ${d.lambda.join(',')}] [--exponents ${d.lambdaExponent.join(',')}] [--bias-lambdas ${d.biasLambda.join(',')}] [--iters ${d.iterations.join(',')}] [--json]
       [--objective implicit [--alphas ${di.confidence.join(',')}] [--unobserved ${di.unobservedWeight.join(',')}] [--frequency ${onOff(di.frequencyScaled)}] [--star-offsets ${di.starOffset.join(',')}]]
         (implicit: iALS, its own grid (rank ${di.rank.join(',')}, λ ${di.lambda.join(',')}, ν ${di.lambdaExponent.join(',')}, iters ${di.iterations.join(',')}) unless given;
          NDCG@10 over --folds per-user ${rankingPct} holdouts, mean ± sd, ties with the winner marked)
       [--objective ranker [--ease-items ${dr.easeItems.join(',')}] [--ease-lambdas ${dr.easeLambda.join(',')}] [--ease-inputs ${dr.easeInput.join(',')}] [--blends ${dr.blend.join(',')}]]
         (the default list: EASE × iALS blend over the same holdouts; iALS from single-valued implicit flags, else the shipped one)`;

function list(v: string | undefined, name: string, fallback: readonly number[]): readonly number[] {
  if (v === undefined) return fallback;
  return v.split(',').map((x) => num(x.trim(), name, NaN));
}

function switches(v: string | undefined, name: string, fallback: readonly boolean[]): readonly boolean[] {
  if (v === undefined) return fallback;
  return v.split(',').map((x) => oneOf(x.trim(), name, ['on', 'off'] as const) === 'on');
}

type SpaceOption = 'ranks' | 'lambdas' | 'exponents' | 'bias-lambdas' | 'iters' | 'alphas' | 'unobserved' | 'frequency' | 'star-offsets';

/**
 * The search space from command-line lists; a list not given is the default grid's (src/engine/defaults/tuningDefaults.ts):
 * the explicit grid, or for implicit its own grid with Rendle et al.'s knobs.
 */
export function tuneSpaceFrom(values: Partial<Record<SpaceOption, string>>, objective: 'explicit' | 'implicit' = 'explicit'): SearchSpace {
  const g = objective === 'implicit' ? di : d;
  return {
    rank: list(values.ranks, 'ranks', g.rank),
    lambda: list(values.lambdas, 'lambdas', g.lambda),
    lambdaExponent: list(values.exponents, 'exponents', g.lambdaExponent),
    biasLambda: list(values['bias-lambdas'], 'bias-lambdas', d.biasLambda),
    iterations: list(values.iters, 'iters', g.iterations),
    confidence: list(values.alphas, 'alphas', g.confidence),
    ...(objective === 'implicit'
      ? {
          unobservedWeight: list(values.unobserved, 'unobserved', di.unobservedWeight),
          frequencyScaled: switches(values.frequency, 'frequency', di.frequencyScaled),
          starOffset: list(values['star-offsets'], 'star-offsets', di.starOffset),
        }
      : {}),
  };
}

/** One implicit candidate's settings as `cli eval` flags. */
export function implicitFlags(p: TuneResult['params']): string {
  return [
    `--rank ${p.rank}`,
    `--lambda ${p.lambda}`,
    `--lambda-exponent ${p.lambdaExponent}`,
    `--iters ${p.iterations}`,
    `--alpha ${p.implicitAlpha}`,
    p.unobservedWeight !== undefined ? `--unobserved ${p.unobservedWeight}` : '',
    p.frequencyScaled !== undefined ? `--frequency ${p.frequencyScaled ? 'on' : 'off'}` : '',
    p.starOffset !== undefined ? `--star-offset ${p.starOffset}` : '',
  ]
    .filter(Boolean)
    .join(' ');
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
      unobserved: { type: 'string' },
      frequency: { type: 'string' },
      'star-offsets': { type: 'string' },
      'ease-items': { type: 'string' },
      'ease-lambdas': { type: 'string' },
      'ease-inputs': { type: 'string' },
      blends: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const path = positionals[0];
  if (!path) throw new Error(`usage: npm run cli -- ${usage}`);
  const objective = oneOf(values.objective, 'objective', [...OBJECTIVES, 'ranker'] as const) ?? 'explicit';
  if (objective === 'ranker') return runRanker(path, values);
  const implicit = objective === 'implicit';
  const space = tuneSpaceFrom(values, objective);
  const score = (r: TuneResult) => (implicit ? `NDCG@10 ${r['ndcg@10']!.toFixed(4)} ± ${r.ndcgSd!.toFixed(4)} recall@20 ${r['recall@20']!.toFixed(4)}` : r.rmse.toFixed(4));
  const folds = num(values.folds, 'folds', cliTuneDefaults.folds);
  const data = loadDataset(path);
  const results = tune(data.ratings, data.stats.users, data.stats.movies, space, {
    folds,
    seed: num(values.seed, 'seed', evaluationDefaults.seed),
    sample: values.sample ? num(values.sample, 'sample', 0) : undefined,
    objective,
    onResult: (r, done, total) =>
      !values.json &&
      process.stderr.write(`${done}/${total} ${implicit ? implicitFlags(r.params) : `rank ${r.params.rank} λ ${r.params.lambda} α ${r.params.lambdaExponent} bias λ ${r.params.biasLambda} iters ${r.params.iterations}`}: ${score(r)}\n`),
  });
  if (values.json) {
    console.log(JSON.stringify({ dataset: path, objective, folds, space, winner: results[0], results }, null, 2));
    return;
  }
  if (implicit) {
    console.log(`${path}: implicit (iALS), NDCG@10 over ${folds} per-user ${rankingPct} holdouts (mean ± sd), best first; "tie": not distinguishable from the winner (paired, 2 SE)`);
    console.log('rank  lambda  ν     alpha  α0     freq  s0   iters  NDCG@10          recall@20        fit (s)');
    for (const r of results) {
      const p = r.params;
      const cells = [
        String(p.rank).padStart(4),
        String(p.lambda).padStart(6),
        String(p.lambdaExponent).padEnd(4),
        String(p.implicitAlpha).padStart(5),
        String(p.unobservedWeight ?? 1).padStart(5),
        (p.frequencyScaled ? 'on' : 'off').padStart(4),
        String(p.starOffset ?? 0).padStart(3),
        String(p.iterations).padStart(5),
        `${r['ndcg@10']!.toFixed(4)} ± ${r.ndcgSd!.toFixed(4)}`,
        `${r['recall@20']!.toFixed(4)} ± ${r.recallSd!.toFixed(4)}`,
        r.fitSeconds.toFixed(2).padStart(7),
        r.tie ? 'tie' : '',
      ];
      console.log(cells.join('  '));
    }
    console.log(`winner (eval flags): --objective implicit ${implicitFlags(results[0].params)}`);
    const ties = results.filter((r) => r.tie).length - 1;
    if (ties > 0) console.log(`${ties} other candidate(s) tie with the winner: prefer the cheapest of them (fit seconds)`);
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

type Values = Record<string, string | boolean | undefined>;

/** The single value of an iALS flag in ranker mode (a list there would be a search: use --objective implicit). */
function one(values: Values, key: string, fallback: number | undefined): number | undefined {
  const v = values[key] as string | undefined;
  if (v === undefined) return fallback;
  const xs = list(v, key, []);
  if (xs.length !== 1) throw new Error(`--${key} takes one value with --objective ranker (search iALS with --objective implicit), got "${v}"`);
  return xs[0];
}

/** `tune --objective ranker`: EASE size, λ, input and the blend, over per-user holdouts, by the default list itself. */
function runRanker(path: string, values: Values): void {
  const d = rankerParams.ials;
  const w0 = one(values, 'unobserved', d.unobservedWeight);
  const s0 = one(values, 'star-offsets', d.starOffset);
  const ials: AlsParams = {
    ...d,
    rank: one(values, 'ranks', d.rank)!,
    lambda: one(values, 'lambdas', d.lambda)!,
    lambdaExponent: one(values, 'exponents', d.lambdaExponent),
    iterations: one(values, 'iters', d.iterations)!,
    implicitAlpha: one(values, 'alphas', d.implicitAlpha),
    ...(w0 !== undefined ? { unobservedWeight: w0 } : {}),
    ...(s0 !== undefined ? { starOffset: s0 } : {}),
    ...(values.frequency !== undefined ? { frequencyScaled: switches(values.frequency as string, 'frequency', [false])[0] } : {}),
  };
  const space: RankerSpace = {
    easeItems: [...list(values['ease-items'] as string | undefined, 'ease-items', dr.easeItems)],
    easeLambda: [...list(values['ease-lambdas'] as string | undefined, 'ease-lambdas', dr.easeLambda)],
    easeInput: values['ease-inputs'] === undefined ? [...dr.easeInput] : (values['ease-inputs'] as string).split(',').map((x) => oneOf(x.trim(), 'ease-inputs', ['stars', 'binary'] as const) as EaseInput),
    blend: [...list(values.blends as string | undefined, 'blends', dr.blend)],
  };
  const folds = num(values.folds as string | undefined, 'folds', cliTuneDefaults.folds);
  const data = loadDataset(path);
  const results = tuneRanker(data.ratings, data.stats.users, data.stats.movies, { ...rankerParams, ials }, space, {
    folds,
    seed: num(values.seed as string | undefined, 'seed', evaluationDefaults.seed),
  });
  if (values.json) {
    console.log(JSON.stringify({ dataset: path, objective: 'ranker', folds, ials, space, winner: results[0], results }, null, 2));
    return;
  }
  console.log(`${path}: the default list (rankFor), NDCG@10 over ${folds} per-user 20% holdouts (mean ± sd), best first; iALS ${implicitFlags(ials)}`);
  console.log('EASE items  λ      input   blend  NDCG@10          recall@20        EASE fit (s)');
  for (const r of results) {
    const p = r.params;
    console.log(
      `${String(p.easeItems).padStart(10)}  ${String(p.easeLambda).padStart(5)}  ${p.easeInput.padEnd(6)}  ${String(p.blend).padStart(5)}  ${r['ndcg@10'].toFixed(4)} ± ${r.ndcgSd.toFixed(4)}  ${r['recall@20'].toFixed(4)} ± ${r.recallSd.toFixed(4)}  ${r.easeSeconds.toFixed(2).padStart(8)}  ${r.tie ? 'tie' : ''}`,
    );
  }
  const w = results[0].params;
  console.log(`winner: --ease-items ${w.easeItems} --ease-lambdas ${w.easeLambda} --ease-inputs ${w.easeInput} --blends ${w.blend}`);
}
