// The ranking comparison on one split: popularity, explicit stars, iALS, exact EASE and the app's default list (plus control variants).
import type { AlsModel, AlsParams, RatingColumns } from '../types';
import { buildCsr, toCsr } from '../als/csr';
import { foldIn } from '../als/foldIn';
import { topN } from '../als/recommend';
import { trainAls } from '../als/train';
import { easeScores, fitEase, itemCounts, mostRated } from '../ranker/ease';
import { easeDualScorer } from '../ranker/easeDual';
import { fitRankerEase, rankerOf, type RankerModel, type RankerParams } from '../ranker/ranker';
import { rankFor } from '../ranker/rankList';
import type { ListControls } from '../ranker/controls';
import { listMetrics, rankingMetrics, type RankingMetrics, type UserLister } from './ranking';
import { withFreshMemory } from '../wasm/kernelChoice';
import type { KernelHandle } from '../wasm/wasmKernels';

export const RANKING_CUTOFFS = [10, 20];

/** One ranker's ranking metrics on a split, with its fit time (seconds). */
export type RankerMetrics = RankingMetrics & { fitSeconds: number; rankSeconds: number };

/** A ranker that was not run, and why. */
export interface SkippedRanker {
  skipped: string;
}

export interface CompareOptions {
  /** The explicit (stars) model: ranked by predicted rating, fold-in as the app does. */
  explicit: AlsParams;
  /** The iALS row's model, ranked by its own score (fold-in). */
  ials: AlsParams;
  /** The default ranker: its list is the app's, from rankFor with filters and minimum count off. */
  ranker: RankerParams;
  /** λ of the exact EASE reference (Steck 2019; binary X). */
  easeLambda: number;
  /**
   * The reference needs one dense inverse of the smaller of (users, rated movies) — about d³/2 multiply-adds and
   * 8·d² bytes; above this d it is skipped with that reason.
   */
  easeMaxDim: number;
  /** Extra rows: the default list with controls on, named. */
  variants?: { name: string; controls: ListControls }[];
  /** Release year per movie, for a recency variant. */
  years?: ArrayLike<number>;
  /** Score only these users (a seeded sample on large releases). */
  users?: ArrayLike<number>;
  /** Called as each ranker starts. */
  onRanker?: (name: string) => void;
  /** The explicit model already trained on this split with `explicit` (and its fit time): not trained again. */
  explicitModel?: { model: AlsModel; seconds: number };
  /** WebAssembly kernels for the ALS trainings (each on a fresh memory); absent: JavaScript kernels. */
  kernel?: KernelHandle | null;
}

const now = () => performance.now() / 1000;

function sameParams(a: AlsParams, b: AlsParams): boolean {
  return JSON.stringify({ ...a, objective: a.objective ?? 'explicit' }) === JSON.stringify({ ...b, objective: b.objective ?? 'explicit' });
}

