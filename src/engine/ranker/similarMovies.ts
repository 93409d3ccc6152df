// Similar movies from the ranking model: EASE's item-item weights where the movie is in EASE's catalogue, iALS factor cosine elsewhere.
import type { ScoredItem } from '../types';
import { similarItems } from '../als/similar';
import { TopK, exclusionMask } from '../als/topk';
import type { RankerModel } from './ranker';

export interface SimilarMoviesOptions {
  n: number;
  /** Neighbours with fewer ratings than this are skipped (counts: `counts`, else the model's training counts). */
  minCount: number;
  counts?: ArrayLike<number>;
  exclude?: ArrayLike<number> | Set<number>;
  /** 'ials' (default: factor cosine) or 'ease' (EASE's row when the movie is in EASE's catalogue, else iALS). */
  source?: 'ease' | 'ials';
}

/**
 * Neighbours by the cosine of the ranker's iALS item factors (default: on ml-latest-small more of them share a genre
 * than EASE's, see docs/MODEL.md), or with source 'ease', for a movie in EASE's catalogue, the movies t with the
 * largest B[movie, t] (what liking this movie adds to t's score). Never the movie itself; neighbours below minCount
 * are skipped.
 */
export function similarMovies(model: RankerModel, item: number, opts: SimilarMoviesOptions): ScoredItem[] {
  const counts = opts.counts ?? model.counts;
  const ease = model.ease;
  const j = ease && opts.source === 'ease' ? ease.slot[item] : -1;
  if (j < 0) return similarItems(model.ials, item, { n: opts.n, minCount: opts.minCount, counts, exclude: opts.exclude });
  const K = ease!.items.length;
  const mask = exclusionMask(model.ials.nItems, opts.exclude);
  const top = new TopK(opts.n);
  const row = j * K;
  for (let t = 0; t < K; t++) {
    const other = ease!.items[t];
    if (t === j || (mask && mask[other]) || counts[other] < opts.minCount) continue;
    top.push(other, ease!.B[row + t]);
  }
  return top.result();
}
