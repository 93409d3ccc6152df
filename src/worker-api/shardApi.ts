// Shard worker API: one thread of a parallel training (set up with shared tables, then solve chunks of half-steps).
import { createShard, type ShardSetup, type Side } from '../engine/als/shard';

let shard: ((side: Side) => number) | null = null;

/** Keeps the shared matrix and tables for the training that follows. */
export function setup(s: ShardSetup): void {
  shard = createShard(s);
}

/** Solves chunks of the user or item half-step until none are left; returns how many this thread took. */
export function run(side: Side): number {
  if (!shard) throw new Error('shard worker used before setup');
  return shard(side);
}
