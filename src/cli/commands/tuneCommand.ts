// `cli tune`: cross-validated grid or random search (explicit: rank, λ, α, bias λ, iterations; implicit: also α0, ν, confidence from stars; ranker: EASE and the blend).
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { tune, type SearchSpace, type TuneResult } from '../../engine/eval/tune';
import { tuneRanker, type RankerSpace } from '../../engine/eval/tuneRanker';
import { rankerParams } from '../../engine/defaults/rankerDefaults';
import { STORED_UNOBSERVED_WEIGHT } from '../../engine/defaults/implicitDefaults';
import type { AlsParams } from '../../engine/types';
import type { EaseInput } from '../../engine/ranker/ranker';
import { loadDataset } from '../loadDataset';
import { checkNumber, parseOptions, UsageError, type OptionSpecs } from '../args';
import { checkRankFits } from '../alsOptions';
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
         (implicit: iALS with its own grid (rank ${di.rank.join(',')}, λ ${di.lambda.join(',')}, ν ${di.lambdaExponent.join(',')}, iters ${di.iterations.join(',')}) unless given;
          NDCG@10 over --folds per-user ${rankingPct} holdouts, mean ± sd, ties with the winner marked)
       [--objective ranker [--ease-items ${dr.easeItems.join(',')}] [--ease-lambdas ${dr.easeLambda.join(',')}] [--ease-inputs ${dr.easeInput.join(',')}] [--blends ${dr.blend.join(',')}]]
         (the default list: EASE × iALS blend over the same holdouts; iALS from single-valued implicit options, else the shipped one)`;

const SPACE_OPTIONS = {
  ranks: { kind: 'numbers', range: PARAM_RANGES.rank, help: `ranks to try (default ${d.rank.join(',')}; implicit ${di.rank.join(',')})` },
  lambdas: { kind: 'numbers', range: PARAM_RANGES.lambda, help: `λ values to try (default ${d.lambda.join(',')}; implicit ${di.lambda.join(',')})` },
  exponents: { kind: 'numbers', range: PARAM_RANGES.lambdaExponent, help: `α of λ·n^α to try (default ${d.lambdaExponent.join(',')}; implicit ${di.lambdaExponent.join(',')})` },
  'bias-lambdas': { kind: 'numbers', range: PARAM_RANGES.biasLambda, help: `bias λ values to try (default ${d.biasLambda.join(',')})` },
  iters: { kind: 'numbers', range: PARAM_RANGES.iterations, help: `iteration counts to try (default ${d.iterations.join(',')}; implicit ${di.iterations.join(',')})` },
  alphas: { kind: 'numbers', range: PARAM_RANGES.implicitAlpha, help: `iALS confidence alphas to try (default ${d.confidence.join(',')}; implicit grid ${di.confidence.join(',')})` },
  unobserved: { kind: 'numbers', range: PARAM_RANGES.unobservedWeight, help: `iALS unobserved weights α0 to try (default ${di.unobservedWeight.join(',')})` },
  frequency: { kind: 'text', arg: 'on,off', help: `iALS frequency-scaled penalty λ·(n + α0·N)^ν on and/or off (default ${onOff(di.frequencyScaled)})` },
  'star-offsets': { kind: 'numbers', range: PARAM_RANGES.starOffset, help: `iALS star offsets to try: stars at or below are weak watches (default ${di.starOffset.join(',')})` },
} as const satisfies OptionSpecs;

export const options = {
  folds: { kind: 'number', range: PARAM_RANGES.folds, help: `folds (explicit) or per-user holdouts (implicit, ranker) per candidate (default ${cliTuneDefaults.folds})` },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed of the splits (default ${evaluationDefaults.seed})` },
  sample: { kind: 'number', range: { min: 1, max: 1_000_000, integer: true }, help: 'try this many random candidates of the grid instead of all' },
  ...SPACE_OPTIONS,
  objective: { kind: 'choice', values: [...OBJECTIVES, 'ranker'], help: 'explicit: CV RMSE; implicit: iALS scored by NDCG@10; ranker: the default list scored by NDCG@10' },
  'ease-items': { kind: 'numbers', range: { min: 0, max: 100_000, integer: true }, help: `ranker: movies in EASE's part to try (default ${dr.easeItems.join(',')})` },
  'ease-lambdas': { kind: 'numbers', range: { min: 0, max: 1e6, minOpen: true }, help: `ranker: EASE λ values to try (default ${dr.easeLambda.join(',')})` },
  'ease-inputs': { kind: 'text', arg: 'stars,binary', help: `ranker: EASE inputs to try (default ${dr.easeInput.join(',')})` },
  blends: { kind: 'numbers', range: { min: 0, max: 100 }, help: `ranker: weights of the iALS part to try (default ${dr.blend.join(',')})` },
  json: { kind: 'flag', help: 'print every candidate and the winner as JSON' },
} as const satisfies OptionSpecs;

type SpaceOption = keyof typeof SPACE_OPTIONS;
type NumberListOption = Exclude<SpaceOption, 'frequency'>;

