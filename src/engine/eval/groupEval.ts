// Movie night, measured: for random groups of users, NDCG@k of the group's list against each member's held-out ratings.
import type { RatingColumns } from '../types';
import { toCsr } from '../als/csr';
import { createRng } from '../als/random';
import { TopK } from '../als/topk';
import { groupCandidates, scoreMembers, topForGroup, type GroupRule, type MemberInModel, type MemberScorer } from '../group/groupRank';

export interface GroupEvalOptions {
  /** Group sizes to measure, e.g. [2, 3, 4]. */
  sizes: readonly number[];
  /** Random groups per size (the same groups for every rule). */
  groups: number;
  rules: readonly GroupRule[];
  seed: number;
  /** List length judged (default 10). */
  k?: number;
  /** A held-out rating at or above this is relevant (default 4 stars, as in rankingMetrics). */
  relevantAt?: number;
  /** Also return every group: its users and each member's NDCG@k per list. */
  details?: boolean;
}

/** One measured group (with `details`). */
export interface GroupEvalDetail {
  size: number;
  /** Dense user indices, in the order of the NDCG arrays. */
  users: number[];
  own: number[];
  /** Per list (each rule, and 'popularity'): each member's NDCG@k of the group's list. */
  lists: Record<string, number[]>;
}

export interface MeanSd {
  mean: number;
  sd: number;
}

/** One table row: a group size and how its list was made (a rule, or the popularity list as a yardstick). */
export interface GroupEvalRow {
  size: number;
  rule: GroupRule | 'popularity';
  groups: number;
  /** Member-instances measured (groups × size). */
  members: number;
  /** NDCG@k of the group's list against each member's held-out ratings. */
  group: MeanSd;
  /** NDCG@k of each member's own list (same members). */
  own: MeanSd;
  /** group.mean / own.mean. */
  ratio: number;
  /** Per group, the lowest member NDCG@k of the group's list: how the least served member fares. */
  worst: MeanSd;
}

export interface GroupEvalReport {
  k: number;
  relevantAt: number;
  /** Users that can be drawn: some training ratings and at least one relevant held-out rating. */
  eligibleUsers: number;
  rows: GroupEvalRow[];
  details?: GroupEvalDetail[];
}

const log2 = (x: number) => Math.log(x) / Math.LN2;

export function meanSd(xs: readonly number[]): MeanSd {
  const n = xs.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd };
}

/** Binary-relevance NDCG@k of a ranked list (ideal DCG over min(k, relevant) hits), as rankingMetrics computes it. */
export function ndcgAt(k: number, ranked: readonly number[], relevant: ReadonlySet<number>): number {
  if (relevant.size === 0) return NaN;
  let dcg = 0;
  for (let r = 0; r < Math.min(k, ranked.length); r++) if (relevant.has(ranked[r])) dcg += 1 / log2(r + 2);
  let idcg = 0;
  for (let r = 0; r < Math.min(k, relevant.size); r++) idcg += 1 / log2(r + 2);
  return dcg / idcg;
}

/**
 * Draws `groups` random groups of each size from the users with relevant held-out ratings, ranks each group's list
 * with the same code the app uses (members folded in by `scorer` from their training ratings, scores standardized,
 * combined by each rule, nothing any member rated shown), and scores it against every member's held-out ratings;
 * each member's own list (their scores alone, their own training items excluded, as rankingMetrics does) is the
 * comparison. A popularity list (training counts, everyone's rated movies excluded) is the yardstick row.
 */
