// Parallel ALS training: trainAls's half-steps with rows shared out to shard threads over SharedArrayBuffer.
import type { AlsModel, AlsParams } from '../types';
import type { RatingMatrix } from './csr';
import { shardSetup, shareMatrix, sharedFloat32, type ShardSetup, type Side } from './shard';
import { TrainingCancelled, iterationReport, kernelsFor, modelOf, prepareTraining, type TrainOptions } from './train';
import { WasmArena, matrixInArena } from '../wasm/arena';

/** Shard threads: worker_threads in Node, nested Web Workers in the browser. */
export interface ShardPool {
  readonly size: number;
  /** Gives every thread the shared matrix and tables (createShard on its side). */
  setup(s: ShardSetup): Promise<void>;
  /** Every thread takes chunks of `side` until none are left; resolves when all are done. */
  run(side: Side): Promise<void>;
}

/** Chunks per thread and side: small enough to even out uneven rows and busy cores. */
export const CHUNKS_PER_THREAD = 8;

/**
 * Same result as trainAls with the same kernels (bit for bit, any pool size): the matrix is copied to shared memory
 * (unless it is there already: pass shareMatrix(m), or with opts.kernel a matrix built in the kernel's arena, and drop
 * m to hold only one copy), the tables live there, and each half-step is solved by the pool's threads (each with its
 * own instance of the kernels) while this thread waits and then reports.
 * The returned model's tables are plain (non-shared) copies, so they can be stored or transferred.
 */
export async function trainAlsParallel(m: RatingMatrix, params: AlsParams, pool: ShardPool, opts: TrainOptions = {}): Promise<AlsModel> {
  const kernel = opts.kernel ?? null;
  const shared = kernel ? matrixInArena(WasmArena.attach(kernel.memory), m) : shareMatrix(m);
  const t = prepareTraining(shared, params, kernel ? undefined : sharedFloat32, kernel);
  const kernels = kernelsFor(t);
  const setup = shardSetup(t, pool.size * CHUNKS_PER_THREAD);
  await pool.setup(setup);
  const step = async (side: Side): Promise<number> => {
    if (opts.shouldStop?.()) throw new TrainingCancelled();
    const t0 = performance.now();
    Atomics.store(setup.counter, 0, 0);
    await pool.run(side);
    return performance.now() - t0;
  };
  for (let it = 0; it < params.iterations; it++) {
    const ms = (await step('user')) + (await step('item'));
    opts.onIteration?.(iterationReport(shared, t, it + 1, ms / 1000, opts, pool.size, kernels));
  }
  return modelOf(m, t);
}
