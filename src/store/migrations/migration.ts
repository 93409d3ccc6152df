// What one schema migration is: its version number and the step that takes a database one version below up to it.
import type { IDBPDatabase, IDBPTransaction } from 'idb';

/** The database being upgraded, untyped: a migration names its stores as its own version did, not as schema.ts does today. */
export type UpgradeDb = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface Migration {
  /** The schema version this migration produces; it runs on databases older than that. */
  version: number;
  /** What the version changed, in a line. */
  summary: string;
  /**
   * Runs inside the upgrade transaction. It may only await IndexedDB requests of `t` (anything else lets the
   * transaction commit early); a throw or rejection aborts the upgrade and the database stays as it was.
   * Frozen once shipped: store names, record shapes and transforms are its own copies, never the live ones.
   */
  up(db: UpgradeDb, t: UpgradeTx): void | Promise<void>;
}
