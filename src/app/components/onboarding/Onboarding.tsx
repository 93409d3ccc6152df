// First ratings: well-known, varied movies one card at a time (or as a grid), rated by click or keys 1–5, skipped with S.
// This file decides when onboarding shows and lays it out; useCardQueue fetches cards, useCardKeys the shortcuts.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { MovieCard } from '../../../client/workerTypes';
import { movieLabel } from '../MovieMeta';
import { loadOnboardingPrefs, type OnboardingPrefs } from '../onboardingPrefs';
import { markNotSeen, saveOnboardingPrefs } from '../../settings';
import { CardPlaceholder, OnboardingCard } from './OnboardingCard';
import { useCardQueue } from './useCardQueue';
import { useCardKeys } from './useCardKeys';
import './Onboarding.css';
import { count } from '../../format';

/** Onboarding opens by itself while the person has rated fewer movies than this. */
export const ONBOARDING_GOAL = 10;
const GRID_SIZE = 8;

export function Onboarding(props: {
  ratings: Map<number, number>;
  /** movieIds marked "not interested" (as the page knows them now: a card hidden here goes at once). */
  hidden?: ReadonlySet<number>;
  /** False until the stored ratings have been read (so a person with many ratings never sees it flash open). */
  loaded: boolean;
  onRate: (movieId: number, rating: number | null) => Promise<void>;
  onOpen: (movieId: number) => void;
}) {
  const { ratings, loaded, onRate, onOpen, hidden } = props;
  const [prefs, setPrefs] = useState<OnboardingPrefs>(loadOnboardingPrefs);
  /** Answered "haven't seen" on this screen (stored at once; the worker leaves out the stored ones). */
  const [skippedHere, setSkippedHere] = useState<number[]>([]);
  const [open, setOpen] = useState<boolean | null>(null);
  const [said, setSaid] = useState('');
  const section = useRef<HTMLElement>(null);
  const refocus = useRef(false);
  const reopen = useRef<HTMLButtonElement>(null);
  const dismissedHere = useRef(false);

  const update = useCallback((next: Partial<OnboardingPrefs>) => {
    setPrefs((p) => {
      const merged = { ...p, ...next };
      saveOnboardingPrefs(merged);
      return merged;
    });
  }, []);

  // Decide once, when the stored ratings are known, whether onboarding opens by itself.
  useEffect(() => {
    // In the same transition as the screen's parts (Recommender), so the panel and the parts around it appear together.
    if (loaded && open === null) startTransition(() => setOpen(!prefs.dismissed && ratings.size < ONBOARDING_GOAL));
  }, [loaded, open, prefs.dismissed, ratings.size]);

  // Keep a few cards ahead: more are fetched (anchored on the ratings so far) when the queue runs short.
  const skipped = new Set(skippedHere);
  const { pending, exhausted } = useCardQueue({
    open: open === true,
    ahead: prefs.grid ? GRID_SIZE + 2 : 4,
    done: (m) => ratings.has(m.movieId) || skipped.has(m.movieId) || Boolean(hidden?.has(m.movieId)),
    skipped: skippedHere,
  });
  const current = pending[0];

  const rate = useCallback(
    (m: MovieCard, stars: number) => {
      refocus.current = !!section.current?.contains(document.activeElement);
      setSaid(`Rated ${movieLabel(m)}: ${count(stars, 'star')}.`);
      void onRate(m.movieId, stars);
    },
    [onRate],
  );

  const skip = useCallback(
    (m: MovieCard) => {
      refocus.current = !!section.current?.contains(document.activeElement);
      setSaid(`Skipped ${movieLabel(m)}.`);
      setSkippedHere((s) => [...s, m.movieId]);
      markNotSeen(m.movieId);
    },
    [],
  );

  // Keys for the single card (not the grid: which card would they rate?).
  const rateCurrent = useCallback((stars: number) => current && rate(current, stars), [current, rate]);
  const skipCurrent = useCallback(() => current && skip(current), [current, skip]);
  useCardKeys(Boolean(open && !prefs.grid && current), rateCurrent, skipCurrent);

  // After a card is rated or skipped from inside the panel, move focus to the next card's title for screen readers.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    section.current?.querySelector<HTMLElement>('.onb-card h3')?.focus();
  }, [current?.movieId]);

  // "I'm done" removes the panel: keep keyboard focus nearby, on the button that brings it back.
  useEffect(() => {
    if (open === false && dismissedHere.current) {
      dismissedHere.current = false;
      reopen.current?.focus();
    }
  }, [open]);

  if (open === null) return null;
  if (!open) {
    return (
      <button type="button" className="onb-reopen" ref={reopen} onClick={() => (update({ dismissed: false }), setOpen(true))} data-testid="onboarding-reopen">
        Rate movies one at a time
      </button>
    );
  }

  const done = Math.min(ratings.size, ONBOARDING_GOAL);
  const cards = prefs.grid ? pending.slice(0, GRID_SIZE) : current ? [current] : [];
  return (
    <section className="panel onboarding" ref={section} aria-labelledby="onb-h" data-testid="onboarding">
      <div className="onb-head">
        <h2 id="onb-h">Start here: rate a few movies</h2>
        <div className="onb-actions">
          <button type="button" aria-pressed={prefs.grid} onClick={() => update({ grid: !prefs.grid })}>
            Show as grid
          </button>
          <button type="button" onClick={() => ((dismissedHere.current = true), update({ dismissed: true }), setOpen(false))}>
            I’m done
          </button>
        </div>
      </div>
      <p className="muted onb-progress">
        <label htmlFor="onb-progress">
          {ratings.size >= ONBOARDING_GOAL
            ? `${ratings.size} rated: your recommendations are personal now. Keep going, or say you are done.`
            : `${ratings.size} of ${ONBOARDING_GOAL} rated. Well-known movies, chosen to differ from each other, so each rating tells the most about your taste.`}
        </label>
        <progress id="onb-progress" max={ONBOARDING_GOAL} value={done} />
      </p>
      {exhausted && cards.length === 0 && <p>No more movies to suggest: search for others below.</p>}
      {/* While the first card is chosen, a card without a movie keeps its room (what follows does not jump). */}
      {!exhausted && cards.length === 0 && prefs.grid && <p className="onb-waiting">Choosing movies…</p>}
      <ul className={prefs.grid ? 'onb-grid' : 'onb-single'} data-testid="onboarding-cards">
        {!exhausted && cards.length === 0 && !prefs.grid && <CardPlaceholder />}
        {cards.map((m) => (
          <OnboardingCard key={m.movieId} movie={m} rating={ratings.get(m.movieId) ?? null} onRate={(v) => rate(m, v)} onSkip={() => skip(m)} onOpen={() => onOpen(m.movieId)} />
        ))}
      </ul>
      {!prefs.grid && (current || !exhausted) && (
        <p className="onb-keys muted" id="onb-keys" data-testid="onboarding-keys">
          Keys: <kbd>1</kbd>–<kbd>5</kbd> rate, <kbd>Shift</kbd>+<kbd>1</kbd>–<kbd>5</kbd> half a star less (<kbd>Shift</kbd>+<kbd>4</kbd> = 3.5), <kbd>S</kbd> haven’t seen.
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