export function evaluateGroups(
  train: RatingColumns,
  test: RatingColumns,
  nUsers: number,
  nItems: number,
  scorer: MemberScorer,
  opts: GroupEvalOptions,
  onGroup?: (done: number, total: number) => void,
): GroupEvalReport {
  const k = opts.k ?? 10;
  const relevantAt = opts.relevantAt ?? 4;
  const trainRows = toCsr(train.users, train.items, train.ratings, train.length, nUsers);
  const testRows = toCsr(test.users, test.items, test.ratings, test.length, nUsers);
  const relevant = (u: number): Set<number> => {
    const s = new Set<number>();
    for (let p = testRows.indptr[u]; p < testRows.indptr[u + 1]; p++) if (testRows.values[p] >= relevantAt) s.add(testRows.indices[p]);
    return s;
  };
  const member = (u: number): MemberInModel => ({
    items: trainRows.indices.slice(trainRows.indptr[u], trainRows.indptr[u + 1]),
    ratings: trainRows.values.slice(trainRows.indptr[u], trainRows.indptr[u + 1]),
    hidden: new Int32Array(0),
    unknown: 0,
  });
  const eligible: number[] = [];
  for (let u = 0; u < nUsers; u++) if (trainRows.indptr[u + 1] > trainRows.indptr[u] && relevant(u).size > 0) eligible.push(u);
  const popularity = new Float32Array(nItems);
  for (let x = 0; x < train.length; x++) popularity[train.items[x]]++;

  const own = new Map<number, number>();
  const ownNdcg = (u: number, m: MemberInModel): number => {
    let v = own.get(u);
    if (v === undefined) {
      const candidates = groupCandidates([m], nItems);
      const scores = new Float32Array(nItems);
      scorer(m, scores);
      const top = new TopK(k);
      for (let i = 0; i < nItems; i++) if (candidates[i]) top.push(i, scores[i]);
      own.set(u, (v = ndcgAt(k, top.result().map((t) => t.item), relevant(u))));
    }
    return v;
  };

  const rows: GroupEvalRow[] = [];
  const details: GroupEvalDetail[] = [];
  const total = opts.sizes.length * opts.groups;
  let done = 0;
  for (const size of opts.sizes) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`group size must be a whole number from 1, got ${size}`);
    if (eligible.length < size) throw new RangeError(`only ${eligible.length} users have held-out ratings of ${relevantAt}+ stars; a group of ${size} needs more`);
    const rng = createRng(opts.seed * 31 + size);
    const names: (GroupRule | 'popularity')[] = [...opts.rules, 'popularity'];
    const acc = new Map(names.map((r) => [r, { group: [] as number[], own: [] as number[], worst: [] as number[] }]));
    for (let g = 0; g < opts.groups; g++) {
      const users = new Set<number>();
      while (users.size < size) users.add(eligible[rng.int(eligible.length)]);
      const list = [...users];
      const members = list.map(member);
      const candidates = groupCandidates(members, nItems);
      const normalized = scoreMembers(members, scorer, candidates);
      const owns = list.map((u, j) => ownNdcg(u, members[j]));
      const detail: GroupEvalDetail = { size, users: list, own: owns, lists: {} };
      for (const name of names) {
        let ranked: number[];
        if (name === 'popularity') {
          const top = new TopK(k);
          for (let i = 0; i < nItems; i++) if (candidates[i]) top.push(i, popularity[i]);
          ranked = top.result().map((t) => t.item);
        } else {
          ranked = topForGroup(normalized, candidates, name, k).map((t) => t.item);
        }
        const a = acc.get(name)!;
        const scores = list.map((u) => ndcgAt(k, ranked, relevant(u)));
        a.group.push(...scores);
        a.own.push(...owns);
        a.worst.push(Math.min(...scores));
        detail.lists[name] = scores;
      }
      if (opts.details) details.push(detail);
      onGroup?.(++done, total);
    }
    for (const name of names) {
      const a = acc.get(name)!;
      const group = meanSd(a.group);
      const ownStats = meanSd(a.own);
      rows.push({ size, rule: name, groups: opts.groups, members: a.group.length, group, own: ownStats, ratio: group.mean / ownStats.mean, worst: meanSd(a.worst) });
    }
  }
  return { k, relevantAt, eligibleUsers: eligible.length, rows, ...(opts.details ? { details } : {}) };
}
