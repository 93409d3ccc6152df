// Number formatting for the UI without Intl: the first toLocaleString call loads locale data (a 50+ ms main-thread task).
import { KERNEL_LABELS } from '../engine/als/kernelSet';
import type { IterationInfo } from '../engine/types';
import type { PrepareProgress } from '../client/workerTypes';

/** Whole number with comma thousands separators, as toLocaleString('en') writes it: 25000095 → "25,000,095". */
export function thousands(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
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
