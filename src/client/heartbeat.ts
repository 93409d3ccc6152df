// Heartbeat for a worker: a ping every interval; no answer within the timeout calls onStuck. Paused while the tab is hidden.

export interface HeartbeatOptions {
  /** Time between an answer and the next ping (ms). */
  intervalMs: number;
  /** A ping unanswered this long means the worker is stuck (ms). */
  timeoutMs: number;
}

export const defaultHeartbeat: HeartbeatOptions = { intervalMs: 2000, timeoutMs: 5000 };

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/**
 * Starts pinging; returns stop(). A hidden tab's timers and workers may be throttled, so no verdict is given while
 * hidden: the watch restarts with a fresh ping when the tab is shown again.
 */
export function startHeartbeat(ping: () => Promise<unknown>, onStuck: () => void, opts: HeartbeatOptions = defaultHeartbeat): () => void {
  let stopped = false;
  let round = 0;
  let next: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;

  const clear = () => {
    clearTimeout(next);
    clearTimeout(deadline);
    round++; // an answer from an older round no longer counts
  };
  const beat = () => {
    clear();
    if (stopped || hidden()) return;
    const mine = round;
    deadline = setTimeout(() => {
      if (!stopped && mine === round && !hidden()) onStuck();
    }, opts.timeoutMs);
    ping().then(
      () => {
        if (stopped || mine !== round) return;
        clearTimeout(deadline);
        next = setTimeout(beat, opts.intervalMs);
      },
      () => {
        /* a dead worker is reported by its own error event or by the deadline */
      },
    );
  };
  const onVisibility = () => (hidden() ? clear() : beat());
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
  next = setTimeout(beat, opts.intervalMs);
  return () => {
    stopped = true;
    clear();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
  };
}
