// Number and word formatting for the UI, the one home for it: thousands separators, sizes, counts with their noun in
// the right number, month and year, a training's kernels and preparation. Without Intl: the first toLocaleString call
// loads locale data (a 50+ ms main-thread task).
import { KERNEL_LABELS } from '../engine/als/kernelSet';
import type { IterationInfo } from '../engine/types';
import type { PrepareProgress } from '../client/workerTypes';

/** Whole number with comma thousands separators, as toLocaleString('en') writes it: 25000095 → "25,000,095". */
export function thousands(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
}

/** The noun for `n` of it: "star" for exactly 1, else the plural ("stars" for 0, 0.5, 2 …). */
export const plural = (n: number, singular: string, many = `${singular}s`): string => (n === 1 ? singular : many);

/**
 * A count and its noun: "1 star", "4.5 stars", "1,234 ratings", "1 person" / "3 people". Whole numbers get thousands
 * separators; fractions (half stars) are written as they are.
 */
export const count = (n: number, singular: string, many = `${singular}s`): string => `${Number.isInteger(n) ? thousands(n) : String(n)} ${plural(n, singular, many)}`;

/** Bytes as megabytes: one decimal below 10 MB ("4.2 MB"), whole with separators above ("10,744 MB"). */
export const megabytes = (bytes: number): string => (bytes < 1e7 ? `${(bytes / 1e6).toFixed(1)} MB` : `${thousands(bytes / 1e6)} MB`);

/** The number part of megabytes(), for "4.2 of 77 MB". */
export const megabyteAmount = (bytes: number): string => megabytes(bytes).replace(' MB', '');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A Unix time in seconds as its month and year in UTC: 1537799250 → "September 2018". */
export function monthYear(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "WebAssembly SIMD kernels, 2 workers": which kernels and how many threads ran a training iteration. */
export function kernelAndWorkers(i: Pick<IterationInfo, 'kernel' | 'workers'>): string {
  const kernels = KERNEL_LABELS[i.kernel ?? 'js'];
  const workers = i.workers ?? 1;
  return `${kernels}, ${workers === 1 ? 'one worker' : `${workers} workers`}`;
}

/** A training's preparation: "Reading the ratings back: 1,234,567 of 25,000,095" or "Building the rating matrix…". */
export function prepareStatus(p: PrepareProgress | null | undefined): string {
  if (!p) return 'Preparing the rating matrix…';
  if (p.phase === 'read') return `Reading the ratings back: ${thousands(p.rows)} of ${thousands(p.totalRows)} (${p.seconds.toFixed(1)} s)`;
  return `Building the rating matrix from ${thousands(p.rows)} ratings (${p.seconds.toFixed(1)} s)…`;
}
