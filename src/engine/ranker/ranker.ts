// The default ranker ("Recommended for you"): EASE over the most-rated movies plus blend × iALS over every movie.
import type { AlsModel, AlsParams, RatingColumns, UserVector } from '../types';
import { buildCsr } from '../als/csr';
import { foldIn } from '../als/foldIn';
import { scoreAll } from '../als/recommend';
import { trainAls, type TrainOptions } from '../als/train';
import { easeScoresInto, fitEase, itemCounts, mostRated, type EaseModel, type StarWeight } from './ease';
import { tasteSpread, type TasteSpread } from './nextCard';

/** How a rating becomes an entry of EASE's X: its stars / 4 (a 4-star rating weighs 1), or 1 for any rating (Steck). */
export type EaseInput = 'stars' | 'binary';

export interface RankerParams {
  /** The iALS model over the whole catalogue (objective 'implicit'). */
  ials: AlsParams;
  /** EASE covers this many of the most-rated movies (0: no EASE part); the rest are ranked by iALS alone. */
  easeItems: number;
  easeLambda: number;
  easeInput: EaseInput;
  /** Weight of the iALS score: score = EASE part + blend × iALS part. */
  blend: number;
}

/** A trained ranker: what the app stores and serves (item tables only; people are folded in). */
export interface RankerModel {
  params: RankerParams;
  ials: AlsModel;
  /** Null when params.easeItems is 0 or no movie has a rating. */
  ease: EaseModel | null;
  /** Training ratings per movie: the popularity behind hidden gems, novelty and the onboarding pool. */
  counts: Int32Array;
  /** How the trained people's iALS tastes spread (the onboarding cards' prior; user factors are not kept). */
  taste: TasteSpread;
}

/** A person as the ranker sees them: catalogue indices of their rated movies and the stars they gave. */
export interface Profile {
  items: ArrayLike<number>;
  stars: ArrayLike<number>;
}

/** The EASE input weight of a rating. */
export function easeWeight(input: EaseInput): StarWeight {
  return input === 'binary' ? () => 1 : (stars) => stars / 4;
}

/** Fits the ranker's EASE part on the training ratings (null when it has none). */
export function fitRankerEase(train: RatingColumns, nUsers: number, nItems: number, params: RankerParams, counts: Int32Array): EaseModel | null {
  if (params.easeItems <= 0) return null;
  const items = mostRated(counts, params.easeItems);
  if (items.length === 0) return null;
  return fitEase(train, nUsers, nItems, { lambda: params.easeLambda, items, weight: easeWeight(params.easeInput) });
}

/**
 * Puts a ranker together from an iALS model trained elsewhere (the app trains it over shard workers); needs the
 * model's user factors once, for the taste spread, and keeps nothing else of them.
 */
export function rankerOf(params: RankerParams, ials: AlsModel, ease: EaseModel | null, counts: Int32Array): RankerModel {
  if (ials.params.objective !== 'implicit') throw new RangeError('the ranker needs an implicit (iALS) model');
  return { params, ials, ease, counts, taste: tasteSpread(ials) };
}

/** Trains both parts in this thread: iALS (trainAls, with its progress and cancel options), then EASE. */
export function trainRanker(train: RatingColumns, nUsers: number, nItems: number, params: RankerParams, opts: TrainOptions = {}): RankerModel {
  const counts = itemCounts(train, nItems);
  const ials = trainAls(buildCsr(train, nUsers, nItems), { ...params.ials, objective: 'implicit' }, opts);
  return rankerOf(params, ials, fitRankerEase(train, nUsers, nItems, params, counts), counts);
}

/** The person's iALS vector and their personal score for every movie (EASE part + blend × iALS part), float32. */
export interface PersonalScores {
  user: UserVector;
  scores: Float32Array;
}

/** Folds the person in and scores the whole catalogue: the hot path of every list (one fold-in, two passes). */
export function personalScores(model: RankerModel, profile: Profile, out?: Float32Array): PersonalScores {
  const { ials, ease, params } = model;
  const user = foldIn(ials, profile.items, profile.stars);
  const scores = scoreAll(ials, user, out);
  if (params.blend !== 1) for (let i = 0; i < scores.length; i++) scores[i] *= params.blend;
  if (ease) easeScoresInto(ease, profile.items, profile.stars, easeWeight(params.easeInput), scores);
  return { user, scores };
}
