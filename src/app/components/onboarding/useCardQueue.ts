// Onboarding's cards: fetched a batch at a time (anchored on the ratings so far) from serving, a few ahead of the person.
import { useEffect, useRef, useState } from 'react';
import { serving } from '../../../client/engineClient';
import type { MovieCard } from '../../../client/workerTypes';
import { recommendDefaults } from '../../../engine/defaults/recommendDefaults';
import { perfMark } from '../../perfMarks';

export function useCardQueue(opts: {
  /** Fetch only while onboarding is open. */
  open: boolean;
  /** Keep at least this many cards waiting. */
  ahead: number;
  /** Cards the person dealt with: rated, skipped or hidden. */
  done: (m: MovieCard) => boolean;
  skipped: number[];
}): { pending: MovieCard[]; exhausted: boolean } {
  const { open, ahead, done, skipped } = opts;
  const [queue, setQueue] = useState<MovieCard[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const fetching = useRef(false);
  const pending = queue.filter((m) => !done(m));

  useEffect(() => {
    if (!open || exhausted || pending.length >= ahead || fetching.current) return;
    // Asked one task later: a rating's new list is asked for in the same commit (the screen's effect runs after this
    // one), and the worker answers in order; a batch of cards takes it 25–35 ms the list should not wait behind.
    const later = setTimeout(() => {
      fetching.current = true;
      perfMark('pl:cards-request');
      void serving.api
        .onboardingMovies(recommendDefaults.onboardingCards, skipped)
        .then((fresh) => {
          perfMark('pl:cards-received');
          if (fresh.length === 0) setExhausted(true);
          setQueue((q) => {
            const have = new Set(q.map((m) => m.movieId));
            return [...q, ...fresh.filter((m) => !have.has(m.movieId))];
          });
        })
        .finally(() => (fetching.current = false));
    }, 0);
    return () => clearTimeout(later);
  }, [open, exhausted, pending.length, ahead, skipped]);

  return { pending, exhausted };
}
