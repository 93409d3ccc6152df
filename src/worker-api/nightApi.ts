// Worker API: movie night. The person's taste code, another person read from a pasted code or their backup file, and
// the group's list (the person + 1–3 others) by the average or least-misery rule; nothing is stored or sent.
import { backupTooLarge, MAX_BACKUP_BYTES, notABackup } from '../engine/backupFile';
import { movieNightDefaults } from '../engine/defaults/movieNightDefaults';
import { recommendDefaults } from '../engine/defaults/recommendDefaults';
import { readGroupMember, rankMovieNight, type GroupMember, type MovieNight, type MovieNightPick } from '../engine/group/groupMembers';
import { GROUP_RULES, type GroupRule } from '../engine/group/groupRank';
import { encodeTasteCode, looksLikeTasteCode, TASTE_CODE_LIMITS } from '../engine/group/tasteCode';
import { decodeUtf8 } from '../engine/movielens/decode';
import { ImportError } from '../engine/movielens/errors';
import { openDb } from '../store/db';
import { getHiddenRows } from '../store/hidden';
import { getProfileRows } from '../store/profile';
import type { MovieCard } from './apiTypes';
import { card, myRatings } from './cards';
import { getServing } from './state';

export type { GroupMember } from '../engine/group/groupMembers';
export type { GroupRule } from '../engine/group/groupRank';

/** The person's taste code and what went into it. */
export interface MyTasteCode {
  code: string;
  ratings: number;
  hidden: number;
  /** Ratings and hidden marks past the code's limits left out (the oldest ones); 0 almost always. */
  leftOut: number;
}

/** Indices of the `limit` newest entries by `at` (all of them when there are fewer). */
function newest(at: ArrayLike<number>, limit: number): number[] {
  const order = Array.from({ length: at.length }, (_, k) => k);
  if (order.length <= limit) return order;
  return order.sort((a, b) => at[b] - at[a] || a - b).slice(0, limit);
}

/**
 * The person's ratings and "not interested" marks as a taste code ("PL1.…") to share, with `name` inside when given
 * (trimmed; at most 40 bytes, no control characters: a RangeError names what is wrong). Past the code's limits the
 * newest 10,000 of each are kept.
 */
export async function myTasteCode(name?: string): Promise<MyTasteCode> {
  const db = await openDb();
  const [rows, hid] = await Promise.all([getProfileRows(db), getHiddenRows(db)]);
  const keep = newest(rows.ratedAt, TASTE_CODE_LIMITS.ratings);
  const keepHidden = newest(hid.hiddenAt, TASTE_CODE_LIMITS.hidden);
  const ratings = keep.map((k) => ({ movieId: rows.ids[k], rating: rows.ratings[k] }));
  const hidden = keepHidden.map((k) => hid.ids[k]);
  const code = encodeTasteCode({ ratings, hidden, name: name ?? null });
  return { code, ratings: ratings.length, hidden: hidden.length, leftOut: rows.ids.length - ratings.length + (hid.ids.length - hidden.length) };
}

/** What the person gave for another member: pasted text (a taste code, or a backup's JSON) or a picked backup file. */
export type MemberSource = { text: string } | { file: File };

const PASTED = 'pasted text';

/** A file's text, refused before reading when larger than any backup, and refused when it is plainly another export. */
async function fileText(file: File): Promise<string> {
  const big = backupTooLarge(file.size);
  if (big) throw new ImportError(file.name, undefined, big);
  const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()), file.name);
  const other = looksLikeTasteCode(text) ? null : notABackup(text);
  if (other) throw new ImportError(file.name, undefined, `${other.split(':')[0]}. Movie night reads a PocketLens backup (JSON) or a taste code ("PL1.…")`);
  return text;
}

/**
 * Reads another person from a pasted taste code (or a pasted backup) or their backup file, checked by the engine's
 * strict readers: a TasteCodeError names the character and what is wrong, an ImportError the file and field. The code's
 * own name wins over `name`. Nothing is stored: the page keeps the member and passes it to `movieNight`.
 */
