// Top-k ranking metrics with full ranking over each user's unrated movies: precision, recall, NDCG, coverage, novelty.
import type { RatingColumns } from '../types';
import { toCsr } from '../als/csr';
import { TopK } from '../als/topk';

/** Writes a score for every item for one user (higher = recommended first). */
export type UserScorer = (user: number, out: Float32Array) => void;

/** The k best items for one user, best first, never the user's training items (a ranker that makes its own list). */
export type UserLister = (user: number, k: number) => ArrayLike<number>;

export interface RankingOptions {
  /** Cut-offs to report, e.g. [10, 20]. */
  ks: number[];
  /** A held-out rating at or above this counts as relevant (default 4 stars). */
  relevantAt?: number;
  /** Score only these users (a seeded sample on large releases); default every user. */
  users?: ArrayLike<number>;
  /** Release year of every movie (≤ 0: unknown): adds "year@k", the mean known year of the listed movies. */
  years?: ArrayLike<number>;
}

export interface RankingMetrics {
  /**
   * Keys like "precision@10", "recall@20", "ndcg@10", "coverage@10", and at each k "novelty@k" (mean self-information
   * log2((users + 1)/(ratings + 1)) of the listed movies, in bits: higher = less popular) and "popRank@k" (mean
   * popularity rank of the listed movies, 1 = most rated in training); with years, "year@k" (their mean release year).
   */
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
  const trainRows = toCsr(train.users, train.items, train.ratings, train.length, nUsers);
  const scores = new Float32Array(nItems);
  const lister: UserLister = (u, k) => {
    score(u, scores);
    for (let p = trainRows.indptr[u]; p < trainRows.indptr[u + 1]; p++) scores[trainRows.indices[p]] = -Infinity;
    const top = new TopK(k);
    for (let i = 0; i < nItems; i++) if (scores[i] !== -Infinity) top.push(i, scores[i]);
    return top.result().map((r) => r.item);
  };
  return listMetrics(train, test, nUsers, nItems, lister, opts);
}

/** rankingMetrics over lists a ranker makes itself (diversity, controls): the same metrics, the same users. */
export function listMetrics(
  train: RatingColumns,
  test: RatingColumns,
  nUsers: number,
  nItems: number,
  list: UserLister,
  opts: RankingOptions,
): RankingMetrics {
  const relevantAt = opts.relevantAt ?? 4;
  const ks = [...opts.ks].sort((a, b) => a - b);
  const maxK = ks[ks.length - 1];
  const testRows = toCsr(test.users, test.items, test.ratings, test.length, nUsers);
  const { selfInfo, popRank } = popularityOf(train, nUsers, nItems);
  const relevant = new Uint8Array(nItems);
  const sums = new Map<string, number>();
  const covered = ks.map(() => new Uint8Array(nItems));
  const add = (key: string, v: number) => sums.set(key, (sums.get(key) ?? 0) + v);
  let users = 0;
  const who = opts.users ?? { length: nUsers };
  for (let w = 0; w < who.length; w++) {
    const u = opts.users ? opts.users[w] : w;
    let nRel = 0;
    for (let p = testRows.indptr[u]; p < testRows.indptr[u + 1]; p++) {
      if (testRows.values[p] >= relevantAt) {
        relevant[testRows.indices[p]] = 1;
        nRel++;
      }
    }
    if (nRel === 0) continue;
    users++;
    const ranked = list(u, maxK);
    ks.forEach((k, j) => {
      let hits = 0;
      let dcg = 0;
      let info = 0;
      let rank = 0;
      let year = 0;
      let dated = 0;
      const m = Math.min(k, ranked.length);
      for (let r = 0; r < m; r++) {
        const item = ranked[r];
        covered[j][item] = 1;
        info += selfInfo[item];
        rank += popRank[item];
        if (opts.years && opts.years[item] > 0) {
          year += opts.years[item];
          dated++;
        }
        if (relevant[item]) {
          hits++;
          dcg += 1 / log2(r + 2);
        }
      }
      let idcg = 0;
      for (let r = 0; r < Math.min(k, nRel); r++) idcg += 1 / log2(r + 2);
      add(`precision@${k}`, hits / k);
      add(`recall@${k}`, hits / nRel);
      add(`ndcg@${k}`, dcg / idcg);
      add(`novelty@${k}`, m ? info / m : 0);
      add(`popRank@${k}`, m ? rank / m : 0);
      if (opts.years) {
        add(`year@${k}`, dated ? year / dated : 0);
        add(`dated@${k}`, dated ? 1 : 0);
      }
    });
    for (let p = testRows.indptr[u]; p < testRows.indptr[u + 1]; p++) relevant[testRows.indices[p]] = 0;
  }
  const out: RankingMetrics = { users };
  for (const [key, v] of sums) if (!key.startsWith('dated@')) out[key] = users ? v / users : NaN;
  // A user whose list has no dated movie adds nothing to the mean year.
  for (const k of ks) if (opts.years) out[`year@${k}`] = (sums.get(`year@${k}`) ?? 0) / Math.max(1, sums.get(`dated@${k}`) ?? 0);
  ks.forEach((k, j) => {
    out[`coverage@${k}`] = covered[j].reduce((s, x) => s + x, 0) / nItems;
  });
  return out;
}

/** Per item: self-information log2((users + 1)/(training ratings + 1)) and popularity rank (1 = most rated; ties share the best rank). */
export function popularityOf(train: RatingColumns, nUsers: number, nItems: number): { selfInfo: Float64Array; popRank: Float64Array } {
  const counts = new Int32Array(nItems);
  for (let k = 0; k < train.length; k++) counts[train.items[k]]++;
  const selfInfo = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) selfInfo[i] = log2((nUsers + 1) / (counts[i] + 1));
  const order = Array.from({ length: nItems }, (_, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  const popRank = new Float64Array(nItems);
  order.forEach((item, r) => {
    popRank[item] = r > 0 && counts[order[r - 1]] === counts[item] ? popRank[order[r - 1]] : r + 1;
  });
  return { selfInfo, popRank };
}
