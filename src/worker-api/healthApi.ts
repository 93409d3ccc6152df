// Worker API: the heartbeat the page sends to tell a stuck or dead engine worker from a busy-but-alive one.

/** Answers at once: a reply proves this worker's event loop is turning. Returns the worker's clock for the log. */
export function ping(): number {
  return performance.now();
}
