// What the import progress says in words: what is happening now ("Unpacking ml-latest-small.zip…"), rows only once
// there are rows read (never "0 rows"), and the megabytes read with the rate and the time left.
import type { ImportProgress } from '../../client/workerTypes';
import { count, megabyteAmount } from '../format';

function timeLeft(seconds: number): string {
  if (seconds < 1) return 'a second';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return `${Math.round(seconds / 60)} min`;
}

/** The status line for an import of `label` (a zip's or file's name, or "3 files"). */
export function importStatusText(label: string, p: ImportProgress | null): string {
  if (!p) return 'Starting…';
  const pct = Math.round(p.fraction * 100);
  switch (p.phase) {
    case 'download':
      return `Loading ${label}…`;
    case 'unzip':
      return /\.zip$/i.test(label) ? `Unpacking ${label}…` : `Opening ${label}…`;
    case 'parse':
      return p.rows > 0 ? `Reading ratings: ${count(p.rows, 'row')}, ${pct}%` : 'Reading ratings…';
    case 'write':
      return p.rows > 0 ? `Saving to this device: ${count(p.rows, 'row')}, ${pct}%` : 'Saving to this device…';
  }
}

/** "4.2 of 77 MB, 38.0 MB/s, about 3 s left" while the ratings file is read; null before its size is known. */
export function importRateText(p: ImportProgress | null): string | null {
  if (!p?.bytesTotal) return null;
  const rate = p.mbPerSecond ? `, ${p.mbPerSecond.toFixed(1)} MB/s` : '';
  const left = p.secondsLeft !== undefined && p.phase === 'parse' ? `, about ${timeLeft(p.secondsLeft)} left` : '';
  return `${megabyteAmount(p.bytesDone ?? 0)} of ${megabyteAmount(p.bytesTotal)} MB${rate}${left}`;
}
