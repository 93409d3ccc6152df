// Trained models: one per (dataset, objective), keyed `${datasetId}:${objective}`, saved whole in one transaction,
// and only ever served against the dataset content they were trained on. Models stored before the key carried the
// objective (ids like `${datasetId}-als-…`) stay loadable: they are found through the byDataset index, and replaced
// (deleted) when a model of their objective is saved.
import { tx, type DB } from './db';
import { STORES, type DatasetRecord, type ModelRecord } from './schema';
import type { AlsParams } from '../engine/types';

/**
 * What identifies a dataset's content: its id, the import's timestamp, its counts, its chunk count and the bytes
 * its chunks took. A model stores the fingerprint it was trained on; if the dataset behind the same id is ever
 * rewritten (a re-import under the same id, a damaged record), the model no longer matches.
 */
export function datasetFingerprint(d: DatasetRecord): string {
  const s = d.stats;
  return `${d.id}|${d.createdAt}|${s.ratings}|${s.users}|${s.movies}|${d.chunkCount}|${d.storedBytes ?? ''}`;
}

/** Whether `m` may serve `d`: trained on exactly this content (models from before fingerprints: the same shape). */
export function modelFits(m: ModelRecord, d: DatasetRecord): boolean {
  if (m.datasetFingerprint !== undefined) return m.datasetFingerprint === datasetFingerprint(d);
  return m.nItems === d.stats.movies && m.nUsers === d.stats.users;
}

export type Objective = NonNullable<AlsParams['objective']>;

export const modelId = (datasetId: string, objective: Objective): string => `${datasetId}:${objective}`;

export const objectiveOf = (m: { params: AlsParams }): Objective => m.params.objective ?? 'explicit';

const isCurrentKey = (datasetId: string, key: string) => key === modelId(datasetId, 'explicit') || key === modelId(datasetId, 'implicit');

/**
 * Stores `model` as its dataset's model for its objective (the record's id is set from them), replacing the
 * previous one and any older-format record of the same objective, all in one strict transaction: until it
 * commits the previous model is the one in use.
 */
export async function saveModel(db: DB, model: ModelRecord): Promise<ModelRecord> {
  const objective = objectiveOf(model);
  const rec: ModelRecord = { ...model, id: modelId(model.datasetId, objective) };
  await tx(
    db,
    [STORES.models],
    'readwrite',
    async (t) => {
      const store = t.objectStore(STORES.models);
      for (const key of await store.index('byDataset').getAllKeys(model.datasetId)) {
        if (isCurrentKey(model.datasetId, key)) continue;
        const old = await store.get(key);
        if (old && objectiveOf(old) === objective) await store.delete(key);
      }
      await store.put(rec);
    },
    'strict',
  );
  return rec;
}

/**
 * The dataset's model for `objective` (explicit by default), or undefined when none was trained — or when the one
 * stored was trained on other content than the dataset holds now (the app then trains a new one).
 */
export async function latestModel(db: DB, datasetId: string, objective: Objective = 'explicit'): Promise<ModelRecord | undefined> {
  return tx(db, [STORES.models, STORES.datasets], 'readonly', async (t) => {
    const dataset = await t.objectStore(STORES.datasets).get(datasetId);
    if (!dataset || dataset.status !== 'ready') return undefined;
    const store = t.objectStore(STORES.models);
    const current = await store.get(modelId(datasetId, objective));
    if (current) return modelFits(current, dataset) ? current : undefined;
    // Older-format records only (a current-format record replaces them when saved).
    const legacy: ModelRecord[] = [];
    for (const key of await store.index('byDataset').getAllKeys(datasetId)) {
      if (isCurrentKey(datasetId, key)) continue;
      const m = await store.get(key);
      if (m && objectiveOf(m) === objective && modelFits(m, dataset)) legacy.push(m);
    }
    return legacy.sort((a, b) => b.trainedAt - a.trainedAt)[0];
  });
}
