// Storage failures a person must hear about (quota, blocked upgrade), with the sizes behind a quota refusal.

export type StorageErrorKind = 'quota' | 'blocked' | 'other';

/** What was known when the browser or the space check refused a write, in bytes (ratings: a count). */
export interface StorageSizes {
  /** What an import needs, estimated before writing. */
  needBytes?: number;
  /** Free space the browser reported before writing. */
  availableBytes?: number;
  /** What had been written when the browser refused more (all of it since removed), and how many ratings. */
  writtenBytes?: number;
  writtenRatings?: number;
  /** This site's usage and quota as the browser's estimate said. */
  usageBytes?: number;
  quotaBytes?: number;
}

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    readonly sizes: StorageSizes = {},
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
