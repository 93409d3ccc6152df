// The person's marks as the screens share them: the watchlist and the movies marked "not interested", with Undo for a
// hide; changes made in another tab show here within a moment.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { serving } from '../client/engineClient';
import type { MovieCard } from '../client/workerTypes';
import { onTabMessage, postTabMessage } from '../sync/tabSync';
import { movieLabel } from './components/MovieMeta';
import type { NoticeState } from './useNotice';

export interface MarksState {
  watchlist: ReadonlySet<number>;
  hidden: ReadonlySet<number>;
  /** Bumped after every change here or in another tab, so the lists that depend on the marks refresh. */
  version: number;
  /** Puts a movie on the watchlist or takes it off. */
  toggleWatch: (movieId: number) => Promise<void>;
  /** Marks a movie "not interested", with an Undo notice (which also puts it back on the watchlist, with its date). */
  hide: (movie: MovieCard) => Promise<void>;
  unhide: (movieId: number) => Promise<void>;
  /** Re-reads the marks (after a rating: a rated movie leaves the watchlist). */
  reload: () => Promise<void>;
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, k) => id === b[k]);

export function useMarks(notice: NoticeState): MarksState {
  const [watchlist, setWatchlist] = useState<ReadonlySet<number>>(new Set());
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [version, setVersion] = useState(0);

  // The marks as last read: a re-read that finds them unchanged (after a rating of a movie not on the watchlist) changes
  // nothing, so the lists that follow `version` are not fetched again.
  const last = useRef<{ watchlist: number[]; hidden: number[] } | null>(null);
  const reload = useCallback(async () => {
    const m = await serving.api.marks();
    const was = last.current;
    if (was && sameIds(was.watchlist, m.watchlist) && sameIds(was.hidden, m.hidden)) return;
    last.current = m;
    setWatchlist(new Set(m.watchlist));
    setHidden(new Set(m.hidden));
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      onTabMessage((msg) => {
        if (msg.type === 'watchlist' || msg.type === 'hidden' || msg.type === 'ratings') void reload();
      }),
    [reload],
  );

  const failed = useCallback((what: string, e: unknown) => notice.show(`${what} was not saved: ${(e as Error).message}`), [notice]);

  const toggleWatch = useCallback(
    async (movieId: number) => {
      const on = !watchlist.has(movieId);
      try {
        await serving.api.watch(movieId, on);
        postTabMessage({ type: 'watchlist' });
        if (on && hidden.has(movieId)) postTabMessage({ type: 'hidden' });
      } catch (e) {
        failed('Your watchlist', e);
      }
      await reload();
    },
    [watchlist, hidden, reload, failed],
  );

  const unhide = useCallback(
    async (movieId: number) => {
      try {
        await serving.api.hide(movieId, false);
        postTabMessage({ type: 'hidden' });
      } catch (e) {
        failed('Unhide', e);
      }
      await reload();
    },
    [reload, failed],
  );

  const hide = useCallback(
    async (movie: MovieCard) => {
      let watchlistedAt: number | null = null;
      try {
        ({ watchlistedAt } = await serving.api.hide(movie.movieId));
      } catch (e) {
        failed('“Not interested”', e);
        return;
      }
      postTabMessage({ type: 'hidden' });
      if (watchlistedAt !== null) postTabMessage({ type: 'watchlist' });
      await reload();
      const off = watchlistedAt !== null ? ' and took it off your watchlist' : '';
      notice.show(`Hid ${movieLabel(movie)}${off}: it will not be recommended.`, {
        label: 'Undo',
        run: async () => {
          await serving.api.hide(movie.movieId, false);
          if (watchlistedAt !== null) await serving.api.watch(movie.movieId, true, watchlistedAt);
          postTabMessage({ type: 'hidden' });
          if (watchlistedAt !== null) postTabMessage({ type: 'watchlist' });
          await reload();
        },
      });
    },
    [reload, failed, notice],
  );

  // One object while nothing changed, so the rows and lists that take it re-render only when the marks do.
  return useMemo(() => ({ watchlist, hidden, version, toggleWatch, hide, unhide, reload }), [watchlist, hidden, version, toggleWatch, hide, unhide, reload]);
}
