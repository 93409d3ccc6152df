// The browser's ShardPool: nested module workers (workers/als-shard.worker.ts) started by the jobs worker.
import { wrap } from 'comlink';
import type { ShardSetup, Side } from '../engine/als/shard';
import type { ShardPool } from '../engine/als/trainParallel';
import type { ShardApi } from '../../workers/als-shard.worker';

export interface WorkerShardPool extends ShardPool {
  close(): void;
}

/** Threads the jobs worker may use: several only with SharedArrayBuffer (cross-origin isolated), at most 4. */
export function shardThreads(requested?: number): number {
  const isolated = typeof crossOriginIsolated === 'boolean' && crossOriginIsolated && typeof SharedArrayBuffer === 'function';
  if (!isolated) return 1;
  const n = requested ?? Math.min(4, (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1);
  return Math.max(1, Math.min(8, Math.floor(n)));
}

/**
 * Starts `size` shard workers. They die with the jobs worker (terminating a worker terminates the workers it
 * started), so cancelling a training by terminating the jobs worker stops them too. A worker that fails to
 * load or throws rejects the pending call instead of leaving it hanging.
 */
export function createWorkerShardPool(size: number): WorkerShardPool {
  const workers = Array.from(
    { length: size },
    (_, k) => new Worker(new URL('../../workers/als-shard.worker.ts', import.meta.url), { type: 'module', name: `als-shard-${k + 1}` }),
  );
  const remotes = workers.map((w) => wrap<ShardApi>(w));
  const failed = new Promise<never>((_, reject) => {
    for (const w of workers) w.addEventListener('error', (e) => reject(new Error(`An ALS shard worker failed: ${e.message || 'could not start'}`)));
  });
  failed.catch(() => {});
  const all = <T>(calls: Promise<T>[]) => Promise.race([Promise.all(calls), failed]);
  return {
    size,
    async setup(s: ShardSetup) {
      await all(remotes.map((r) => r.setup(s)));
    },
    async run(side: Side) {
      await all(remotes.map((r) => r.run(side)));
    },
    close() {
      for (const w of workers) w.terminate();
    },
  };
}
