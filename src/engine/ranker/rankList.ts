// The list the app shows: the ranker's personal scores, the controls, exclusions, top-N and optional diversity.
import type { ScoredItem } from '../types';
import { itemNorms } from '../als/similar';
import { TopK, exclusionMask } from '../als/topk';
import { controlTerms, type ListControls } from './controls';
import { diversify } from './diversify';
import { personalScores, type Profile, type RankerModel } from './ranker';
import { rankerDefaults } from '../defaults/rankerDefaults';

export interface RankOptions extends ListControls {
  n: number;
  /** Movies never listed besides the person's own (hidden, filtered out). */
  exclude?: ArrayLike<number> | Set<number>;
  /** Movies with fewer ratings than this are skipped (counts: `counts`, else the model's training counts). */
  minCount?: number;
  counts?: ArrayLike<number>;
}

/** One row of the list. score = personal + general; general is the controls' part (0 without controls). */
export interface RankedRow {
  item: number;
  score: number;
  personal: number;
  general: number;
}

/** Factor norms of each iALS table, for diversity. */
const normCache = new WeakMap<Float32Array, Float32Array>();

function normsOf(model: RankerModel): Float32Array {
  let n = normCache.get(model.ials.itemFactors);
  if (!n) normCache.set(model.ials.itemFactors, (n = itemNorms(model.ials)));
  return n;
}

/**
 * The person's list: fold-in, personal scores for every movie, the controls (hidden gems, recency: adjustments in
 * proportion to each personal score, see controls.ts), the person's own movies and `exclude` left out, then the
 * n best, or with diversity > 0 a maximal-marginal-relevance pick from the best max(10·n, 200). An empty profile
 * scores every movie 0 (the app shows its popular list instead).
 */
export function rankFor(model: RankerModel, profile: Profile, opts: RankOptions): RankedRow[] {
  const nItems = model.ials.nItems;
  const { scores } = personalScores(model, profile);
  const mask = exclusionMask(nItems, opts.exclude) ?? new Uint8Array(nItems);
  for (let k = 0; k < profile.items.length; k++) mask[profile.items[k]] = 1;
  const minCount = opts.minCount ?? 0;
  const counts = opts.counts ?? model.counts;
  if (minCount > 0) for (let i = 0; i < nItems; i++) if (counts[i] < minCount) mask[i] = 1;
  const terms = controlTerms(model.counts, opts);
  const diversity = opts.diversity ?? 0;
  if (!(diversity >= 0 && diversity <= 1)) throw new RangeError(`diversity must be between 0 and 1, got ${opts.diversity}`);
  const pool = diversity > 0 ? Math.max(10 * opts.n, rankerDefaults.diversityPool) : opts.n;
  const heap = new TopK(Math.min(pool, nItems));
  for (let i = 0; i < nItems; i++) {
    if (mask[i]) continue;
    heap.push(i, terms ? scores[i] + Math.abs(scores[i]) * terms[i] : scores[i]);
  }
  let ranked: ScoredItem[] = heap.result();
  if (diversity > 0) {
    let top = 0;
    for (const r of ranked) top = Math.max(top, r.score);
    ranked = diversify(ranked, {
      n: opts.n,
      weight: diversity,
      threshold: opts.similarityThreshold ?? rankerDefaults.similarityThreshold,
      scale: top > 0 ? top : 1,
      factors: model.ials.itemFactors,
      rank: model.ials.rank,
      norms: normsOf(model),
    });
  }
  return ranked.map(({ item }) => {
    const general = terms ? Math.abs(scores[item]) * terms[item] : 0;
    return { item, score: scores[item] + general, personal: scores[item], general };
  });
}
