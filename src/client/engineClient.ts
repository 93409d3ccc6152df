// Owns the engine workers from the page: lazy start, typed comlink calls, progress proxies, cancel by terminate, restart after a crash or a hang.
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from './workerTypes';
import { CancelledError } from '../engine/cancelled';
import { registerErrorTransfer } from '../sync/errorTransfer';
import { defaultHeartbeat, startHeartbeat, type HeartbeatOptions } from './heartbeat';

export { CancelledError };

// Errors thrown in a worker arrive as their own class with their fields (ImportError, StorageError, CancelledError).
registerErrorTransfer();

export type { EngineApi };

/** A worker that crashed or stopped answering; calls that were waiting on it reject with this. */
export class EngineFaultError extends Error {
  constructor(
    readonly fault: 'crashed' | 'stuck',
    message: string,
  ) {
    super(message);
    this.name = 'EngineFaultError';
  }
}

/** What the page is told when a worker had to be killed. */
export interface EngineFault {
  bridge: string;
  fault: 'crashed' | 'stuck';
  /** For a person: what happened and what the app did about it. */
  message: string;
  /** Whether a fresh worker was started at once. */
  restarted: boolean;
  at: number;
}

export interface BridgeOptions {
  /** What the worker is, for messages ("recommendation engine"). */
  describe: string;
  /** Ping the worker and restart it when it stops answering; only for a worker whose calls are all short. */
  heartbeat?: HeartbeatOptions;
  /** Retry a call once on the fresh worker when the old one died under it (only for idempotent APIs). */
  retryAfterFault?: boolean;
}

interface Generation {
  worker: Worker;
  remote: Remote<EngineApi>;
  /** Rejects when this worker is gone (cancelled, crashed or stuck). */
  dead: Promise<never>;
  kill: (reason: Error) => void;
  stopHeartbeat: () => void;
}

/** One engine worker. `api` starts it on first use; `terminate()` kills it and the next use starts a fresh one. */
export class EngineBridge {
  private gen: Generation | null = null;
  private readonly faultListeners = new Set<(f: EngineFault) => void>();
  private readonly calls: Remote<EngineApi>;

  constructor(
    readonly label: string,
    private readonly options: BridgeOptions = { describe: `${label} worker` },
  ) {
    // Every method call goes through invoke(): it rejects when the worker dies under it instead of waiting forever.
    this.calls = new Proxy({} as Remote<EngineApi>, {
      get: (_, prop) => (typeof prop === 'string' && prop !== 'then' ? (...args: unknown[]) => this.invoke(prop, args) : undefined),
    });
  }

  private start(): Generation {
    if (this.gen) return this.gen;
    const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: `engine-${this.label}` });
    let kill: (reason: Error) => void = () => {};
    const dead = new Promise<never>((_, reject) => (kill = reject));
    dead.catch(() => {}); // observed by the calls racing it
    const remote = wrap<EngineApi>(worker);
    const gen: Generation = { worker, remote, dead, kill, stopHeartbeat: () => {} };
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      if (this.gen === gen) this.fault('crashed', ev.message || 'its script failed');
    });
    worker.addEventListener('messageerror', () => {
      if (this.gen === gen) this.fault('crashed', 'a message could not be read');
    });
    if (this.options.heartbeat) {
      gen.stopHeartbeat = startHeartbeat(
        () => remote.ping(),
        () => this.gen === gen && this.fault('stuck', 'no answer to the heartbeat'),
        this.options.heartbeat,
      );
    }
    this.gen = gen;
    return gen;
  }

  private async invoke(method: string, args: unknown[]): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const gen = this.start();
      const fn = (gen.remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
      try {
        return await Promise.race([fn(...args), gen.dead]);
      } catch (e) {
        const retry = e instanceof EngineFaultError && this.options.retryAfterFault && attempt === 0;
        if (!retry) throw e;
      }
    }
  }

  /** The worker's API. Calls start the worker if needed and reject if it is terminated or dies while they wait. */
  get api(): Remote<EngineApi> {
    return this.calls;
  }

  get running(): boolean {
    return this.gen !== null;
  }

  /** Listens for crashes and hangs of this bridge's worker; returns the unsubscribe function. */
  onFault(listener: (f: EngineFault) => void): () => void {
    this.faultListeners.add(listener);
    return () => this.faultListeners.delete(listener);
  }

  /** Kills the worker; pending calls reject with `reason` (CancelledError by default). */
  terminate(reason: Error = new CancelledError()): void {
    const gen = this.gen;
    this.gen = null;
    if (!gen) return;
    gen.stopHeartbeat();
    gen.worker.terminate();
    gen.kill(reason);
  }

  private fault(fault: 'crashed' | 'stuck', detail: string): void {
    const what = this.options.describe;
    const restart = Boolean(this.options.heartbeat);
    const message =
      fault === 'stuck'
        ? `The ${what} stopped responding and was restarted.`
        : `The ${what} crashed (${detail})${restart ? ' and was restarted' : ''}.`;
    console.warn(`PocketLens: ${this.label} worker ${fault}: ${detail}`);
    this.terminate(new EngineFaultError(fault, message));
    // A serving worker comes back at once, reloading its state from IndexedDB; a job worker starts with the next job.
    if (restart) this.start();
    const f: EngineFault = { bridge: this.label, fault, message, restarted: restart, at: Date.now() };
    for (const l of this.faultListeners) l(f);
  }

  /**
   * Runs a long call that can be cancelled: aborting `signal` terminates the worker (the store's
   * `importing` marker and the previous model keep IndexedDB consistent), rejecting with CancelledError.
   */
  run<T>(call: (api: Remote<EngineApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const onAbort = () => this.terminate();
    signal?.addEventListener('abort', onAbort, { once: true });
    return call(this.api).finally(() => signal?.removeEventListener('abort', onAbort));
  }
}

/** Long jobs (import, training) run here so they can be killed without touching serving; no heartbeat (a long job may keep it busy). */
export const jobs = new EngineBridge('jobs', { describe: 'import and training worker' });
/**
 * The person's files: a backup restore (read, check, write) and the review of an IMDb/Letterboxd export. Long and
 * cancellable (Cancel terminates it: nothing is written until the one transaction at the end), apart from jobs so a
 * Cancel here never stops a training, and from serving so a 50 MB backup never trips its heartbeat.
 */
export const files = new EngineBridge('files', { describe: 'backup and import reader' });
/** Recommendations, ratings and search: always responsive, even while a job runs; restarted if it hangs or crashes. */
export const serving = new EngineBridge('serving', { describe: 'recommendation engine', heartbeat: defaultHeartbeat, retryAfterFault: true });

export { proxy };
