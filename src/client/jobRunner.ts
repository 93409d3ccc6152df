// Runs the page's long jobs on the jobs worker: the origin-wide lock for jobs that write, progress that stops at
// cancel, the other tabs told what runs and what changed, serving reloaded after a write. No React: hooks and stores use it.
import type { ImportProgress } from '../engine/types';
import type { IterationInfo } from '../engine/types';
import type { EvalStep } from '../engine/eval/evaluate';
import type { TuneResult } from '../engine/eval/tune';
import type { LockedJob, TabMessage } from '../sync/tabSync';
import { CancelledError } from './engineClient';

/** What each kind of job reports as it goes: the arguments of its progress callback. */
export interface JobProgress {
  import: [ImportProgress];
  train: [IterationInfo];
  eval: [EvalStep];
  tune: [TuneResult, number, number];
}

/** Every job the page runs on the jobs worker. Imports and trainings write the store (`LockedJob`); the others read it. */
export type JobKind = keyof JobProgress;

/** Another tab's job, as far as it has told: null until it answers. */
export interface OtherTabJob {
  job: LockedJob;
  progress: ImportProgress | IterationInfo | null;
  total?: number;
}

/** The job lock's shape (`withJobLock`): runs `fn` holding it, calling `onWait` first when another tab holds it. */
export type JobLock = <T>(fn: () => Promise<T>, onWait: () => void, signal?: AbortSignal) => Promise<T>;

export interface JobRunnerDeps<Api> {
  /** The jobs worker: runs a call, terminating the worker when `signal` aborts. */
  bridge: { run<T>(call: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T> };
  /** Makes the serving worker re-read the store after a job wrote it. */
  reloadServing: () => Promise<void>;
  lock: JobLock;
  /** Tab messages: post to the other tabs, listen to them (returns the unsubscribe). */
  post: (msg: TabMessage) => void;
  listen: (fn: (msg: TabMessage) => void) => () => void;
  /** Marks a callback to be called from the worker (comlink's `proxy`). */
  proxy: <F extends object>(fn: F) => F;
}

export interface JobSpec<Api, K extends JobKind, T> {
  kind: K;
  /** Aborting it cancels the job: the worker is terminated and the job rejects with CancelledError. */
  signal: AbortSignal;
  /** Starts the work; `progress` is the callback to hand to the worker. */
  call: (api: Api, progress: (...args: JobProgress[K]) => void) => Promise<T>;
  /** Called for each report until the job ends; reports that arrive after cancel are dropped. */
  onProgress?: (...args: JobProgress[K]) => void;
  /** For the other tabs' progress bar before the first report (a training's iteration count). */
  total?: number;
}

/** What a job that wrote the store tells the other tabs when it succeeds. */
const CHANGED: Record<LockedJob, TabMessage> = { import: { type: 'datasets' }, train: { type: 'model' } };

const isLocked = (kind: JobKind): kind is LockedJob => kind in CHANGED;

/** Rejects with CancelledError when `signal` aborts; `off` removes the listener. */
function abortion(signal: AbortSignal): { promise: Promise<never>; off: () => void } {
  let off = () => {};
  const promise = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    off = () => signal.removeEventListener('abort', onAbort);
  });
  promise.catch(() => {}); // observed by the race it joins
  return { promise, off };
}

/** Races `work` with the signal, so a cancelled job settles at once whatever it was waiting for; any failure after abort is a cancel. */
async function cancellable<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) throw new CancelledError();
  const abort = abortion(signal);
  try {
    return await Promise.race([work(), abort.promise]);
  } catch (e) {
    throw signal.aborted ? new CancelledError() : e;
  } finally {
    abort.off();
  }
}

export class JobRunner<Api> {
  /** What this tab runs while it holds the job lock: the answer to another tab's 'job-query'. */
  private announced: Extract<TabMessage, { type: 'job' }> | null = null;
  private holding = false;
  /** Waiting for the lock: each gets the holder's reports. */
  private readonly waiters = new Set<(job: OtherTabJob) => void>();
  private readonly unlisten: () => void;

  constructor(private readonly deps: JobRunnerDeps<Api>) {
    this.unlisten = deps.listen((msg) => {
      if (msg.type === 'job-query' && this.announced) deps.post(this.announced);
      else if (msg.type === 'job') for (const w of this.waiters) w({ job: msg.kind, progress: msg.progress, total: msg.total });
    });
  }

  /** Whether this tab holds the job lock now. */
  get locked(): boolean {
    return this.holding;
  }

  /**
   * Runs `body` holding the origin's job lock (imports and trainings run inside it). While another tab holds it,
   * `onWait` is called with null, then with each report of that tab's job, until the lock frees. Cancel (`signal`)
   * while waiting gives up the wait; cancel while running releases the lock at once. Either rejects with CancelledError.
   */
  async exclusive<T>(signal: AbortSignal, body: () => Promise<T>, onWait?: (other: OtherTabJob | null) => void): Promise<T> {
    let waiter: ((job: OtherTabJob) => void) | null = null;
    const stopWaiting = () => {
      if (waiter) this.waiters.delete(waiter);
      waiter = null;
    };
    if (signal.aborted) throw new CancelledError();
    try {
      // The lock gives up waiting when `signal` aborts; the body is raced with it, so the lock frees with the cancel.
      return await this.deps.lock(
        async () => {
          stopWaiting();
          this.holding = true;
          try {
            return await cancellable(signal, body);
          } finally {
            this.holding = false;
            if (this.announced) this.deps.post({ type: 'job-ended' });
            this.announced = null;
          }
        },
        () => {
          if (onWait) {
            onWait(null);
            waiter = onWait;
            this.waiters.add(waiter);
          }
          this.deps.post({ type: 'job-query' });
        },
        signal,
      );
    } catch (e) {
      throw signal.aborted ? new CancelledError() : e;
    } finally {
      stopWaiting();
    }
  }

  /**
   * Runs one job on the jobs worker. An import or a training must run inside `exclusive`: it tells the other tabs its
   * progress, and when it succeeds serving is reloaded and the other tabs are told what changed ('datasets', 'model').
   */
  async run<K extends JobKind, T>(spec: JobSpec<Api, K, T>): Promise<T> {
    const { kind, signal } = spec;
    const locked = isLocked(kind);
    if (locked && !this.holding) throw new Error(`A ${kind} job writes the store: run it inside exclusive(), holding the job lock.`);
    const tell = (progress: ImportProgress | IterationInfo | null, total = spec.total) => {
      if (!locked) return;
      this.announced = { type: 'job', kind, progress, total };
      this.deps.post(this.announced);
    };
    let settled = false;
    const progress = this.deps.proxy((...args: JobProgress[K]) => {
      if (settled || signal.aborted) return; // posted just before Cancel killed the worker: the screen says Stopped
      spec.onProgress?.(...args);
      if (locked) tell(args[0] as ImportProgress | IterationInfo, kind === 'train' ? (args[0] as IterationInfo).iterations : spec.total);
    });
    tell(null);
    try {
      const value = await cancellable(signal, () => this.deps.bridge.run((api) => spec.call(api, progress), signal));
      settled = true;
      if (locked) {
        await this.deps.reloadServing();
        this.deps.post(CHANGED[kind]);
      }
      return value;
    } finally {
      settled = true;
    }
  }

  /** Stops listening to the other tabs (tests; the page keeps one runner for its life). */
  dispose(): void {
    this.unlisten();
  }
}
