// Trained models: saved whole in one transaction; the newest one trained on the dataset as it is now is the one used.
import { tx, type DB } from './db';
import { STORES, type DatasetRecord, type ModelRecord } from './schema';

/**
 * What identifies a dataset's content: its id, the import's timestamp, its counts and an FNV-1a checksum of the
 * per-movie rating counts written at import. A model stores the fingerprint it was trained on; if the dataset
 * behind the same id is ever rewritten (a migration, a re-import under the same id), the model no longer matches.
 */
export function datasetFingerprint(d: DatasetRecord): string {
  let h = 0x811c9dc5;
  const counts = d.movieStats?.counts;
  if (counts) {
    for (let i = 0; i < counts.length; i++) {
      h ^= counts[i];
      h = Math.imul(h, 0x01000193);
    }
  }
  const s = d.stats;
  return `${d.id}|${d.createdAt}|${s.ratings}|${s.users}|${s.movies}|${d.chunkCount}|${(h >>> 0).toString(16)}`;
}

/** Whether `m` may serve `d`: trained on exactly this content (models from before fingerprints: the same shape). */
export function modelFits(m: ModelRecord, d: DatasetRecord): boolean {
  if (m.datasetFingerprint !== undefined) return m.datasetFingerprint === datasetFingerprint(d);
  return m.nItems === d.stats.movies && m.nUsers === d.stats.users;
}

export async function saveModel(db: DB, model: ModelRecord): Promise<void> {
  await tx(db, [STORES.models], 'readwrite', (t) => t.objectStore(STORES.models).put(model), 'strict');
}

/**
 * The newest model of a ready dataset that was trained on it as it is now; a model whose dataset changed since is
 * never returned (so the app trains a new one instead of using it against the new data).
 */
export async function latestModel(db: DB, datasetId: string): Promise<ModelRecord | undefined> {
  const [all, dataset] = await tx(db, [STORES.models, STORES.datasets], 'readonly', (t) =>
    Promise.all([t.objectStore(STORES.models).index('byDataset').getAll(datasetId), t.objectStore(STORES.datasets).get(datasetId)]),
  );
  if (!dataset || dataset.status !== 'ready') return undefined;
  return all.filter((m) => modelFits(m, dataset)).sort((a, b) => b.trainedAt - a.trainedAt)[0];
}
