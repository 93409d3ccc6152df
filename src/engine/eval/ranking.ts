// Top-k ranking metrics with full ranking over each user's unrated movies: precision, recall, NDCG, coverage.
import type { RatingColumns } from '../types';
import { toCsr } from '../als/csr';
import { TopK } from '../als/topk';

/** Writes a score for every item for one user (higher = recommended first). */
export type UserScorer = (user: number, out: Float32Array) => void;

export interface RankingOptions {
  /** Cut-offs to report, e.g. [10, 20]. */
  ks: number[];
  /** A held-out rating at or above this counts as relevant (default 4 stars). */
  relevantAt?: number;
}

export interface RankingMetrics {
  /** Keys like "precision@10", "recall@20", "ndcg@10", "coverage@10". */
  [metric: string]: number;
  /** Users evaluated: those with at least one relevant held-out rating. */
  users: number;
}

const log2 = (x: number) => Math.log(x) / Math.LN2;

/**
 * For each user with relevant test ratings: score every item, drop the user's training items,
 * take the top max(ks), and average binary-relevance precision, recall and NDCG over users.
 * Coverage@k is the share of the catalogue that appears in at least one user's top k.
 */
export function rankingMetrics(
  train: RatingColumns,
  test: RatingColumns,
  nUsers: number,
  nItems: number,
  score: UserScorer,
  opts: RankingOptions,
): RankingMetrics {
  const relevantAt = opts.relevantAt ?? 4;
  const ks = [...opts.ks].sort((a, b) => a - b);
  const maxK = ks[ks.length - 1];
  const trainRows = toCsr(train.users, train.items, train.ratings, train.length, nUsers);
  const testRows = toCsr(test.users, test.items, test.ratings, test.length, nUsers);
  const scores = new Float32Array(nItems);
  const relevant = new Uint8Array(nItems);
  const sums = new Map<string, number>();
  const covered = ks.map(() => new Uint8Array(nItems));
  const add = (key: string, v: number) => sums.set(key, (sums.get(key) ?? 0) + v);
  let users = 0;
  for (let u = 0; u < nUsers; u++) {
    let nRel = 0;
    for (let p = testRows.indptr[u]; p < testRows.indptr[u + 1]; p++) {
      if (testRows.values[p] >= relevantAt) {
        relevant[testRows.indices[p]] = 1;
        nRel++;
      }
    }
    if (nRel === 0) continue;
    users++;
    score(u, scores);
    for (let p = trainRows.indptr[u]; p < trainRows.indptr[u + 1]; p++) scores[trainRows.indices[p]] = -Infinity;
    const top = new TopK(maxK);
    for (let i = 0; i < nItems; i++) if (scores[i] !== -Infinity) top.push(i, scores[i]);
    const ranked = top.result();
    ks.forEach((k, j) => {
      let hits = 0;
      let dcg = 0;
      for (let r = 0; r < Math.min(k, ranked.length); r++) {
        covered[j][ranked[r].item] = 1;
        if (relevant[ranked[r].item]) {
          hits++;
          dcg += 1 / log2(r + 2);
        }
      }
      let idcg = 0;
      for (let r = 0; r < Math.min(k, nRel); r++) idcg += 1 / log2(r + 2);
      add(`precision@${k}`, hits / k);
      add(`recall@${k}`, hits / nRel);
      add(`ndcg@${k}`, dcg / idcg);
    });
    for (let p = testRows.indptr[u]; p < testRows.indptr[u + 1]; p++) relevant[testRows.indices[p]] = 0;
  }
  const out: RankingMetrics = { users };
  for (const [key, v] of sums) out[key] = users ? v / users : NaN;
  ks.forEach((k, j) => {
    out[`coverage@${k}`] = covered[j].reduce((s, x) => s + x, 0) / nItems;
  });
  return out;
}
