// Web Locks held while an import runs, so another tab's or worker's start-up cleanup never deletes an import in progress.
// A killed worker's locks are released by the browser, so its half-written dataset is then cleaned as before.

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
