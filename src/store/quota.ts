// Storage space: the browser's estimate, a check before a big write, and quota errors turned into messages a person can act on.
import { StorageError } from './storageError';

export interface SpaceEstimate {
  /** Bytes this site uses and may use (navigator.storage.estimate()); null where the browser does not say. */
  usage: number | null;
  quota: number | null;
}

const storage = (): StorageManager | undefined => (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;

export async function spaceEstimate(): Promise<SpaceEstimate> {
  const e = await storage()?.estimate().catch(() => null);
  return { usage: e?.usage ?? null, quota: e?.quota ?? null };
}

/** Bytes as a person reads them: "840 KB", "12.5 MB", "3.1 GB". */
export function formatBytes(n: number): string {
  const v = Math.max(0, n);
  if (v < 1e6) return `${Math.max(1, Math.round(v / 1e3))} KB`;
  if (v < 1e9) return `${(v / 1e6).toFixed(v < 1e8 ? 1 : 0)} MB`;
  return `${(v / 1e9).toFixed(1)} GB`;
}

const HOW_TO_FREE = 'Delete a dataset you no longer use on the Data screen, or allow this site more storage in the browser settings.';

/** Whether `e` (or the transaction error behind it) is the browser refusing to store more. */
export function isQuotaError(e: unknown): boolean {
  if (e instanceof StorageError) return e.kind === 'quota';
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError';
}

/** The message for a write refused for lack of space, with what is used and allowed when the browser says. */
export async function quotaError(): Promise<StorageError> {
  const { usage, quota } = await spaceEstimate();
  if (usage === null || quota === null) return new StorageError('quota', `Storage is full. ${HOW_TO_FREE}`);
  const numbers = `: this site uses ${formatBytes(usage)} of the ${formatBytes(quota)} the browser allows it`;
  return new StorageError('quota', `Storage is full${numbers}. ${HOW_TO_FREE}`, { usageBytes: usage, quotaBytes: quota });
}

/** The message for an import (or restore) that does not fit (checked before writing): how much it needs and how much is left. */
export function notEnoughSpace(what: string, needBytes: number, availableBytes: number, verb: 'import' | 'restore' = 'import'): StorageError {
  return new StorageError(
    'quota',
    `Not enough storage to ${verb} ${what}: it needs about ${formatBytes(needBytes)} and ${formatBytes(availableBytes)} is available to this site. Nothing was changed. ${HOW_TO_FREE}`,
    { needBytes, availableBytes },
  );
}

/**
 * The message for an import the browser stopped midway (its estimate of free space was too hopeful, or another tab
 * wrote meanwhile): what it needs and how much could be written before the refusal, all of it since removed.
 */
export function ranOutOfSpace(what: string, needBytes: number, writtenBytes: number, rows: number): StorageError {
  return new StorageError(
    'quota',
    `Not enough storage to import ${what}: it needs about ${formatBytes(needBytes)} and only ${formatBytes(writtenBytes)} could be written before the browser refused more (after ${rows.toLocaleString('en')} ratings). Nothing was changed. ${HOW_TO_FREE}`,
    { needBytes, writtenBytes, writtenRatings: rows },
  );
}

/** Throws notEnoughSpace() when the browser's estimate leaves less than `needBytes`; returns the estimate it used. */
export async function ensureSpace(what: string, needBytes: number, verb: 'import' | 'restore' = 'import'): Promise<SpaceEstimate> {
  const e = await spaceEstimate();
  if (e.usage !== null && e.quota !== null) {
    const available = Math.max(0, e.quota - e.usage);
    if (needBytes > available) throw notEnoughSpace(what, needBytes, available, verb);
  }
  return e;
}
