// Worker API: training ALS (explicit or implicit) on the active dataset, optionally with a validation holdout, and storing the model.
import { buildCsr } from '../engine/als/csr';
import { trainAls, type TrainOptions } from '../engine/als/train';
import { withDefaults } from '../engine/defaults/modelDefaults';
import { shareMatrix } from '../engine/als/shard';
import { trainAlsParallel } from '../engine/als/trainParallel';
import { randomHoldout } from '../engine/als/split';
import type { AlsModel, AlsParams, IterationInfo } from '../engine/types';
import { openDb } from '../store/db';
import { readRatings } from '../store/datasets';
import { datasetFingerprint, modelId, saveModel } from '../store/models';
import type { ModelRecord } from '../store/schema';
import { createWorkerShardPool, shardThreads } from './workerShardPool';
import { activeDataset, invalidateServing, modelSummary } from './state';
import type { ModelSummary } from './apiTypes';

export interface TrainJobOptions {
  /** Shard workers to use when cross-origin isolated (default: hardware threads, at most 4); ignored otherwise. */
  workers?: number;
  /**
   * Share of the ratings (0 ≤ h < 1, default 0) held out by a seeded shuffle (the params' seed, as `cli train
   * --holdout`): the model is trained on the rest and every iteration reports its validation RMSE on them.
   */
  holdout?: number;
}

/**
 * Trains ALS on the active dataset and stores it as the dataset's model for its objective (explicit or implicit);
 * the previous one stays in use until this one is saved.
 * Cross-origin isolated, the half-steps run in shard workers over SharedArrayBuffer (same model bit for bit);
 * otherwise in this worker. Each iteration's report says how many threads ran it.
 */
export async function train(params: Partial<AlsParams>, onProgress: (i: IterationInfo) => void, options: TrainJobOptions = {}): Promise<ModelSummary> {
  const db = await openDb();
  const dataset = await activeDataset();
  if (!dataset) throw new Error('There is no dataset to train on yet.');
  const p: AlsParams = withDefaults(params);
  const holdout = options.holdout ?? 0;
  if (!(holdout >= 0 && holdout < 1)) throw new RangeError(`The validation holdout must be at least 0 and below 1, got ${holdout}`);
  const t0 = performance.now();
  const all = await readRatings(db, dataset, { timestamps: false });
  const { train: ratings, test: validation } = holdout > 0 ? randomHoldout(all, holdout, p.seed) : { train: all, test: undefined };
  const threads = shardThreads(options.workers);
  // For shard workers the matrix goes to shared memory at once, so only that copy stays alive.
  const csr = () => buildCsr(ratings, dataset.stats.users, dataset.stats.movies);
  const matrix = threads > 1 ? shareMatrix(csr()) : csr();
  const history: IterationInfo[] = [];
  const opts: TrainOptions = {
    validation,
    clampValidation: dataset.stats.scale,
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
    id: modelId(dataset.id, p.objective ?? 'explicit'),
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
    holdout,
  };
  const saved = await saveModel(db, rec);
  invalidateServing();
  return modelSummary(saved);
}
