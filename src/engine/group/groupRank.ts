// Movie night: ranks the catalogue for 1–8 people at once (average or least misery of each person's normalized scores).
import type { AlsModel } from '../types';
import { foldIn } from '../als/foldIn';
import { clampStars, predict, scoreAll } from '../als/recommend';
import { TopK } from '../als/topk';

/** How the members' scores combine: the mean of their normalized scores, or the lowest (nobody is left miserable). */
export type GroupRule = 'average' | 'misery';
export const GROUP_RULES: readonly GroupRule[] = ['average', 'misery'];
export const GROUP_RULE_NAMES: Readonly<Record<GroupRule, string>> = Object.freeze({ average: 'Average', misery: 'Least misery' });

/** Most people one ranking combines (the app offers 2–4; 1 is a person's own list ranked the same way). */
export const MAX_GROUP_MEMBERS = 8;

/** A member in a model's dense item indices: what they rated (and how), what they hid, how many of their movies the catalogue lacks. */
export interface MemberInModel {
  items: Int32Array;
  ratings: Float32Array;
  hidden: Int32Array;
  /** Rated or hidden movieIds not in this catalogue (left out; the UI can say so). */
  unknown: number;
}

/**
 * Scores every catalogue item for one member into `out` (length nItems; higher = more for them). The default folds
 * the member into a trained model (`modelScorer`); a better ranker (issue 12's) plugs in here with the same shape.
 */
export type MemberScorer = (member: MemberInModel, out: Float32Array) => void;

/** Maps a member's movieIds to the catalogue's dense indices; movies the catalogue lacks are counted in `unknown`. */
export function toModelMember(member: { ratings: readonly { movieId: number; rating: number }[]; hidden?: readonly number[] }, byMovieId: ReadonlyMap<number, number>): MemberInModel {
  const items: number[] = [];
  const ratings: number[] = [];
  const hidden: number[] = [];
  let unknown = 0;
  for (const r of member.ratings) {
    const i = byMovieId.get(r.movieId);
    if (i === undefined) unknown++;
    else (items.push(i), ratings.push(r.rating));
  }
  for (const id of member.hidden ?? []) {
    const i = byMovieId.get(id);
    if (i === undefined) unknown++;
    else hidden.push(i);
  }
  return { items: Int32Array.from(items), ratings: Float32Array.from(ratings), hidden: Int32Array.from(hidden), unknown };
}

/** Scores by folding the member into `model` (explicit: raw predicted stars; implicit: the iALS watch score). */
export function modelScorer(model: AlsModel): MemberScorer {
  return (member, out) => {
    scoreAll(model, foldIn(model, member.items, member.ratings), out);
  };
}

/** Today's default: the implicit ("will watch") model when there is one, else the explicit one; null without either. */
export function defaultGroupScorer(models: { implicit: AlsModel | null; explicit: AlsModel | null }): { scorer: MemberScorer; objective: 'implicit' | 'explicit' } | null {
  if (models.implicit) return { scorer: modelScorer(models.implicit), objective: 'implicit' };
  if (models.explicit) return { scorer: modelScorer(models.explicit), objective: 'explicit' };
  return null;
}

/**
 * 1 for every item the group may be shown: nobody rated or hid it, it is not in `exclude`, and it has at least
 * `minCount` ratings in the dataset (when given).
 */
export function groupCandidates(members: readonly MemberInModel[], nItems: number, opts: { exclude?: ArrayLike<number>; minCount?: number; counts?: ArrayLike<number> } = {}): Uint8Array {
  const minCount = opts.minCount ?? 0;
  if (minCount > 0 && !opts.counts) throw new RangeError('groupCandidates: minCount needs counts');
  const ok = new Uint8Array(nItems).fill(1);
  const drop = (list: ArrayLike<number>) => {
    for (let k = 0; k < list.length; k++) if (list[k] >= 0 && list[k] < nItems) ok[list[k]] = 0;
  };
  for (const m of members) (drop(m.items), drop(m.hidden));
  if (opts.exclude) drop(opts.exclude);
  if (minCount > 0) for (let i = 0; i < nItems; i++) if (opts.counts![i] < minCount) ok[i] = 0;
  return ok;
}

/**
 * Standardizes one member's scores over the candidates: (s − mean) / sd in float64, so every member weighs the same
 * whatever their model's scale. A member whose scores do not vary (no known ratings) gets 0 everywhere.
 */
