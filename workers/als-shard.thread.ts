// worker_threads entry for parallel ALS in Node: set up once, then solve chunks of each half-step on request.
import { parentPort } from 'node:worker_threads';
import { createShard, type ShardSetup, type Side } from '../src/engine/als/shard';

type Message = { type: 'setup'; setup: ShardSetup } | { type: 'run'; side: Side };

let shard: ((side: Side) => number) | null = null;
parentPort?.on('message', (msg: Message) => {
  if (msg.type === 'setup') {
    shard = createShard(msg.setup);
    parentPort?.postMessage({ type: 'ready' });
  } else if (shard) {
    parentPort?.postMessage({ type: 'done', taken: shard(msg.side) });
  }
});
