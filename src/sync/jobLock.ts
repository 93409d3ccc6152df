// The origin-wide job lock (Web Locks): an import or a training runs in one tab or worker of this origin at a time.
// The page takes it around a job and the workers' per-dataset import locks (worker-api/importLock.ts) look the
// platform's lock manager up here too; a killed worker's locks are freed by the browser.

/** The Web Locks API where this context has it (pages and workers), null elsewhere (Node: the CLI and unit tests). */
export function webLocks(): LockManager | null {
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks ?? null;
}

/** The one lock an import or a training holds in this origin, so only one tab runs either at a time. */
export const JOB_LOCK = 'pocketlens-job';

/**
 * Runs `fn` holding the job lock. If another tab holds it, `onWait` is called first and `fn` runs once the lock
 * frees (or never: aborting `signal` gives up waiting and rejects with the signal's reason). Without Web Locks
 * (Node tests) `fn` just runs.
 */
export async function withJobLock<T>(fn: () => Promise<T>, onWait: () => void, signal?: AbortSignal): Promise<T> {
  const l = webLocks();
  if (!l) return fn();
  const NOT_FREE = Symbol('not free');
  const first = await l.request(JOB_LOCK, { ifAvailable: true }, async (lock) => (lock ? { value: await fn() } : NOT_FREE));
  if (first !== NOT_FREE) return first.value;
  onWait();
  return l.request(JOB_LOCK, { signal }, () => fn());
}
