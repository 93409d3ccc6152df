// Mean and standard deviation of each ranker's metrics over repeated splits (seeds or folds).
import type { RankerMetrics, SkippedRanker } from './compareRankers';

/** Per metric: the mean over splits and the sample standard deviation (0 for one split). */
export interface Summary {
  mean: Record<string, number>;
  sd: Record<string, number>;
  splits: number;
}

/** Summarizes each ranker over the splits; a ranker skipped in any split is reported skipped. */
export function summarize(splits: Record<string, RankerMetrics | SkippedRanker>[]): Record<string, Summary | SkippedRanker> {
  const out: Record<string, Summary | SkippedRanker> = {};
  for (const name of Object.keys(splits[0])) {
    const runs = splits.map((s) => s[name]);
    const skipped = runs.find((r): r is SkippedRanker => 'skipped' in r);
    if (skipped) {
      out[name] = skipped;
      continue;
    }
    const ms = runs as RankerMetrics[];
    const mean: Record<string, number> = {};
    const sd: Record<string, number> = {};
    for (const key of Object.keys(ms[0])) {
      const xs = ms.map((m) => m[key]);
      const mu = xs.reduce((a, b) => a + b, 0) / xs.length;
      mean[key] = mu;
      sd[key] = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mu) ** 2, 0) / (xs.length - 1)) : 0;
    }
    out[name] = { mean, sd, splits: ms.length };
  }
  return out;
}
