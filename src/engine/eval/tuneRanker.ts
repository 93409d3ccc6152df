// Searches the default ranker's own knobs (EASE's catalogue size and λ, its input, the iALS blend) by the list the app shows.
import type { RatingColumns } from '../types';
import { buildCsr, toCsr } from '../als/csr';
import { trainAls } from '../als/train';
import { itemCounts } from '../ranker/ease';
import { fitRankerEase, rankerOf, type EaseInput, type RankerParams } from '../ranker/ranker';
import { rankFor } from '../ranker/rankList';
import { listMetrics } from './ranking';
import { perUserHoldout } from './userSplit';
import { pairedTie } from './pairedTie';

export interface RankerSpace {
  easeItems: number[];
  easeLambda: number[];
  easeInput: EaseInput[];
  blend: number[];
}

export interface RankerTuneResult {
  params: RankerParams;
  'ndcg@10': number;
  'recall@20': number;
  ndcgSd: number;
  recallSd: number;
  foldNdcg: number[];
  /** Seconds to fit EASE (mean over folds; the iALS part is the same for every candidate). */
  easeSeconds: number;
  tie: boolean;
}

const sd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) : 0;
};

/**
 * Every combination of the space on `folds` per-user holdouts (seed + f): iALS (base.ials) trained once per fold, EASE
 * once per (items, λ, input) and fold, blends only re-rank. Scored by NDCG@10 of rankFor's list (filters off), best
 * first, ties with the winner by the paired test.
 */
export function tuneRanker(cols: RatingColumns, nUsers: number, nItems: number, base: RankerParams, space: RankerSpace, opts: { folds: number; seed: number; testFraction?: number; onResult?: (r: RankerTuneResult, done: number, total: number) => void }): RankerTuneResult[] {
  const combos: RankerParams[] = [];
  for (const easeItems of space.easeItems)
    for (const easeLambda of space.easeLambda) for (const easeInput of space.easeInput) for (const blend of space.blend) combos.push({ ...base, easeItems, easeLambda, easeInput, blend });
  const ndcg = combos.map(() => [] as number[]);
  const recall = combos.map(() => [] as number[]);
  const easeSeconds = combos.map(() => 0);
  for (let f = 0; f < opts.folds; f++) {
    const { train, test } = perUserHoldout(cols, nUsers, opts.testFraction ?? 0.2, opts.seed + f);
    const counts = itemCounts(train, nItems);
    const ials = trainAls(buildCsr(train, nUsers, nItems), { ...base.ials, objective: 'implicit' });
    const rows = toCsr(train.users, train.items, train.ratings, train.length, nUsers);
    const easeCache = new Map<string, { model: ReturnType<typeof fitRankerEase>; seconds: number }>();
    combos.forEach((p, c) => {
      const key = `${p.easeItems}/${p.easeLambda}/${p.easeInput}`;
      let ease = easeCache.get(key);
      if (!ease) {
        const t0 = performance.now();
        ease = { model: fitRankerEase(train, nUsers, nItems, p, counts), seconds: (performance.now() - t0) / 1000 };
        easeCache.set(key, ease);
      }
      easeSeconds[c] += ease.seconds / opts.folds;
      const model = rankerOf(p, ials, ease.model, counts);
      const m = listMetrics(train, test, nUsers, nItems, (u, k) => rankFor(model, { items: rows.indices.subarray(rows.indptr[u], rows.indptr[u + 1]), stars: rows.values.subarray(rows.indptr[u], rows.indptr[u + 1]) }, { n: k }).map((r) => r.item), { ks: [10, 20] });
      ndcg[c].push(m['ndcg@10']);
      recall[c].push(m['recall@20']);
    });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const results = combos.map((params, c) => ({
    params,
    'ndcg@10': mean(ndcg[c]),
    'recall@20': mean(recall[c]),
    ndcgSd: sd(ndcg[c]),
    recallSd: sd(recall[c]),
    foldNdcg: ndcg[c],
    easeSeconds: easeSeconds[c],
    tie: false,
  }));
  results.forEach((r, c) => opts.onResult?.(r, c + 1, results.length));
  const sorted = results.map((r, k) => ({ r, k })).sort((a, b) => b.r['ndcg@10'] - a.r['ndcg@10'] || a.k - b.k).map((x) => x.r);
  for (const r of sorted) r.tie = pairedTie(sorted[0].foldNdcg, r.foldNdcg);
  return sorted;
}