/** One list: numbers parseOptions checked, or text as typed ("16,32"), each value held to its option's range. */
function list(v: string | readonly number[] | undefined, name: NumberListOption, fallback: readonly number[]): readonly number[] {
  if (v === undefined) return fallback;
  if (typeof v !== 'string') return v;
  return v.split(',').map((x) => checkNumber(x.trim(), name, SPACE_OPTIONS[name].range));
}

/** on/off lists ("on,off"). */
function switches(v: string | undefined, fallback: readonly boolean[]): readonly boolean[] {
  if (v === undefined) return fallback;
  return v.split(',').map((x) => {
    const t = x.trim();
    if (t !== 'on' && t !== 'off') throw new UsageError(`--frequency expects on, off or both ("on,off"), got "${v}"`);
    return t === 'on';
  });
}

/**
 * The search space from command-line lists; a list not given is the default grid's (src/engine/defaults/tuningDefaults.ts):
 * the explicit grid, or with objective implicit its own grid with Rendle et al.'s knobs.
 */
export function tuneSpaceFrom(values: Partial<Record<NumberListOption, string | readonly number[]>> & { frequency?: string }, objective: 'explicit' | 'implicit' = 'explicit'): SearchSpace {
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
          frequencyScaled: switches(values.frequency, di.frequencyScaled),
          starOffset: list(values['star-offsets'], 'star-offsets', di.starOffset),
        }
      : {}),
  };
}

/** One implicit candidate's settings as `cli eval` options. */
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

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0];
  if (!path) throw new UsageError('expected a dataset (folder or zip)');
  const objective = values.objective ?? 'explicit';
  if (objective === 'ranker') return runRanker(path, values);
  const implicit = objective === 'implicit';
  const space = tuneSpaceFrom(values, objective);
  const score = (r: TuneResult) => (implicit ? `NDCG@10 ${r['ndcg@10']!.toFixed(4)} ± ${r.ndcgSd!.toFixed(4)} recall@20 ${r['recall@20']!.toFixed(4)}` : r.rmse.toFixed(4));
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
        String(p.unobservedWeight ?? STORED_UNOBSERVED_WEIGHT).padStart(5),
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
    console.log(`winner (eval options): --objective implicit ${implicitFlags(results[0].params)}`);
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

type Values = ReturnType<typeof parseOptions<typeof options>>['values'];

/** The single value of an iALS list option in ranker mode (a list there would be a search: use --objective implicit). */
function one(values: Values, key: NumberListOption, fallback: number | undefined): number | undefined {
  const v = values[key];
  if (v === undefined) return fallback;
  if (v.length !== 1) throw new UsageError(`--${key} takes one value with --objective ranker (search iALS with --objective implicit), got ${v.join(',')}`);
  return v[0];
}

/** `tune --objective ranker`: EASE size, λ, input and the blend, over per-user holdouts, by the default list itself. */
async function runRanker(path: string, values: Values): Promise<void> {
  const base = rankerParams.ials;
  const w0 = one(values, 'unobserved', base.unobservedWeight);
  const s0 = one(values, 'star-offsets', base.starOffset);
  const freq = switches(values.frequency, []);
  if (freq.length > 1) throw new UsageError('--frequency takes one value with --objective ranker');
  const ials: AlsParams = {
    ...base,
    rank: one(values, 'ranks', base.rank)!,
    lambda: one(values, 'lambdas', base.lambda)!,
    lambdaExponent: one(values, 'exponents', base.lambdaExponent),
    iterations: one(values, 'iters', base.iterations)!,
    implicitAlpha: one(values, 'alphas', base.implicitAlpha),
    ...(w0 !== undefined ? { unobservedWeight: w0 } : {}),
    ...(s0 !== undefined ? { starOffset: s0 } : {}),
    ...(freq.length ? { frequencyScaled: freq[0] } : {}),
  };
  const inputs = values['ease-inputs'];
  const space: RankerSpace = {
    easeItems: [...(values['ease-items'] ?? dr.easeItems)],
    easeLambda: [...(values['ease-lambdas'] ?? dr.easeLambda)],
    easeInput:
      inputs === undefined
        ? [...dr.easeInput]
        : inputs.split(',').map((x) => {
            const t = x.trim();
            if (t !== 'stars' && t !== 'binary') throw new UsageError(`--ease-inputs expects stars, binary or both, got "${inputs}"`);
            return t as EaseInput;
          }),
    blend: [...(values.blends ?? dr.blend)],
  };
  const folds = values.folds ?? cliTuneDefaults.folds;
  const data = await loadDataset(path);
  checkRankFits(ials.rank, data.stats.users, data.stats.movies, data.stats.ratings);
  const results = tuneRanker(data.ratings, data.stats.users, data.stats.movies, { ...rankerParams, ials }, space, {
    folds,
    seed: values.seed ?? evaluationDefaults.seed,
  });
  if (values.json) {
    console.log(JSON.stringify({ dataset: path, objective: 'ranker', folds, ials, space, winner: results[0], results }, null, 2));
    return;
  }
  console.log(`${path}: the default list (rankFor), NDCG@10 over ${folds} per-user ${rankingPct} holdouts (mean ± sd), best first; iALS ${implicitFlags(ials)}`);
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
