// Worker API: the onboarding queue, the cards that would tell the most about the person's taste (nextCard), never one already rated, hidden or skipped.
import { onboardingPicks, popularPool } from '../engine/als/onboarding';
import { deckOf, nextCards } from '../engine/ranker/nextCard';
import type { RankerModel } from '../engine/ranker/ranker';
import { recommendDefaults } from '../engine/defaults/recommendDefaults';
import { openDb } from '../store/db';
import { hiddenMovies } from '../store/hidden';
import { getSettings } from '../store/settings';
import { getServing, type Serving } from './state';
import { card, myRatings } from './cards';
import type { MovieCard } from './apiTypes';

/** The ranker's deck (most-rated movies plus the most-rated of the last years), per ranker. */
const decks = new WeakMap<RankerModel, number[]>();

function deckFor(s: Serving, ranker: RankerModel): number[] {
  let deck = decks.get(ranker);
  if (!deck) decks.set(ranker, (deck = deckOf(ranker.counts, { years: s.years })));
  return deck;
}

/**
 * The next `n` cards by nextCards (src/engine/ranker/nextCard.ts): each the deck movie whose answer would pin the
 * person's taste down most, given their ratings and the cards skipped (this visit's and the stored "haven't seen"
 * list); the cards after the first are chosen as if the ones before them were looked at, so a batch does not repeat
 * one taste direction. The queue asks again as it runs short, so later cards follow the answers.
 */
function adaptiveCards(s: Serving, ranker: RankerModel, n: number, rated: number[], mine: Map<number, number>, skipped: number[], hidden: number[]): number[] {
  const stars = rated.map((i) => mine.get(s.movies[i].movieId) ?? 0);
  const never = new Set(hidden);
  const deck = deckFor(s, ranker).filter((i) => !never.has(i));
  return nextCards(ranker, { items: rated, stars }, deck, skipped, n);
}

/**
 * The next `n` movies to ask the person about. `skipped`: movieIds they said they have not seen in this visit (the
 * stored "haven't seen" list of the settings is skipped too, however long it is). With the ranker: adaptive cards
 * (adaptiveCards above); with only the star model: well-known movies farthest apart from what they rated; without
 * a model: most-rated.
 */
export async function onboardingMovies(n = recommendDefaults.onboardingCards, skipped: number[] = []): Promise<MovieCard[]> {
  const s = await getServing();
  if (!s) return [];
  const mine = await myRatings();
  const db = await openDb();
  const hidden = await hiddenMovies(db);
  const notSeen = (await getSettings(db))?.onboarding?.notSeen ?? [];
  const indices = (ids: Iterable<number>) => [...ids].map((id) => s.byMovieId.get(id)).filter((i) => i !== undefined);
  const rated = indices(mine.keys());
  const hiddenIdx = indices(hidden);
  const skippedIdx = indices(new Set([...skipped, ...notSeen]));
  if (s.ranker) return adaptiveCards(s, s.ranker, n, rated, mine, skippedIdx, hiddenIdx).map((i) => card(s, i, mine));
  const exclude = [...rated, ...hiddenIdx, ...skippedIdx];
  const picks = s.model ? onboardingPicks(s.model, s.counts, { n, exclude, anchors: rated }) : popularPool(s.counts, n, exclude);
  return picks.map((i) => card(s, i, mine));
}