export async function readMember(source: MemberSource, name: string): Promise<GroupMember> {
  if ('file' in source) return readGroupMember(await fileText(source.file), source.file.name, name);
  const text = source.text;
  if (text.trim() === '') throw new ImportError(PASTED, undefined, 'nothing was pasted: expected a taste code ("PL1.…")');
  if (text.length > MAX_BACKUP_BYTES) throw new ImportError(PASTED, undefined, backupTooLarge(text.length)!);
  // Pasted JSON is a backup's text; anything else is read as a taste code (and refused as one when it is not).
  return readGroupMember(text, text.trimStart().startsWith('{') ? PASTED : null, name);
}

/** One movie of the group's list: the movie, its group score, and each person's predicted stars and standing. */
export interface NightRow {
  movie: MovieCard;
  /** The group score under the rule that ranked the list (0 = an average candidate; in standard deviations). */
  score: number;
  /**
   * Per person, the person using the app first: the engine's predicted stars and normalized score, and the movie's
   * place (1 = their best) among the candidates by that person's own scores.
   */
  members: (MovieNightPick['members'][number] & { rank: number })[];
}

/**
 * The engine's movie night (rule, which model ranked it, per person the ratings used and the movies this dataset lacks,
 * the person using the app first; how many movies nobody rated or hid were candidates) with the list's rows as cards.
 */
export interface NightList extends Pick<MovieNight, 'rule' | 'rankedBy' | 'members' | 'candidates'> {
  rows: NightRow[];
  /** The minimum MovieLens rating count a candidate needed. */
  minCount: number;
}

/**
 * The group's list for the person using the app (`myName`, their stored ratings and hidden movies) and 1–3 others:
 * each person's scores normalized, combined by `rule`, nothing anyone rated or hid, at least the list's minimum
 * rating count. Refuses with a plain message without a dataset or a trained model, or with too few or many people.
 */
export async function movieNight(others: readonly GroupMember[], rule: GroupRule, opts: { myName?: string; n?: number } = {}): Promise<NightList> {
  if (!GROUP_RULES.includes(rule)) throw new RangeError(`expected the rule "average" or "misery", got ${JSON.stringify(rule)}`);
  const { minOthers, maxOthers } = movieNightDefaults;
  if (others.length < minOthers || others.length > maxOthers) {
    throw new RangeError(`movie night is you and ${minOthers} to ${maxOthers} others; got ${others.length}`);
  }
  const s = await getServing();
  if (!s) throw new Error('No dataset is loaded: movie night ranks the active dataset’s movies.');
  if (!s.model && !s.implicitModel) throw new Error('No model is trained yet: train one (Model lab) before movie night.');
  const db = await openDb();
  const mine = await myRatings();
  const hidden = await getHiddenRows(db);
  const me: GroupMember = { name: opts.myName ?? 'You', ratings: [...mine].map(([movieId, rating]) => ({ movieId, rating })), hidden: Array.from(hidden.ids), from: 'me' };
  const minCount = s.dataset.stats.ratings === 0 ? 0 : recommendDefaults.minCount;
  // Every candidate is ranked (a few thousand at most, milliseconds), so each row can say where it stands for each person.
  const n = opts.n ?? movieNightDefaults.n;
  const night = rankMovieNight([me, ...others], { byMovieId: s.byMovieId, movieIds: s.movies.map((m) => m.movieId), counts: s.counts, explicit: s.model, implicit: s.implicitModel }, { rule, n: s.movies.length, minCount });
  const places = night.members.map((_, k) => placesOf(night.picks.map((p) => p.members[k].normalized)));
  return {
    rule: night.rule,
    rankedBy: night.rankedBy,
    candidates: night.candidates,
    members: night.members,
    minCount,
    rows: night.picks.slice(0, n).map((p) => ({
      movie: card(s, s.byMovieId.get(p.movieId)!, mine),
      score: p.score,
      members: p.members.map((m, k) => ({ ...m, rank: places[k](m.normalized) })),
    })),
  };
}

/** For one person's scores over all candidates: a score's place among them (1 + how many score higher). */
function placesOf(scores: number[]): (score: number) => number {
  const desc = Float64Array.from(scores).sort().reverse();
  return (x) => {
    let lo = 0;
    let hi = desc.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (desc[mid] > x) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
