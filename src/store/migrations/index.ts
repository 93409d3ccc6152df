// Schema migrations as a numbered list: entry N takes a database of version N−1 to N; openDb runs those above its version.
// Adding a version: a new vN.ts here (its own copies of every transform it needs), DB_VERSION = N in schema.ts, and a
// test in test/unit/store/migrations.test.ts that opens a hand-built database of version N−1.
import type { Migration, UpgradeDb, UpgradeTx } from './migration';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';

export type { Migration, UpgradeDb, UpgradeTx } from './migration';

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5];

/**
 * Runs, in order and inside the upgrade transaction, every migration above `oldVersion` (0 for a new database).
 * A failing step logs and aborts the transaction, so the database stays at its old version with nothing lost.
 */
export function runMigrations(db: UpgradeDb, oldVersion: number, t: UpgradeTx): void {
  const run = async () => {
    for (const m of MIGRATIONS) {
      if (m.version <= oldVersion) continue;
      // Synchronous steps run in the same tick as the upgrade callback; an async one is awaited before the next.
      const pending = m.up(db, t);
      if (pending) await pending;
    }
  };
  run().catch((e: unknown) => {
    console.error(`PocketLens: the upgrade from schema ${oldVersion} failed; the database stays as it was`, e);
    try {
      t.abort();
    } catch {
      /* already finished */
    }
  });
}
