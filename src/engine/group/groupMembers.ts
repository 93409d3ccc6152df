// Who comes to movie night: a member from a taste code or a PocketLens backup file, and the group list by movieId.
import type { AlsModel } from '../types';
import { parseBackup } from '../backup';
import { decodeTasteCode, looksLikeTasteCode } from './tasteCode';
import { defaultGroupScorer, rankForGroup, toModelMember, type GroupRule, type MemberScorer } from './groupRank';

/** A person at movie night, by MovieLens movieId (stable across releases). */
export interface GroupMember {
  name: string;
  ratings: { movieId: number; rating: number }[];
  /** movieIds they marked "not interested": never shown to the group. */
  hidden: number[];
  /** Where they came from: the person using the app, a pasted or scanned taste code, or a backup file. */
  from: 'me' | 'taste-code' | 'backup';
}

/** A member from a taste code; the code's own name wins over `fallbackName`. Throws TasteCodeError. */
export function memberFromTasteCode(code: string, fallbackName: string): GroupMember {
  const p = decodeTasteCode(code);
  return { name: p.name ?? fallbackName, ratings: p.ratings, hidden: p.hidden, from: 'taste-code' };
}

/**
 * A member from another person's PocketLens backup, checked field by field by the same parser a restore uses
 * (src/engine/backup.ts); nothing of theirs is stored. Throws ImportError naming the file and field.
 */
export function memberFromBackup(text: string, file: string, name: string): GroupMember {
  const b = parseBackup(text, file);
  return {
    name,
    ratings: b.ratings.map(({ movieId, rating }) => ({ movieId, rating })),
    hidden: (b.hidden ?? []).map((h) => h.movieId),
    from: 'backup',
  };
}

/** A member from whatever the person pasted or picked: a taste code ("PL1.…") or a backup file's text. */
export function readGroupMember(text: string, file: string | null, fallbackName: string): GroupMember {
  return looksLikeTasteCode(text) || file === null ? memberFromTasteCode(text, fallbackName) : memberFromBackup(text, file, fallbackName);
}

/** The catalogue and models a movie night is ranked with (the serving worker has all of these). */
export interface MovieNightCatalogue {
  /** movieId → dense index in the models' item tables. */
  byMovieId: ReadonlyMap<number, number>;
  /** Dense index → movieId. */
  movieIds: ArrayLike<number>;
  /** Ratings per movie in the dataset (for minCount). */
  counts?: ArrayLike<number>;
  explicit: AlsModel | null;
  implicit: AlsModel | null;
}

export interface MovieNightOptions {
  rule: GroupRule;
  n: number;
  minCount?: number;
  /** movieIds nobody should be shown, besides what members rated or hid. */
  exclude?: readonly number[];
  /** Scores one member over the catalogue; default: the implicit model when present, else the explicit one. */
  scorer?: MemberScorer;
}

export interface MovieNightPick {
  movieId: number;
  score: number;
  scores: Record<GroupRule, number>;
  /** Per member, in input order: predicted stars (explicit model; null without one) and normalized score. */
  members: { name: string; stars: number | null; normalized: number }[];
}

export interface MovieNight {
  rule: GroupRule;
  /** Which model scored the members ('custom' when a scorer was given). */
  rankedBy: 'implicit' | 'explicit' | 'custom';
  picks: MovieNightPick[];
  /** Per member: ratings used, and rated or hidden movies this catalogue does not have. */
  members: { name: string; known: number; unknown: number }[];
  candidates: number;
}

/** Ranks the catalogue for the members, by movieId in and out; throws when there is no model to score with. */
export function rankMovieNight(members: readonly GroupMember[], catalogue: MovieNightCatalogue, opts: MovieNightOptions): MovieNight {
  const fallback = defaultGroupScorer(catalogue);
  const scorer = opts.scorer ?? fallback?.scorer;
  if (!scorer) throw new Error('no trained model: train one before ranking for a group');
  const nItems = catalogue.movieIds.length;
  const inModel = members.map((m) => toModelMember(m, catalogue.byMovieId));
  const exclude = (opts.exclude ?? []).map((id) => catalogue.byMovieId.get(id)).filter((i): i is number => i !== undefined);
  const ranking = rankForGroup(inModel, { nItems, scorer, rule: opts.rule, n: opts.n, starsModel: catalogue.explicit, exclude, minCount: opts.minCount, counts: catalogue.counts });
  return {
    rule: ranking.rule,
    rankedBy: opts.scorer ? 'custom' : fallback!.objective,
    candidates: ranking.candidates,
    members: members.map((m, k) => ({ name: m.name, known: inModel[k].items.length, unknown: inModel[k].unknown })),
    picks: ranking.picks.map((p) => ({
      movieId: catalogue.movieIds[p.item],
      score: p.score,
      scores: p.scores,
      members: p.members.map((x, k) => ({ name: members[k].name, stars: x.stars, normalized: x.normalized })),
    })),
  };
}
