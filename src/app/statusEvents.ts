// Lets a screen tell the app shell that the stored status changed (a model was trained), so it re-reads it quietly.
const listeners = new Set<() => void>();

/** Subscribes to status changes; returns the unsubscribe function (a React effect's cleanup). */
export function onStatusChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the shell to re-read the status (models, counts) without leaving the current screen. */
export function statusChanged(): void {
  for (const f of listeners) f();
}
