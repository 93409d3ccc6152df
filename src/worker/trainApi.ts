// Worker API: training ALS on the active dataset and storing the model.
import { buildCsr } from '../engine/als/csr';
import { defaultAlsParams, trainAls, type TrainOptions } from '../engine/als/train';
import { shareMatrix } from '../engine/als/shard';
import { trainAlsParallel } from '../engine/als/trainParallel';
import type { AlsModel, AlsParams, IterationInfo } from '../engine/types';
import { openDb } from '../store/db';
import { readRatings } from '../store/datasets';
import { datasetFingerprint, saveModel } from '../store/models';
import type { ModelRecord } from '../store/schema';
import { createWorkerShardPool, shardThreads } from './shardPool';
import { activeDataset, invalidateServing, modelSummary } from './state';
import type { ModelSummary } from './types';

export interface TrainJobOptions {
  /** Shard workers to use when cross-origin isolated (default: hardware threads, at most 4); ignored otherwise. */
  workers?: number;
}

/**
 * Trains ALS on the active dataset and stores the model; the previous model stays in use until this one is saved.
 * Cross-origin isolated, the half-steps run in shard workers over SharedArrayBuffer (same model bit for bit);
 * otherwise in this worker. Each iteration's report says how many threads ran it.
 */
export async function train(params: Partial<AlsParams>, onProgress: (i: IterationInfo) => void, options: TrainJobOptions = {}): Promise<ModelSummary> {
  const db = await openDb();
  const dataset = await activeDataset();
  if (!dataset) throw new Error('There is no dataset to train on yet.');
  const p: AlsParams = { ...defaultAlsParams, ...params };
  const t0 = performance.now();
  const ratings = await readRatings(db, dataset);
  const threads = shardThreads(options.workers);
  // For shard workers the matrix goes to shared memory at once, so only that copy stays alive.
  const csr = () => buildCsr(ratings, dataset.stats.users, dataset.stats.movies);
  const matrix = threads > 1 ? shareMatrix(csr()) : csr();
  const history: IterationInfo[] = [];
  const opts: TrainOptions = {
    onIteration: (info) => {
      history.push(info);
      onProgress(info);
    },
  };
  let model: AlsModel;
  if (threads > 1) {
    const pool = createWorkerShardPool(threads);
    try {
      model = await trainAlsParallel(matrix, p, pool, opts);
    } finally {
      pool.close();
    }
  } else {
    model = trainAls(matrix, p, opts);
  }
  const trainSeconds = (performance.now() - t0) / 1000;
  const rec: ModelRecord = {
    id: `${dataset.id}-als-${Date.now().toString(36)}`,
    datasetId: dataset.id,
    datasetFingerprint: datasetFingerprint(dataset),
    params: p,
    rank: model.rank,
    nUsers: model.nUsers,
    nItems: model.nItems,
    mu: model.mu,
    itemBias: model.itemBias,
    itemFactors: model.itemFactors,
    history,
    trainSeconds,
    trainedAt: Date.now(),
  };
  await saveModel(db, rec);
  invalidateServing();
  return modelSummary(rec);
}
