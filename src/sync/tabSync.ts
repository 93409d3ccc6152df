// Small typed messages between this origin's tabs and workers (BroadcastChannel): changes, running jobs, upgrades.
import type { ImportProgress, IterationInfo } from '../engine/types';
import type { DbEvent } from '../store/dbEvents';

/** A job that writes the store, so it holds the origin-wide job lock and reports its progress to the other tabs. */
export type LockedJob = 'import' | 'train';

export type TabMessage =
  /** The person's ratings changed (rate, remove, restore). */
  | { type: 'ratings' }
  /** A movie was marked or unmarked "not interested". */
  | { type: 'hidden' }
  /** A movie was put on or taken off the watchlist ("Want to watch"). */
  | { type: 'watchlist' }
  /** Datasets changed: imported, deleted, or another one made active. */
  | { type: 'datasets' }
  /** A new model was stored. */
  | { type: 'model' }
  /** The tab holding the job lock reports what it runs (progress: the latest report, if any). */
  | { type: 'job'; kind: LockedJob; progress: ImportProgress | IterationInfo | null; total?: number }
  /** The job lock was released. */
  | { type: 'job-ended' }
  /** A tab waiting for the job lock asks the holder to say what it runs. */
  | { type: 'job-query' }
  /** A worker's database connection met an upgrade (see store/dbEvents.ts). */
  | DbEvent;

export const CHANNEL = 'pocketlens';

let channel: BroadcastChannel | null | undefined;

function get(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    // Node (unit tests, CLI) has BroadcastChannel too: never let it keep the process alive.
    (channel as { unref?: () => void } | null)?.unref?.();
  }
  return channel;
}

/** Tells every other tab and worker of this origin (never this context itself: BroadcastChannel skips the sender). */
export function postTabMessage(msg: TabMessage): void {
  try {
    get()?.postMessage(msg);
  } catch {
    /* a closed channel or a context shutting down: other tabs refresh on their next visit */
  }
}

/** Calls `fn` for every message from another context; returns the unsubscribe. */
export function onTabMessage(fn: (msg: TabMessage) => void): () => void {
  const c = get();
  if (!c) return () => {};
  const listener = (ev: MessageEvent) => {
    const data = ev.data as TabMessage | null;
    if (data && typeof data === 'object' && typeof data.type === 'string') fn(data);
  };
  c.addEventListener('message', listener);
  return () => c.removeEventListener('message', listener);
}
