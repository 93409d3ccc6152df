// Web Locks: the one-job-at-a-time lock (an import or a training runs in one tab at a time), and the per-dataset lock an
// import holds so that another tab's start-up cleanup never deletes it; a killed worker's locks are freed by the browser.

const PREFIX = 'pocketlens-import:';

interface LockManagerLike {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

function locks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** Runs `fn` holding the lock for dataset `id` (just runs it where Web Locks do not exist, e.g. Node tests). */
export function withImportLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const l = locks();
  return l ? l.request(PREFIX + id, fn) : fn();
}

const watched = new Set<string>();

/**
 * Calls `fn` once the import of `id` ends, however it ends (a killed worker's lock is released by the browser a
 * moment later): start-up cleanup uses it for imports that looked alive, so a reload right after Cancel still cleans.
 */
export function whenImportEnds(id: string, fn: () => Promise<unknown>): void {
  const l = locks();
  if (!l || watched.has(id)) return;
  watched.add(id);
  void l
    .request(PREFIX + id, fn)
    .catch(() => {})
    .finally(() => watched.delete(id));
}

/** Dataset ids whose import is running right now somewhere in this origin. */
export async function importsRunning(): Promise<Set<string>> {
  const l = locks();
  if (!l) return new Set();
  const state = await l.query();
  return new Set((state.held ?? []).map((h) => h.name ?? '').filter((n) => n.startsWith(PREFIX)).map((n) => n.slice(PREFIX.length)));
}

/** The one lock an import or a training holds in this origin, so only one tab runs either at a time. */
export const JOB_LOCK = 'pocketlens-job';

/**
 * Runs `fn` holding the job lock. If another tab holds it, `onWait` is called first and `fn` runs once the lock
 * frees (or never: aborting `signal` gives up waiting and rejects with the signal's reason). Without Web Locks
 * (Node tests) `fn` just runs.
 */
export async function withJobLock<T>(fn: () => Promise<T>, onWait: () => void, signal?: AbortSignal): Promise<T> {
  const l = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!l) return fn();
  const NOT_FREE = Symbol('not free');
  const first = await l.request(JOB_LOCK, { ifAvailable: true }, async (lock) => (lock ? { value: await fn() } : NOT_FREE));
  if (first !== NOT_FREE) return first.value;
  onWait();
  return l.request(JOB_LOCK, { signal }, () => fn());
}

/** Whether an import or a training is running in some tab of this origin right now. */
export async function jobRunning(): Promise<boolean> {
  const l = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!l) return false;
  const state = await l.query();
  return (state.held ?? []).some((h) => h.name === JOB_LOCK);
}
