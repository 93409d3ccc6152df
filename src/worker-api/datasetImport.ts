// The one path every import (a MovieLens release, a Spark model) writes a new dataset through: the inputs as byte
// sources, the id, the space check before the first write, the import lock, clean-up on any error, the active switch.
import { importRelease, type ImportedRelease, type StreamProgress } from '../engine/movielens/importRelease';
import { memorySource, type ByteSource } from '../engine/movielens/source';
import { openDb, type DB } from '../store/db';
import { finishImport, importWriter, type FinishInput } from '../store/datasets';
import { setMeta } from '../store/meta';
import { ensureSpace, isQuotaError, ranOutOfSpace, spaceEstimate } from '../store/quota';
import type { DatasetRecord } from '../store/schema';
import { blobSource } from './blobSource';
import { withImportLock } from './importLock';
import { ACTIVE_KEY, invalidateServing } from './state';
import type { ImportFile, ImportProgress } from './apiTypes';

export const isFile = (f: ImportFile): f is File => typeof Blob !== 'undefined' && f instanceof Blob;

export const sizeOf = (f: ImportFile): number => (isFile(f) ? f.size : f.bytes.length);

/** The whole file in memory (only for files read whole: Spark's part files and zips). */
export const bytesOf = async (f: ImportFile): Promise<Uint8Array> => (isFile(f) ? new Uint8Array(await f.arrayBuffer()) : f.bytes);

/** A File is read in slices on demand; bytes already in memory are served from memory. */
export function sourceOf(f: ImportFile): ByteSource {
  return isFile(f) ? blobSource(f.name, f) : memorySource(f.name, f.bytes);
}

/**
 * Maps the streaming import's progress onto `from`..`to` of the whole job: the ratings file's bytes fill the span
 * (with rate and time left), opening reports `from` and finishing reports `to`.
 */
export function progressMapper(onProgress: (p: ImportProgress) => void, from: number, to: number): (p: StreamProgress) => void {
  return (p) => {
    const f = p.bytesTotal ? p.bytesDone / p.bytesTotal : 0;
    const mbPerSecond = p.seconds > 0 ? p.bytesDone / 1e6 / p.seconds : undefined;
    const common = { rows: p.rows, bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, mbPerSecond };
    if (p.stage === 'open') onProgress({ phase: 'unzip', fraction: from, ...common });
    else if (p.stage === 'ratings') {
      const secondsLeft = f > 0 ? (p.seconds * (1 - f)) / f : undefined;
      onProgress({ phase: 'parse', fraction: from + (to - from) * f, secondsLeft, ...common });
    } else onProgress({ phase: 'write', fraction: to, secondsLeft: 0, ...common });
  };
}

export interface ImportTarget {
  /** Dataset name; the id is the name plus the time. */
  name: string;
  /** What the person picked, as messages name it ("ml-25m.zip", "3 files", "Spark ALS: …"). */
  source: string;
  /** Bytes of the inputs, kept on the record. */
  bytes: number;
  /** Estimated bytes the import adds to IndexedDB: refused up front when the browser's estimate leaves less. */
  needBytes: number;
}

/** What an import's writing step gets: the database, the new dataset's id, and the two ways to write it. */
export interface ImportJob {
  db: DB;
  id: string;
  /** Streams a release's files into rating chunks (the `importing` record goes in before the first one). */
  streamRelease(sources: ByteSource[], onProgress: (p: StreamProgress) => void): Promise<ImportedRelease>;
  /** The movie blocks, the tag blocks and the flip to `ready`, in one strict transaction: the record as written. */
  finish(built: FinishInput): Promise<DatasetRecord>;
}

/**
 * Runs `write` as a new dataset's import: refused before anything is written when it does not fit, then under the
 * dataset's Web Lock; any error deletes what was written (a quota refusal midway becomes a message with the sizes).
 * A killed worker leaves an unlocked `importing` record, which the next status() removes. On success the dataset
 * becomes the active one and serving reloads.
 */
export async function writeImport<T extends { ready: DatasetRecord }>(target: ImportTarget, write: (job: ImportJob) => Promise<T>): Promise<T> {
  const db = await openDb();
  const id = `${target.name}-${Date.now().toString(36)}`;
  const before = await ensureSpace(target.source, target.needBytes);
  let rows = 0;
  const result = await withImportLock(id, async () => {
    const w = importWriter(db, { id, name: target.name, source: target.source, bytes: target.bytes });
    const job: ImportJob = {
      db,
      id,
      streamRelease: (sources, onProgress) =>
        importRelease(sources, target.source, w.chunks, {
          onProgress: (p) => {
            rows = p.rows;
            onProgress(p);
          },
        }),
      finish: async (built) => finishImport(db, await w.begin(), { ...built, chunkBytes: w.chunkBytes() }),
    };
    try {
      return await write(job);
    } catch (e) {
      // What fitted before the refusal (measured before it is removed) is the honest "available" for the message.
      const at = isQuotaError(e) ? await spaceEstimate() : null;
      await w.abandon();
      if (at) throw ranOutOfSpace(target.source, target.needBytes, at.usage !== null && before.usage !== null ? at.usage - before.usage : 0, rows);
      throw e;
    }
  });
  await setMeta(db, ACTIVE_KEY, result.ready.id);
  invalidateServing();
  return result;
}
