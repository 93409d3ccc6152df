// Fakes for the job runner's world: Web Locks' job lock, a BroadcastChannel between tabs, a jobs worker driven by the test.
import { CancelledError } from '../../../src/client/engineClient';
import { JobRunner, type JobLock } from '../../../src/client/jobRunner';
import type { TabMessage } from '../../../src/sync/tabSync';

/** The origin's job lock as `withJobLock` uses navigator.locks: one holder, waiters in order, a waiter can give up. */
export class FakeJobLock {
  holder: string | null = null;
  /** Every grant and release, in order ("a+", "a-"). */
  readonly log: string[] = [];
  private readonly queue: { who: string; grant: () => void }[] = [];

  /** The lock as tab `who` sees it. */
  for(who: string): JobLock {
    return async (fn, onWait, signal) => {
      if (this.holder !== null) {
        onWait();
        await new Promise<void>((resolve, reject) => {
          const entry = { who, grant: resolve };
          this.queue.push(entry);
          signal?.addEventListener('abort', () => {
            const at = this.queue.indexOf(entry);
            if (at >= 0) this.queue.splice(at, 1);
            reject(new DOMException('The lock request was aborted', 'AbortError'));
          });
        });
      }
      this.holder = who;
      this.log.push(`${who}+`);
      try {
        return await fn();
      } finally {
        this.log.push(`${who}-`);
        this.holder = null;
        this.queue.shift()?.grant();
      }
    };
  }
}

/** BroadcastChannel between fake tabs: a message reaches every other tab in a later task, never the sender. */
export class FakeChannel {
  /** Everything posted, with the sender. */
  readonly log: { from: string; msg: TabMessage }[] = [];
  private readonly listeners = new Map<string, Set<(msg: TabMessage) => void>>();

  post(from: string, msg: TabMessage): void {
    this.log.push({ from, msg: structuredClone(msg) });
    for (const [tab, fns] of this.listeners) if (tab !== from) for (const fn of fns) setTimeout(() => fn(structuredClone(msg)), 0);
  }

  listen(tab: string, fn: (msg: TabMessage) => void): () => void {
    const fns = this.listeners.get(tab) ?? new Set();
    this.listeners.set(tab, fns);
    fns.add(fn);
    return () => fns.delete(fn);
  }

  /** The message types tab `from` posted, in order. */
  sent(from: string): string[] {
    return this.log.filter((l) => l.from === from).map((l) => (l.msg.type === 'job' ? `job:${l.msg.kind}` : l.msg.type));
  }
}

/** One call on the fake worker: the test reports progress and settles it. */
export interface FakeCall {
  method: string;
  args: unknown[];
  report: (...args: unknown[]) => void;
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * A jobs worker whose calls wait for the test. Like EngineBridge.run, aborting the signal terminates it and the call
 * rejects with CancelledError; `hangs` makes a call ignore the terminate (a call that never settles).
 */
export class FakeJobsWorker {
  readonly calls: FakeCall[] = [];
  terminated = 0;
  hangs = false;
  private waiting: (() => void)[] = [];

  /** Any method name is a worker call; its first function argument is the progress callback. */
  readonly api = new Proxy({} as Record<string, (...args: unknown[]) => Promise<unknown>>, {
    get: (_, method) => (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        // The first callback is the job's progress (train's fourth argument, the preparation's progress, is not).
        const report = args.find((a) => typeof a === 'function') as (...a: unknown[]) => void;
        const call: FakeCall = { method: String(method), args, report, resolve, reject };
        this.calls.push(call);
        for (const w of this.waiting.splice(0)) w();
      }),
  });

  readonly bridge = {
    run: <T>(call: (api: never) => Promise<T>, signal?: AbortSignal): Promise<T> => {
      if (signal?.aborted) return Promise.reject(new CancelledError());
      const current = call(this.api as never);
      if (this.hangs) return new Promise<T>(() => {});
      return new Promise<T>((resolve, reject) => {
        signal?.addEventListener('abort', () => {
          this.terminated++;
          reject(new CancelledError());
        });
        current.then(resolve, reject);
      });
    },
  };

  private handedOut = 0;

  /** The page's calls one at a time, in order: the first not yet handed to the test, waiting for it if need be. */
  nextCall(): Promise<FakeCall> {
    const k = this.handedOut++;
    if (k < this.calls.length) return Promise.resolve(this.calls[k]);
    return new Promise((resolve) => this.waiting.push(() => resolve(this.calls[k])));
  }
}

/** A tab: its own runner over its own worker, sharing the lock and the channel with the other tabs. */
export function fakeTab(name: string, lock: FakeJobLock, channel: FakeChannel) {
  const worker = new FakeJobsWorker();
  const runner = new JobRunner<Record<string, (...args: unknown[]) => Promise<unknown>>>({
    bridge: worker.bridge as never,
    // Logged in the channel's log (never delivered), so a test sees it in order with what the tab posted.
    reloadServing: async () => void channel.log.push({ from: name, msg: { type: 'reload-serving' } as unknown as TabMessage }),
    lock: lock.for(name),
    post: (msg) => channel.post(name, msg),
    listen: (fn) => channel.listen(name, fn),
    proxy: (fn) => fn,
  });
  return { name, worker, runner };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Lets every message in flight between the fake tabs arrive (a question and its answer are two hops). */
export async function flush(): Promise<void> {
  for (let k = 0; k < 5; k++) await tick();
}
