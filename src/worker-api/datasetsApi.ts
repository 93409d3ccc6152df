// Worker API: the datasets side by side — list with counts and sizes, switch the active one, delete one, storage use.
import { openDb } from '../store/db';
import { deleteDataset, listDatasets, newestMovieYear } from '../store/datasets';
import { getMeta, setMeta } from '../store/meta';
import { latestModel } from '../store/models';
import type { DatasetRecord } from '../store/schema';
import { ACTIVE_KEY, activeDataset, invalidateServing, summarize } from './state';
import type { DatasetSummary } from './apiTypes';

export interface DatasetInfo extends DatasetSummary {
  createdAt: number;
  /** Size of what the person imported (zip or files). */
  sourceBytes: number;
  /** What the dataset takes in IndexedDB: its typed arrays and strings as written (v3), else 13 bytes a rating and ~150 a movie. */
  storedBytes: number;
  active: boolean;
  hasModel: boolean;
  /** Seconds the import took, when recorded. */
  importSeconds: number | null;
  /** How recent the data is: when its latest rating was given (Unix seconds; null when not recorded) and its newest movie's year. */
  lastRatingAt: number | null;
  newestMovieYear: number | null;
}

export interface StorageInfo {
  /** navigator.storage.estimate(): bytes used by this site and the browser's quota for it (null where unavailable). */
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised not to evict this site's data under storage pressure. */
  persisted: boolean | null;
}

const storedBytes = (d: DatasetRecord) => d.storedBytes ?? d.stats.ratings * 13 + d.stats.movies * 150;

export async function listDatasetInfo(): Promise<DatasetInfo[]> {
  const db = await openDb();
  const active = await activeDataset();
  const out: DatasetInfo[] = [];
  for (const d of await listDatasets(db)) {
    const t = d.importTimings;
    out.push({
      ...summarize(d),
      createdAt: d.createdAt,
      sourceBytes: d.bytes,
      storedBytes: storedBytes(d),
      active: d.id === active?.id,
      hasModel: (await latestModel(db, d.id)) !== undefined,
      importSeconds: t ? t.seconds + t.moviesSeconds : null,
      lastRatingAt: d.stats.lastRatingAt ?? null,
      // Datasets imported before the year was recorded: read from their movie blocks.
      newestMovieYear: d.stats.newestMovieYear ?? (await newestMovieYear(db, d.id)),
    });
  }
  return out;
}

export async function storageInfo(): Promise<StorageInfo> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (!storage) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([storage.estimate().catch(() => null), storage.persisted().catch(() => null)]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Makes `id` the dataset recommendations come from (its latest model, or a training, follows). */
export async function switchDataset(id: string): Promise<void> {
  const db = await openDb();
  if (!(await listDatasets(db)).some((d) => d.id === id)) throw new Error(`There is no dataset ${id}.`);
  await setMeta(db, ACTIVE_KEY, id);
  invalidateServing();
}

/**
 * Deletes a dataset with its movies, rating chunks and models (the person's own ratings stay: they are keyed by
 * MovieLens movieId, not by dataset). If it was the active one, the newest remaining dataset becomes active.
 */
export async function removeDataset(id: string): Promise<void> {
  const db = await openDb();
  const wasActive = (await getMeta<string>(db, ACTIVE_KEY)) === id || (await activeDataset())?.id === id;
  await deleteDataset(db, id);
  if (wasActive) {
    const next = (await listDatasets(db)).at(-1);
    await setMeta(db, ACTIVE_KEY, next ? next.id : null);
  }
  invalidateServing();
}
