// What the database connection tells the rest of the app (an upgrade blocked, replaced by a newer tab, opened after all), through one sink.

export type DbEvent =
  /** This context's connection closed because another tab opened version `newVersion` (null: deleted). */
  | { type: 'db-versionchange'; oldVersion: number; newVersion: number | null }
  /** An upgrade to `version` waits for other tabs' connections to close. */
  | { type: 'db-blocked'; version: number }
  /** A database open at `version` succeeded after being blocked (clears a blocked notice). */
  | { type: 'db-opened'; version: number }
  /** The browser closed this context's connection itself (site data cleared, a storage failure). */
  | { type: 'db-closed' };

let sink: (e: DbEvent) => void = () => {};

/** Where database events go: the engine worker sends them to every tab (see src/worker-api/engineApi.ts). */
export function setDbEventSink(fn: (e: DbEvent) => void): void {
  sink = fn;
}

export function emitDbEvent(e: DbEvent): void {
  try {
    sink(e);
  } catch {
    /* telling the tabs must never break opening the database */
  }
}