/** Runs every ranker on one train/test split; rankers share the split, the users and the metric code. */
export function compareRankers(train: RatingColumns, test: RatingColumns, nUsers: number, nItems: number, opts: CompareOptions): Record<string, RankerMetrics | SkippedRanker> {
  const metricOpts = { ks: RANKING_CUTOFFS, users: opts.users, years: opts.years };
  const rows = toCsr(train.users, train.items, train.ratings, train.length, nUsers);
  const profileOf = (u: number) => ({ items: rows.indices.subarray(rows.indptr[u], rows.indptr[u + 1]), stars: rows.values.subarray(rows.indptr[u], rows.indptr[u + 1]) });
  const out: Record<string, RankerMetrics | SkippedRanker> = {};
  const trainOne = (params: AlsParams) => trainAls(buildCsr(train, nUsers, nItems), params, { kernel: opts.kernel && withFreshMemory(opts.kernel) });
  const timed = (name: string, fit: () => UserLister | { scorer: (u: number, o: Float32Array) => void }) => {
    opts.onRanker?.(name);
    const t0 = now();
    const made = fit();
    const t1 = now();
    const m = typeof made === 'function' ? listMetrics(train, test, nUsers, nItems, made, metricOpts) : rankingMetrics(train, test, nUsers, nItems, made.scorer, metricOpts);
    out[name] = { ...m, fitSeconds: t1 - t0, rankSeconds: now() - t1 };
  };
  const counts = itemCounts(train, nItems);
  timed('popularity', () => ({ scorer: (_u, o) => o.set(counts) }));
  const byFoldIn = (model: AlsModel): UserLister => (u, k) => {
    const p = profileOf(u);
    return topN(model, foldIn(model, p.items, p.stars), { n: k, exclude: p.items }).map((r) => r.item);
  };
  timed('explicit', () => byFoldIn(opts.explicitModel?.model ?? trainOne({ ...opts.explicit, objective: 'explicit' })));
  if (opts.explicitModel) (out.explicit as RankerMetrics).fitSeconds = opts.explicitModel.seconds;
  // The default ranker's parts are trained once and timed apart: its iALS doubles as the iALS row when the params match.
  const ialsParams: AlsParams = { ...opts.ials, objective: 'implicit' };
  const rankerIalsParams: AlsParams = { ...opts.ranker.ials, objective: 'implicit' };
  let rankerIals: { model: AlsModel; seconds: number } | null = null;
  const trainRankerIals = () => {
    if (!rankerIals) {
      const t0 = now();
      rankerIals = { model: trainOne(rankerIalsParams), seconds: now() - t0 };
    }
    return rankerIals;
  };
  if (sameParams(ialsParams, rankerIalsParams)) {
    opts.onRanker?.('ials');
    const { model, seconds } = trainRankerIals();
    const t1 = now();
    out.ials = { ...listMetrics(train, test, nUsers, nItems, byFoldIn(model), metricOpts), fitSeconds: seconds, rankSeconds: now() - t1 };
  } else {
    timed('ials', () => byFoldIn(trainOne(ialsParams)));
  }
  const ease = easeReference(train, nUsers, nItems, counts, opts);
  if ('skipped' in ease) out.ease = ease;
  else timed('ease', () => ({ scorer: ease.fit() }));
  let ranker: RankerModel | null = null;
  let rankerSeconds = 0;
  const listOf = (controls: ListControls): UserLister => (u, k) => rankFor(ranker!, profileOf(u), { n: k, ...controls, years: opts.years }).map((r) => r.item);
  timed('defaultList', () => {
    const { model, seconds } = trainRankerIals();
    const t0 = now();
    ranker = rankerOf(opts.ranker, model, fitRankerEase(train, nUsers, nItems, opts.ranker, counts), counts);
    rankerSeconds = seconds + (now() - t0);
    return listOf({});
  });
  (out.defaultList as RankerMetrics).fitSeconds = rankerSeconds;
  for (const v of opts.variants ?? []) timed(v.name, () => listOf(v.controls));
  return out;
}

/**
 * Exact EASE over every rated movie, through whichever side is smaller: the items' inverse (fitEase) when there are
 * fewer rated movies than users, else the users' (easeDualScorer, Woodbury). Skipped above opts.easeMaxDim.
 */
function easeReference(train: RatingColumns, nUsers: number, nItems: number, counts: Int32Array, opts: CompareOptions): SkippedRanker | { fit: () => (u: number, o: Float32Array) => void } {
  const rated = mostRated(counts, nItems);
  const d = Math.min(rated.length, nUsers);
  if (d > opts.easeMaxDim) {
    const gb = (8 * d * d) / 1e9;
    return { skipped: `exact EASE needs a ${d.toLocaleString('en')}² dense inverse (${gb.toFixed(1)} GB, about ${(d ** 3 / 2 / 1e9).toFixed(0)}·10⁹ multiply-adds) for ${rated.length.toLocaleString('en')} rated movies and ${nUsers.toLocaleString('en')} users; the limit is ${opts.easeMaxDim.toLocaleString('en')} (--ease-max)` };
  }
  if (rated.length <= nUsers) {
    return {
      fit: () => {
        const model = fitEase(train, nUsers, nItems, { lambda: opts.easeLambda, items: rated });
        const rows = toCsr(train.users, train.items, train.ratings, train.length, nUsers);
        return (u, o) => easeScores(model, rows.indices.subarray(rows.indptr[u], rows.indptr[u + 1]), rows.values.subarray(rows.indptr[u], rows.indptr[u + 1]), () => 1, o, 0);
      },
    };
  }
  return { fit: () => easeDualScorer(train, nUsers, nItems, opts.easeLambda) };
}
