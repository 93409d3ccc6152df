// Similar movies: cosine similarity of item factor vectors, best first, with the same filters as top-N.
import type { AlsModel, ScoredItem } from '../types';
import { TopK, exclusionMask } from './topk';

/** Euclidean norm of every item's factor row (compute once per model). */
export function itemNorms(model: AlsModel): Float32Array {
  const { rank, nItems, itemFactors } = model;
  const out = new Float32Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let s = 0;
    for (let f = 0; f < rank; f++) s += itemFactors[i * rank + f] ** 2;
    out[i] = Math.sqrt(s);
  }
  return out;
}

export interface SimilarOptions {
  n: number;
  norms?: Float32Array;
  minCount?: number;
  counts?: ArrayLike<number>;
  exclude?: ArrayLike<number> | Set<number>;
}

/** The n items whose factor vectors point most nearly the same way as `item`'s (never `item` itself). */
export function similarItems(model: AlsModel, item: number, opts: SimilarOptions): ScoredItem[] {
  const { rank, nItems, itemFactors } = model;
  const norms = opts.norms ?? itemNorms(model);
  const mask = exclusionMask(nItems, opts.exclude);
  const top = new TopK(opts.n);
  const base = item * rank;
  const ni = norms[item];
  if (ni === 0) return [];
  for (let j = 0; j < nItems; j++) {
    if (j === item || norms[j] === 0 || (mask && mask[j])) continue;
    if (opts.counts && opts.minCount && opts.counts[j] < opts.minCount) continue;
    let dot = 0;
    const o = j * rank;
    for (let f = 0; f < rank; f++) dot += itemFactors[base + f] * itemFactors[o + f];
    top.push(j, dot / (ni * norms[j]));
  }
  return top.result();
}
