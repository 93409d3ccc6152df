// Worker API: training ALS (explicit or implicit) on the active dataset, storing the model fitted on all ratings (after a validation run when asked).
import { buildCsr, type CsrAlloc, type RatingMatrix } from '../engine/als/csr';
import { trainAls, type TrainOptions } from '../engine/als/train';
import { withDefaults } from '../engine/defaults/modelDefaults';
import { sharedAlloc } from '../engine/als/shard';
import { trainAlsParallel } from '../engine/als/trainParallel';
import { randomHoldout } from '../engine/als/split';
import type { AlsModel, AlsParams, IterationInfo, RatingColumns } from '../engine/types';
import { WasmArena } from '../engine/wasm/arena';
import type { KernelPreference } from '../engine/wasm/kernelChoice';
import type { KernelHandle } from '../engine/wasm/wasmKernels';
import { openDb } from '../store/db';
import { readRatings } from '../store/datasets';
import { datasetFingerprint, modelId, saveModel } from '../store/models';
import type { DatasetRecord, ModelRecord, ValidationRun } from '../store/schema';
import { createWorkerShardPool, shardThreads } from './workerShardPool';
import { trainingKernel } from './kernels';
import { activeDataset, invalidateServing, modelSummary } from './state';
import type { ModelSummary, PrepareProgress } from './apiTypes';

export interface TrainJobOptions {
  /** Shard workers to use when cross-origin isolated (default: hardware threads, at most 4); ignored otherwise. */
  workers?: number;
  /**
   * Share of the ratings (0 ≤ h < 1, default 0) held out by a seeded shuffle (the params' seed, as `cli train
   * --holdout`) for a validation run: the same parameters fitted on the rest, reporting the held-out RMSE every
   * iteration (fit 'validation'). The stored model is then fitted on all ratings (fit 'final'), exactly the model a
   * training without a holdout gives; the validation run is kept beside it for the chart.
   */
  holdout?: number;
  /** Which kernels to train with (default 'auto': WebAssembly SIMD where the platform has it, else JavaScript). */
  kernel?: KernelPreference;
}

/**
 * Reads the ratings back and builds both CSR orientations straight into the memory the training reads (the kernels'
 * arena, or shared memory for shard workers), reporting progress. The rating columns are dropped before it returns,
 * so only the matrix stays alive during the training.
 */
async function prepareMatrix(
  dataset: DatasetRecord,
  seed: number,
  holdout: number,
  alloc: CsrAlloc | undefined,
  onPrepare: ((p: PrepareProgress) => void) | undefined,
): Promise<{ matrix: RatingMatrix; validation: RatingColumns | undefined }> {
  const t0 = performance.now();
  const total = dataset.stats.ratings;
  const report = (phase: PrepareProgress['phase'], rows: number) => onPrepare?.({ phase, rows, totalRows: total, seconds: (performance.now() - t0) / 1000 });
  report('read', 0);
  let all: RatingColumns | null = await readRatings(await openDb(), dataset, { timestamps: false, onRows: (rows) => report('read', rows) });
  const { train: ratings, test: validation } = holdout > 0 ? randomHoldout(all, holdout, seed) : { train: all, test: undefined };
  all = null;
  report('matrix', ratings.length);
  const matrix = buildCsr(ratings, dataset.stats.users, dataset.stats.movies, alloc);
  report('ready', ratings.length);
  return { matrix, validation };
}

/** One fit's model, its per-iteration reports and its seconds. */
interface Fit {
  model: AlsModel;
  history: IterationInfo[];
  seconds: number;
}

/**
 * Trains ALS on the active dataset and stores it as the dataset's model for its objective (explicit or implicit);
 * the previous one stays in use until this one is saved. With a holdout, a validation run on the rest comes first
 * (about 1 − holdout of a fit's time more in all, and the ratings are read back twice so that only one matrix is
 * alive at a time), so the person sees the validation curve before the final fit.
 * With the WebAssembly kernels the matrix is built in their memory; cross-origin isolated, the half-steps run in
 * shard workers over shared memory (same model bit for bit), otherwise in this worker. Each iteration's report says
 * which kernels and how many threads ran it; `onPrepare` follows the preparation (reading the ratings back, building
 * the matrix), which the model records as `prepareSeconds` (both fits' together).
 */
export async function train(
  params: Partial<AlsParams>,
  onProgress: (i: IterationInfo) => void,
  options: TrainJobOptions = {},
  onPrepare?: (p: PrepareProgress) => void,
): Promise<ModelSummary> {
  const db = await openDb();
  const dataset = await activeDataset();
  if (!dataset) throw new Error('There is no dataset to train on yet.');
  const p: AlsParams = withDefaults(params);
  const holdout = options.holdout ?? 0;
  if (!(holdout >= 0 && holdout < 1)) throw new RangeError(`The validation holdout must be at least 0 and below 1, got ${holdout}`);
  const t0 = performance.now();
  const threads = shardThreads(options.workers);
  const kernel: KernelHandle | null = await trainingKernel(options.kernel);
  const arena = kernel ? WasmArena.attach(kernel.memory) : null;
  const alloc = arena ?? (threads > 1 ? sharedAlloc : undefined);
  let prepareSeconds = 0;

  async function fit(share: number, tag: IterationInfo['fit']): Promise<Fit> {
    const started = performance.now();
    const { matrix, validation } = await prepareMatrix(dataset!, p.seed, share, alloc, onPrepare);
    prepareSeconds += (performance.now() - started) / 1000;
    const history: IterationInfo[] = [];
    const opts: TrainOptions = {
      validation,
      clampValidation: dataset!.stats.scale,
      kernel,
      onIteration: (info) => {
        const report = tag ? { ...info, fit: tag } : info;
        history.push(report);
        onProgress(report);
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
    return { model, history, seconds: (performance.now() - started) / 1000 };
  }

  let validation: ValidationRun | undefined;
  if (holdout > 0) {
    const run = await fit(holdout, 'validation');
    validation = { holdout, history: run.history, seconds: run.seconds };
    // The validation run's matrix and tables are no longer used (its model was copied out): the final fit reuses the memory.
    arena?.reset();
  }
  const { model, history } = await fit(0, validation ? 'final' : undefined);
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
    prepareSeconds,
    trainedAt: Date.now(),
    holdout: 0,
    ...(validation ? { validation } : {}),
  };
  const saved = await saveModel(db, rec);
  invalidateServing();
  return modelSummary(saved);
}
