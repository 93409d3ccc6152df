// Small key/value settings (active dataset, …).
import { tx, type DB } from './db';
import { STORES } from './schema';

export async function getMeta<T>(db: DB, key: string): Promise<T | undefined> {
  const r = await tx(db, [STORES.meta], 'readonly', (t) => t.objectStore(STORES.meta).get(key));
  return r?.value as T | undefined;
}

export async function setMeta(db: DB, key: string, value: unknown): Promise<void> {
  await tx(db, [STORES.meta], 'readwrite', (t) => t.objectStore(STORES.meta).put({ key, value }), 'strict');
}
