// The one door to IndexedDB: opening (with migrations) and the tx() helper every store module uses.
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, DB_VERSION, STORES, type PocketLensDB, type StoreName } from './schema';
import { runMigrations, type UpgradeDb, type UpgradeTx } from './migrations';
import { emitDbEvent } from './dbEvents';
import { isQuotaError, quotaError } from './quota';
import { StorageError } from './storageError';

export type DB = IDBPDatabase<PocketLensDB>;

const opened = new Map<string, Promise<DB>>();
/**
 * Databases another tab upgraded (to the version given; null: deleted) or the browser closed ('closed': site data
 * cleared, or a storage failure) under this context: never reopened here (that would make a new, empty one).
 */
const replaced = new Map<string, number | null | 'closed'>();

export function openDb(name = DB_NAME): Promise<DB> {
  if (replaced.has(name)) {
    const gone = replaced.get(name);
    const what = gone === 'closed' ? 'closed by the browser (this site\'s data may have been cleared)' : `${gone === null ? 'deleted' : 'updated'} by another tab`;
    return Promise.reject(new StorageError('blocked', `PocketLens's storage was ${what}: reload this tab to go on.`));
  }
  let p = opened.get(name);
  if (!p) {
    let wasBlocked = false;
    p = openDB<PocketLensDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        // The numbered list in migrations/: each step names the stores as its own version had them.
        runMigrations(db as unknown as UpgradeDb, oldVersion, transaction as unknown as UpgradeTx);
      },
      blocked() {
        // An older tab keeps a connection open and did not close it on `versionchange`: say so to the person.
        wasBlocked = true;
        console.warn('PocketLens: database upgrade is waiting for another tab to close');
        emitDbEvent({ type: 'db-blocked', version: DB_VERSION });
      },
      blocking(currentVersion, blockedVersion, event) {
        // Another tab opens a newer version (or deletes the database): close at once so it can go on, and have
        // the pages of this version tell the person to reload. Nothing is lost: no write is left half-done
        // (transactions already running finish first; the next one fails with a clear message).
        replaced.set(name, blockedVersion);
        opened.delete(name);
        (event.target as IDBDatabase).close();
        emitDbEvent({ type: 'db-versionchange', oldVersion: currentVersion, newVersion: blockedVersion });
      },
      terminated() {
        // The browser closed the connection itself (this site's data cleared, the disk gone): what this tab shows
        // may no longer be stored, and opening again would quietly start an empty database. Say so instead.
        replaced.set(name, 'closed');
        opened.delete(name);
        emitDbEvent({ type: 'db-closed' });
      },
    });
    p = p.then((d) => {
      if (wasBlocked) emitDbEvent({ type: 'db-opened', version: DB_VERSION });
      return d;
    });
    p.catch(() => opened.delete(name));
    opened.set(name, p);
  }
  return p;
}

/** Closes and forgets a database handle (tests, deletion). */
export async function closeDb(name = DB_NAME): Promise<void> {
  const p = opened.get(name);
  opened.delete(name);
  if (p) (await p).close();
}

type Tx<S extends StoreName[], M extends IDBTransactionMode> = IDBPTransaction<PocketLensDB, S, M>;

/**
 * Runs `fn` in one transaction and resolves after it commits. Quota errors become StorageError('quota').
 * Person-made data uses 'strict' durability; bulk dataset writes may pass 'relaxed'.
 */
export async function tx<S extends StoreName[], M extends IDBTransactionMode, T>(
  db: DB,
  stores: S,
  mode: M,
  fn: (t: Tx<S, M>) => Promise<T> | T,
  durability: 'strict' | 'relaxed' | 'default' = 'default',
): Promise<T> {
  const t = db.transaction(stores, mode, { durability }) as Tx<S, M>;
  const done = t.done;
  done.catch(() => {}); // observed below; this only keeps an abort from surfacing as unhandled
  try {
    const result = await fn(t);
    await done;
    return result;
  } catch (e) {
    try {
      t.abort();
    } catch {
      /* already finished */
    }
    // A refused commit rejects the requests with AbortError; the transaction's own error says it was the quota.
    if (isQuotaError(e) || isQuotaError(t.error)) throw await quotaError();
    throw e;
  }
}
