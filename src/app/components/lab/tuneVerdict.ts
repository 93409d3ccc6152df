// What a finished search concludes: each row's mean ± sd over the folds, which rows tie with the best (the
// one-standard-error rule, src/engine/eval/tuneSpread.ts), and which configuration to train: the winner, or among tied
// ones the simplest (lowest rank, then highest λ), as that rule recommends.
import type { TuneResult } from '../../../client/workerTypes';
import { standardError, tuneSpread, type Spread } from '../../../engine/eval/tuneSpread';
import { STORED_UNOBSERVED_WEIGHT } from '../../../engine/defaults/implicitDefaults';

export interface TuneRow {
  result: TuneResult;
  spread: Spread;
}

export type Verdict =
  | { kind: 'winner'; pick: TuneResult; se: number }
  /** More than one configuration within one standard error of the best: `pick` is the simplest of them. */
  | { kind: 'tie'; tied: TuneResult[]; pick: TuneResult; se: number };

/** A ranking search's results (the implicit objective: NDCG@10, higher is better, ties called by the engine). */
const ranking = (results: readonly TuneResult[]) => results.length > 0 && results[0]['ndcg@10'] !== undefined;

/** Rows in the order given (best first). Ranking searches: sd and the distance below the best in NDCG@10. */
export function tuneRows(results: readonly TuneResult[]): TuneRow[] {
  if (ranking(results)) {
    const best = results[0]['ndcg@10']!;
    return results.map((result) => ({ result, spread: { mean: result['ndcg@10']!, sd: result.ndcgSd ?? 0, diff: best - result['ndcg@10']!, tie: result.tie === true } }));
  }
  const spread = tuneSpread(results.map((r) => ({ folds: r.foldRmse })));
  return results.map((result, k) => ({ result, spread: spread[k] }));
}

const simpler = (a: TuneResult, b: TuneResult) => a.params.rank - b.params.rank || b.params.lambda - a.params.lambda;

export function verdict(results: readonly TuneResult[]): Verdict | null {
  if (results.length === 0) return null;
  if (ranking(results)) {
    const tied = results.filter((r) => r.tie);
    const se = (results[0].ndcgSd ?? 0) / Math.sqrt(Math.max(1, results[0].foldNdcg?.length ?? 1));
    if (tied.length < 2) return { kind: 'winner', pick: results[0], se };
    return { kind: 'tie', tied, pick: [...tied].sort(simpler)[0], se };
  }
  const se = standardError(results[0].foldRmse);
  const tied = tuneRows(results)
    .filter((r) => r.spread.tie)
    .map((r) => r.result);
  if (tied.length < 2) return { kind: 'winner', pick: results[0], se };
  return { kind: 'tie', tied, pick: [...tied].sort(simpler)[0], se };
}

const f4 = (x: number) => x.toFixed(4);

/** An iALS candidate's star offset and frequency-scaled penalty as the status line names them (nothing for what it does not set). */
export function offsetAndPenalty(r: TuneResult): string {
  const { starOffset, frequencyScaled } = r.params;
  return `${starOffset !== undefined ? `, star offset ${starOffset}` : ''}${frequencyScaled ? ', frequency-scaled λ' : ''}`;
}

/** The status line of a finished search. */
export function verdictText(v: Verdict, results: readonly TuneResult[], seconds: number): string {
  const best = results[0];
  const cfg = (r: TuneResult) => `rank ${r.params.rank}, λ ${r.params.lambda}${r.params.objective === 'implicit' ? `, confidence α ${r.params.implicitAlpha}, α0 ${r.params.unobservedWeight ?? STORED_UNOBSERVED_WEIGHT}${offsetAndPenalty(r)}` : ''}`;
  const head = `Done in ${seconds.toFixed(1)} s.`;
  if (ranking(results)) {
    if (v.kind === 'winner') return `${head} Best: ${cfg(best)}, NDCG@10 ${f4(best['ndcg@10']!)} ± ${f4(best.ndcgSd ?? 0)}${results.length > 1 ? ', ahead of every other configuration on the per-holdout differences' : ''}.`;
    return `${head} A tie: ${v.tied.length} configurations are within two standard errors of the best NDCG@10, ${f4(best['ndcg@10']!)}, on the per-holdout differences. The simplest of them is ${cfg(v.pick)}.`;
  }
  if (v.kind === 'winner') {
    const beyond = results.length > 1 ? ', ahead of every other configuration by more than one standard error' : '';
    return `${head} Best: ${cfg(best)}, CV RMSE ${f4(best.rmse)} ± ${f4(tuneRows([best])[0].spread.sd)}${beyond}.`;
  }
  return (
    `${head} A tie: ${v.tied.length} configurations are within one standard error (${f4(v.se)}) of the best mean, ${f4(best.rmse)}, so the folds ` +
    `do not tell them apart. The simplest of them is ${cfg(v.pick)}.`
  );
}
