// Worker-side state shared by the API modules: the active dataset and the cached serving tables.
import type { MovieInfo } from '../engine/movielens/dataset';
import { searchKey } from '../engine/movielens/titleSearch';
import type { AlsModel } from '../engine/types';
import { asAlsModel } from '../engine/model/modelFile';
import { itemNorms } from '../engine/als/similar';
import { openDb } from '../store/db';
import { getDataset, listDatasets, readMovies } from '../store/datasets';
import { latestModel, objectiveOf } from '../store/models';
import { getMeta } from '../store/meta';
import type { DatasetRecord, ModelRecord } from '../store/schema';
import type { DatasetSummary, ModelSummary } from './apiTypes';
import { onTabMessage } from '../sync/tabSync';
import { jsKernels, type AlsKernels } from '../engine/als/kernelSet';
import { servingKernels } from './kernels';

export const ACTIVE_KEY = 'activeDataset';

export function summarize(d: DatasetRecord): DatasetSummary {
  return { id: d.id, name: d.name, source: d.source, ratings: d.stats.ratings, users: d.stats.users, movies: d.stats.movies, notes: d.notes };
}

export function modelSummary(m: ModelRecord): ModelSummary {
  return {
    id: m.id,
    datasetId: m.datasetId,
    objective: objectiveOf(m),
    params: m.params,
    history: m.history,
    trainSeconds: m.trainSeconds,
    ...(m.prepareSeconds !== undefined ? { prepareSeconds: m.prepareSeconds } : {}),
    trainedAt: m.trainedAt,
    holdout: m.holdout ?? 0,
    ...(m.validation ? { validation: m.validation } : {}),
  };
}

/** What serving needs in memory for the active dataset; rebuilt when the dataset or model changes. */
export interface Serving {
  dataset: DatasetRecord;
  movies: MovieInfo[];
  byMovieId: Map<number, number>;
  counts: Int32Array;
  sums: Float64Array;
  searchKeys: string[];
  model: AlsModel | null;
  modelId: string | null;
  /** Factor-vector norms of every movie (for similar movies); null without a model. */
  itemNorms: Float32Array | null;
  /** The implicit ("will watch") model, when one was trained for this dataset. */
  implicitModel: AlsModel | null;
  /** Fold-in and scoring kernels for these models (WebAssembly over a memory of their own, or JavaScript). */
  kernels: AlsKernels;
}

let serving: Promise<Serving | null> | null = null;

export async function activeDataset(): Promise<DatasetRecord | null> {
  const db = await openDb();
  const id = await getMeta<string>(db, ACTIVE_KEY);
  const d = id ? await getDataset(db, id) : undefined;
  if (d) return d;
  return (await listDatasets(db)).at(-1) ?? null;
}

async function loadServing(): Promise<Serving | null> {
  const db = await openDb();
  const dataset = await activeDataset();
  if (!dataset) return null;
  const movies = await readMovies(db, dataset.id);
  const counts = new Int32Array(movies.length);
  const sums = new Float64Array(movies.length);
  const byMovieId = new Map<number, number>();
  const searchKeys: string[] = [];
  for (const m of movies) {
    counts[m.index] = m.count;
    sums[m.index] = m.mean * m.count;
    byMovieId.set(m.movieId, m.index);
    searchKeys[m.index] = searchKey(m.title, m.year);
  }
  const rec = await latestModel(db, dataset.id, 'explicit');
  const model = rec && rec.nItems === movies.length ? asAlsModel(rec) : null;
  const imp = await latestModel(db, dataset.id, 'implicit');
  const implicitModel = imp && imp.nItems === movies.length ? asAlsModel(imp) : null;
  const kernels = model || implicitModel ? await servingKernels() : jsKernels;
  return { dataset, movies, byMovieId, counts, sums, searchKeys, model, modelId: model ? rec!.id : null, itemNorms: model ? itemNorms(model) : null, implicitModel, kernels };
}

let following = false;

export function getServing(): Promise<Serving | null> {
  if (!following) {
    // Another tab imported, trained, switched or deleted a dataset: what this worker caches may be stale. (The
    // person's ratings and hidden movies are read from the store on every request, so they are never stale.)
    following = true;
    onTabMessage((m) => {
      if (m.type === 'datasets' || m.type === 'model') invalidateServing();
    });
  }
  if (!serving) {
    serving = loadServing();
    serving.catch(() => (serving = null));
  }
  return serving;
}

/** Forgets the cached serving state; the next request reloads it from IndexedDB. */
export function invalidateServing(): void {
  serving = null;
}
