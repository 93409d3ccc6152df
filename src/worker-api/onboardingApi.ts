// Worker API: the onboarding queue, well-known movies spread over taste space, never one already rated, hidden or skipped.
import { onboardingPicks, popularPool } from '../engine/als/onboarding';
import { recommendDefaults } from '../engine/defaults/recommendDefaults';
import { openDb } from '../store/db';
import { hiddenMovies } from '../store/hidden';
import { getSettings } from '../store/settings';
import { getServing } from './state';
import { card, myRatings } from './cards';
import type { MovieCard } from './apiTypes';

/**
 * The next `n` movies to ask the person about. `skipped`: movieIds they said they have not seen in this visit (the
 * stored "haven't seen" list of the settings is skipped too, however long it is). Their rated
 * movies anchor the choice, so each new card covers taste the earlier ratings did not. Without a model: most-rated.
 */
export async function onboardingMovies(n = recommendDefaults.onboardingCards, skipped: number[] = []): Promise<MovieCard[]> {
  const s = await getServing();
  if (!s) return [];
  const mine = await myRatings();
  const db = await openDb();
  const hidden = await hiddenMovies(db);
  const notSeen = (await getSettings(db))?.onboarding?.notSeen ?? [];
  const index = (id: number) => s.byMovieId.get(id);
  const rated = [...mine.keys()].map(index).filter((i) => i !== undefined);
  const exclude = [...rated];
  for (const list of [hidden, skipped, notSeen]) {
    for (const id of list) {
      const i = index(id);
      if (i !== undefined) exclude.push(i);
    }
  }
  const picks = s.model ? onboardingPicks(s.model, s.counts, { n, exclude, anchors: rated }) : popularPool(s.counts, n, exclude);
  return picks.map((i) => card(s, i, mine));
}
