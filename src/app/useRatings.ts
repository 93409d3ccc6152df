// The person's ratings as the screens share them: optimistic writes, failure reported and rolled back, removal with undo;
// changes made in another tab (ratings, "not interested", a restored backup) show here within a moment.
import { useCallback, useEffect, useRef, useState } from 'react';
import { serving } from '../client/engineClient';
import { onTabMessage, postTabMessage } from '../sync/tabSync';
import { perfMark } from './perfMarks';

/** A removed rating as it was stored: Undo puts it back with its own date. */
export interface Removed {
  movieId: number;
  rating: number;
  ratedAt: number;
}

export interface RatingsState {
  /** movieId → stars, as stored. */
  ratings: Map<number, number>;
  /** The last rating removed, for Undo. */
  removed: Removed | null;
  /** Why the last write failed (the rating shown was rolled back). */
  error: string | null;
  /** Why the stored ratings could not be read (null once they were); `retryRead` tries again. */
  readError: string | null;
  retryRead: () => void;
  /** Bumped after every stored change, so lists that depend on the profile refresh. */
  version: number;
  /** Bumped after each change the person makes here one rating at a time (it ends a pending Undo of an import or restore). */
  edits: number;
  rate: (movieId: number, rating: number | null) => Promise<void>;
  /** Puts the last removed rating back exactly as it was (its date too). */
  undoRemove: (r: Removed) => Promise<void>;
  /** Re-reads the profile after a change made outside `rate` (a restored backup) and tells the other tabs. */
  reload: () => Promise<void>;
}

export function useRatings(): RatingsState {
  const [ratings, setRatings] = useState<Map<number, number>>(new Map());
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [edits, setEdits] = useState(0);

  const [readError, setReadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const rated = await serving.api.ratedMovies();
      setRatings(new Map(rated.map((m) => [m.movieId, m.myRating ?? 0])));
      setVersion((v) => v + 1);
      setReadError(null);
    } catch (e) {
      setReadError(`Your ratings could not be read: ${(e as Error).message}`);
      throw e;
    }
  }, []);
  /** A read whose failure is shown (readError) rather than thrown. */
  const retryRead = useCallback(() => void load().catch(() => {}), [load]);

  const reload = useCallback(async () => {
    await load();
    postTabMessage({ type: 'ratings' });
  }, [load]);

  useEffect(() => retryRead(), [retryRead]);

  // Another tab rated, removed or restored: re-read; it hid a movie: refresh the lists that depend on it.
  useEffect(
    () =>
      onTabMessage((msg) => {
        if (msg.type === 'ratings') retryRead();
        else if (msg.type === 'hidden') setVersion((v) => v + 1);
      }),
    [retryRead],
  );

  // The ratings as last rendered, read by `write` so `rate` keeps one identity (rows that take it need not re-render).
  const shown = useRef(ratings);
  shown.current = ratings;
  const write = useCallback(
    async (movieId: number, rating: number | null, ratedAt?: number) => {
      const apply = (value: number | null) =>
        setRatings((prev) => {
          const next = new Map(prev);
          if (value === null) next.delete(movieId);
          else next.set(movieId, value);
          return next;
        });
      perfMark('pl:rate');
      const previous = shown.current.get(movieId) ?? null;
      apply(rating); // show it at once; undone below if the write fails
      if (rating !== null) setRemoved(null);
      try {
        const replaced = await serving.api.rate(movieId, rating, ratedAt);
        perfMark('pl:stored');
        // The removed rating as it was stored, date included, for Undo.
        if (rating === null) setRemoved(replaced ? { movieId, rating: replaced.rating, ratedAt: replaced.ratedAt } : null);
        postTabMessage({ type: 'ratings' });
        setError(null);
      } catch (e) {
        apply(previous);
        setError(`Your rating was not saved: ${(e as Error).message}`);
        return;
      }
      setEdits((n) => n + 1);
      setVersion((v) => v + 1);
    },
    [],
  );

  const rate = useCallback((movieId: number, rating: number | null) => write(movieId, rating), [write]);
  const undoRemove = useCallback((r: Removed) => write(r.movieId, r.rating, r.ratedAt), [write]);

  return { ratings, removed, error, readError, retryRead, version, edits, rate, undoRemove, reload };
}
