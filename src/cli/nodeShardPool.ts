// A ShardPool of Node worker_threads (workers/als-shard.thread.ts) for trainAlsParallel in the CLI and benchmarks.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ShardSetup, Side } from '../engine/als/shard';
import type { ShardPool } from '../engine/als/trainParallel';

export interface NodeShardPool extends ShardPool {
  close(): Promise<void>;
}

/** Starts `size` threads; each reply resolves the oldest pending request of its thread (one at a time). */
export function createNodeShardPool(size: number): NodeShardPool {
  const fromTs = import.meta.url.endsWith('.ts');
  const url = new URL(`../../workers/als-shard.thread${fromTs ? '.ts' : '.js'}`, import.meta.url);
  const start = (): Worker => {
    if (!fromTs) return new Worker(url);
    // Threads do not inherit tsx's loader: boot them through tsx's API when running from TypeScript sources.
    const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    return new Worker(`import(${JSON.stringify(api)}).then((t) => t.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`, { eval: true });
  };
  const threads = Array.from({ length: size }, start);
  const ask = (w: Worker, msg: unknown): Promise<void> =>
    new Promise((ok, fail) => {
      const onError = (e: Error) => {
        w.off('message', onMessage);
        fail(e);
      };
      const onMessage = () => {
        w.off('error', onError);
        ok();
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage(msg);
    });
  return {
    size,
    async setup(setup: ShardSetup) {
      await Promise.all(threads.map((w) => ask(w, { type: 'setup', setup })));
    },
    async run(side: Side) {
      await Promise.all(threads.map((w) => ask(w, { type: 'run', side })));
    },
    async close() {
      await Promise.all(threads.map((w) => w.terminate()));
    },
  };
}
