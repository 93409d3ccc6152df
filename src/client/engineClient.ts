// Owns the engine workers from the page: lazy start, typed comlink calls, progress proxies, cancel by terminate.
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine.worker';

export type { EngineApi };

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** One engine worker. `api` starts it on first use; `terminate()` kills it and the next use starts a fresh one. */
export class EngineBridge {
  private worker: Worker | null = null;
  private remote: Remote<EngineApi> | null = null;
  private readonly onDeath = new Set<(e: Error) => void>();

  constructor(readonly label: string) {}

  get api(): Remote<EngineApi> {
    if (!this.remote) {
      const w = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: `engine-${this.label}` });
      w.addEventListener('error', (ev) => {
        const err = new Error(`The ${this.label} worker crashed: ${ev.message || 'unknown error'}`);
        this.terminate(err);
      });
      this.worker = w;
      this.remote = wrap<EngineApi>(w);
    }
    return this.remote;
  }

  get running(): boolean {
    return this.worker !== null;
  }

  /** Kills the worker; pending calls reject with `reason` (CancelledError by default). */
  terminate(reason: Error = new CancelledError()): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    for (const f of this.onDeath) f(reason);
    this.onDeath.clear();
  }

  /**
   * Runs a long call that can be cancelled: aborting `signal` terminates the worker (the store's
   * `importing` marker and the previous model keep IndexedDB consistent), rejecting with CancelledError.
   */
  run<T>(call: (api: Remote<EngineApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => this.terminate();
      const death = (e: Error) => reject(e);
      this.onDeath.add(death);
      signal?.addEventListener('abort', onAbort, { once: true });
      call(this.api).then(resolve, reject).finally(() => {
        this.onDeath.delete(death);
        signal?.removeEventListener('abort', onAbort);
      });
    });
  }
}

/** Long jobs (import, training) run here so they can be killed without touching serving. */
export const jobs = new EngineBridge('jobs');
/** Recommendations, ratings and search: always responsive, even while a job runs. */
export const serving = new EngineBridge('serving');

export { proxy };
