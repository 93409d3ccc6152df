// The per-dataset import lock (Web Locks): held by an import while it writes, so that another tab's start-up cleanup
// never deletes a dataset still being imported; a killed worker's lock is freed by the browser.
import { webLocks } from '../sync/jobLock';

const PREFIX = 'pocketlens-import:';

/** Runs `fn` holding the lock for dataset `id` (just runs it where Web Locks do not exist, e.g. Node tests). */
export async function withImportLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const l = webLocks();
  return l ? l.request(PREFIX + id, fn) : fn();
}

const watched = new Set<string>();

/**
 * Calls `fn` once the import of `id` ends, however it ends (a killed worker's lock is released by the browser a
 * moment later): start-up cleanup uses it for imports that looked alive, so a reload right after Cancel still cleans.
 */
export function whenImportEnds(id: string, fn: () => Promise<unknown>): void {
  const l = webLocks();
  if (!l || watched.has(id)) return;
  watched.add(id);
  void l
    .request(PREFIX + id, fn)
    .catch(() => {})
    .finally(() => watched.delete(id));
}

/** Dataset ids whose import is running right now somewhere in this origin. */
export async function importsRunning(): Promise<Set<string>> {
  const l = webLocks();
  if (!l) return new Set();
  const state = await l.query();
  return new Set((state.held ?? []).map((h) => h.name ?? '').filter((n) => n.startsWith(PREFIX)).map((n) => n.slice(PREFIX.length)));
}
