// Trained models: saved whole in one transaction, newest per dataset is the one used.
import { tx, type DB } from './db';
import { STORES, type ModelRecord } from './schema';

export async function saveModel(db: DB, model: ModelRecord): Promise<void> {
  await tx(db, [STORES.models], 'readwrite', (t) => t.objectStore(STORES.models).put(model), 'strict');
}

export async function latestModel(db: DB, datasetId: string): Promise<ModelRecord | undefined> {
  const all = await tx(db, [STORES.models], 'readonly', (t) => t.objectStore(STORES.models).index('byDataset').getAll(datasetId));
  return all.sort((a, b) => b.trainedAt - a.trainedAt)[0];
}
