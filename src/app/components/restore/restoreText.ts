// The words of a restore: what a checked backup holds against what it replaces (the question), what was kept (the
// answer), and a progress line. Pure, so each sentence is tested with real numbers.
import type { BackupSummary, RestoreProgress, RestoreResult } from '../../../client/workerTypes';
import { count } from '../../format';

/** "1 rating", "412 ratings", "1,000,000 ratings" (format.ts's count, named for these sentences). */
export const counted = (n: number, one: string, many: string): string => count(n, one, many);

/** "a", "a and b", "a, b and c". */
export function listed(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "12 movies on the watchlist". */
const onWatchlist = (n: number): string => `${counted(n, 'movie', 'movies')} on the watchlist`;

/** What the backup holds: "412 ratings, 9 hidden movies, 12 movies on the watchlist and settings" (an empty watchlist unsaid). */
export function holdsText(h: BackupSummary['holds']): string {
  const parts = [counted(h.ratings, 'rating', 'ratings')];
  if (h.hidden !== null) parts.push(counted(h.hidden, 'hidden movie', 'hidden movies'));
  if (h.watchlist) parts.push(onWatchlist(h.watchlist));
  if (h.settings) parts.push(h.notSeen > 0 ? `settings (with ${counted(h.notSeen, '“haven’t seen” movie', '“haven’t seen” movies')})` : 'settings');
  return listed(parts);
}

/** What restoring it replaces: only the parts the backup holds ("your 36 ratings, 2 hidden movies and your settings"). */
export function replacesText(s: BackupSummary): string {
  const parts = [`your ${counted(s.replaces.ratings, 'rating', 'ratings')}`];
  if (s.holds.hidden !== null) parts.push(counted(s.replaces.hidden, 'hidden movie', 'hidden movies'));
  // The watchlist is replaced whenever the backup holds one; said when either side has a movie on it.
  if (s.holds.watchlist !== null && (s.holds.watchlist > 0 || s.replaces.watchlist > 0)) parts.push(onWatchlist(s.replaces.watchlist));
  if (s.holds.settings) parts.push('your settings');
  return listed(parts);
}

/** What stays as it is because the backup predates it ("" when it holds every part). */
export function keepsText(s: BackupSummary): string {
  const parts: string[] = [];
  if (s.holds.hidden === null) parts.push('hidden movies');
  if (s.holds.watchlist === null && s.replaces.watchlist > 0) parts.push('watchlist');
  if (!s.holds.settings) parts.push('settings');
  if (parts.length === 0) return '';
  const one = parts.length === 1 && parts[0] === 'watchlist';
  return `Your ${listed(parts)} ${one ? 'stays as it is' : 'stay as they are'}: the backup has none.`;
}

/** The answer, naming only what was written: "Restored 412 ratings, 9 hidden movies and your settings". */
export function restoredText(r: RestoreResult): string {
  const parts = [`${r.count} ${r.count === 1 ? 'rating' : 'ratings'}`];
  if (r.hidden) parts.push(counted(r.hidden, 'hidden movie', 'hidden movies'));
  if (r.watchlist) parts.push(onWatchlist(r.watchlist));
  if (r.settings) parts.push('your settings');
  return `Restored ${listed(parts)}`;
}

const mb = (n: number) => (n / 1e6).toFixed(n < 1e7 ? 1 : 0);

/** "Reading: 23 of 50 MB", "Checking 50 MB", "Saving". */
export function progressText(p: RestoreProgress | null): string {
  if (!p) return 'Starting';
  if (p.phase === 'read') return `Reading: ${mb(p.done)} of ${mb(p.total)} MB`;
  if (p.phase === 'check') return p.done < p.total ? `Checking ${mb(p.total)} MB` : 'Checked';
  return p.done < p.total ? 'Saving' : 'Saved';
}

/** 0..1 over the whole restore (reading is most of the wait the person sees before checking). */
export function progressFraction(p: RestoreProgress | null): number | undefined {
  if (!p) return undefined;
  if (p.phase === 'read') return p.total ? (0.6 * p.done) / p.total : 0;
  if (p.phase === 'check') return p.done < p.total ? undefined : 1;
  return p.done < p.total ? undefined : 1;
}