export function normalizeScores(scores: ArrayLike<number>, candidates: Uint8Array): Float64Array {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) if (candidates[i]) (n++, (sum += scores[i]));
  const mean = n ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < scores.length; i++) if (candidates[i]) ss += (scores[i] - mean) ** 2;
  const sd = n ? Math.sqrt(ss / n) : 0;
  const out = new Float64Array(scores.length);
  if (sd > 0) for (let i = 0; i < scores.length; i++) out[i] = (scores[i] - mean) / sd;
  return out;
}

/** The group score of one item under a rule, from the members' normalized scores. */
export function combine(normalized: readonly Float64Array[], item: number, rule: GroupRule): number {
  if (rule === 'misery') {
    let lo = Infinity;
    for (const s of normalized) if (s[item] < lo) lo = s[item];
    return lo;
  }
  let sum = 0;
  for (const s of normalized) sum += s[item];
  return sum / normalized.length;
}

/** The n best candidates under a rule, best first (ties by item index, as every list in the engine). */
export function topForGroup(normalized: readonly Float64Array[], candidates: Uint8Array, rule: GroupRule, n: number): { item: number; score: number }[] {
  const heap = new TopK(Math.min(n, candidates.length));
  for (let i = 0; i < candidates.length; i++) if (candidates[i]) heap.push(i, combine(normalized, i, rule));
  return heap.result();
}

export interface GroupRankOptions {
  nItems: number;
  scorer: MemberScorer;
  rule: GroupRule;
  /** Movies in the list. */
  n: number;
  /** The explicit model: each member's predicted stars for each pick (absent or null: stars are null). */
  starsModel?: AlsModel | null;
  /** More items nobody should be shown (e.g. what the group watched together). */
  exclude?: ArrayLike<number>;
  minCount?: number;
  counts?: ArrayLike<number>;
}

/** One movie of the group's list. */
export interface GroupPick {
  item: number;
  /** The group score under the rule that ranked the list. */
  score: number;
  /** Its group score under each rule, so a list can show both. */
  scores: Record<GroupRule, number>;
  /** Per member, in input order: their normalized score (0 = their average candidate, 1 = one sd above) and predicted stars. */
  members: { normalized: number; stars: number | null }[];
}

export interface GroupRanking {
  /** The rule that ranked `picks`. */
  rule: GroupRule;
  picks: GroupPick[];
  /** Movies the list was chosen from (after excluding what anyone rated or hid). */
  candidates: number;
}

function checkMembers(members: readonly MemberInModel[]): void {
  if (members.length < 1 || members.length > MAX_GROUP_MEMBERS) throw new RangeError(`a group has 1 to ${MAX_GROUP_MEMBERS} members, got ${members.length}`);
}

/** Each member's normalized scores over the candidates (one scorer call per member). */
export function scoreMembers(members: readonly MemberInModel[], scorer: MemberScorer, candidates: Uint8Array): Float64Array[] {
  checkMembers(members);
  return members.map((m) => {
    const out = new Float32Array(candidates.length);
    scorer(m, out);
    return normalizeScores(out, candidates);
  });
}

/**
 * The group's list: every member scored over the catalogue by `scorer`, scores standardized per member, combined by
 * the rule; nothing any member rated or hid. Each pick carries both rules' scores and, with `starsModel`, each
 * member's predicted stars (the explicit model folded in, clamped to 0.5–5).
 */
export function rankForGroup(members: readonly MemberInModel[], opts: GroupRankOptions): GroupRanking {
  checkMembers(members);
  const candidates = groupCandidates(members, opts.nItems, opts);
  const normalized = scoreMembers(members, opts.scorer, candidates);
  const top = topForGroup(normalized, candidates, opts.rule, opts.n);
  const starsModel = opts.starsModel && opts.starsModel.params.objective !== 'implicit' ? opts.starsModel : null;
  const vectors = starsModel ? members.map((m) => foldIn(starsModel, m.items, m.ratings)) : null;
  let count = 0;
  for (let i = 0; i < candidates.length; i++) count += candidates[i];
  return {
    rule: opts.rule,
    candidates: count,
    picks: top.map(({ item, score }) => ({
      item,
      score,
      scores: { average: combine(normalized, item, 'average'), misery: combine(normalized, item, 'misery') },
      members: normalized.map((s, k) => ({ normalized: s[item], stars: vectors ? clampStars(predict(starsModel!, vectors[k], item)) : null })),
    })),
  };
}
