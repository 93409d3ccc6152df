// Worker API: importing the bundled sample or a person's MovieLens files into the store, streaming from File to chunks.
import { ImportError } from '../engine/movielens/errors';
import { importRelease, openRelease, type StreamProgress } from '../engine/movielens/importRelease';
import { memorySource, type ByteSource } from '../engine/movielens/source';
import { openDb, StorageError } from '../store/db';
import { finishImport, importWriter } from '../store/datasets';
import { setMeta } from '../store/meta';
import { ensureSpace, isQuotaError, ranOutOfSpace, spaceEstimate } from '../store/quota';
import { estimateImportBytes } from './importSpace';
import { blobSource } from './blobSource';
import { withImportLock } from './importLock';
import { ACTIVE_KEY, invalidateServing, summarize } from './state';
import type { DatasetSummary, ImportFile, ImportProgress } from './apiTypes';

/** Rethrows as an Error whose message is ready for a person (comlink carries name and message across). */
function explain(e: unknown): never {
  if (e instanceof ImportError || e instanceof StorageError) throw e;
  throw e instanceof Error ? e : new Error(String(e));
}

/** Maps the engine's progress onto 0..1 after `base` (0.95 of the span for the ratings file, the rest for finishing). */
function progressMapper(onProgress: (p: ImportProgress) => void, base: number) {
  const span = 1 - base;
  return (p: StreamProgress) => {
    const f = p.bytesTotal ? p.bytesDone / p.bytesTotal : 0;
    const mbPerSecond = p.seconds > 0 ? p.bytesDone / 1e6 / p.seconds : undefined;
    const common = { rows: p.rows, bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, mbPerSecond };
    if (p.stage === 'open') onProgress({ phase: 'unzip', fraction: base, ...common });
    else if (p.stage === 'ratings') {
      const secondsLeft = f > 0 ? (p.seconds * (1 - f)) / f : undefined;
      onProgress({ phase: 'parse', fraction: base + span * 0.95 * f, secondsLeft, ...common });
    } else onProgress({ phase: 'write', fraction: base + span * 0.95, secondsLeft: 0, ...common });
  };
}

/**
 * Streams the sources into a new dataset: written as `importing` (under a Web Lock), flipped to `ready` at the end,
 * deleted on any error. A killed worker leaves an unlocked `importing` record, which the next status() removes.
 */
async function importSources(
  sources: ByteSource[],
  meta: { name: string; source: string; bytes: number },
  onProgress: (p: ImportProgress) => void,
  base: number,
): Promise<DatasetSummary> {
  const db = await openDb();
  const id = `${meta.name}-${Date.now().toString(36)}`;
  // A file over its size ceiling (a zip bomb's declared size) is refused first, before any space estimate or read.
  await openRelease(sources, meta.source);
  // Refused before the first write when the browser's estimate says it cannot fit.
  const need = await estimateImportBytes(sources);
  const before = await ensureSpace(meta.source, need);
  let rows = 0;
  const mapped = progressMapper(onProgress, base);
  const rec = await withImportLock(id, async () => {
    const w = importWriter(db, { id, ...meta });
    try {
      const built = await importRelease(
        sources,
        meta.source,
        w.chunks,
        {
          onProgress: (p) => {
            rows = p.rows;
            mapped(p);
          },
        },
      );
      // Movies (with their statistics) and tags go in as a few blocks with the ready flip, in one transaction.
      const ready = await finishImport(db, await w.begin(), { ...built, chunkBytes: w.chunkBytes() });
      onProgress({ phase: 'write', fraction: 1, rows: built.stats.ratings });
      return ready;
    } catch (e) {
      // What fitted before the refusal (measured before it is removed) is the honest "available" for the message.
      const at = isQuotaError(e) ? await spaceEstimate() : null;
      await w.abandon();
      if (at) throw ranOutOfSpace(meta.source, need, at.usage !== null && before.usage !== null ? at.usage - before.usage : 0, rows);
      throw e;
    }
  });
  await setMeta(db, ACTIVE_KEY, rec.id);
  invalidateServing();
  return summarize(rec);
}

const isFile = (f: ImportFile): f is File => typeof Blob !== 'undefined' && f instanceof Blob;

function sourceOf(f: ImportFile): ByteSource {
  return isFile(f) ? blobSource(f.name, f) : memorySource(f.name, f.bytes);
}

/** Imports files a person picked or dropped: one GroupLens zip, or the loose files of a release. */
export async function importFiles(files: ImportFile[], onProgress: (p: ImportProgress) => void): Promise<DatasetSummary> {
  const label = files.length === 1 ? files[0].name : `${files.length} files`;
  try {
    onProgress({ phase: 'unzip', fraction: 0.05, rows: 0 });
    const zip = files.find((f) => f.name.toLowerCase().endsWith('.zip'));
    const name = (zip ?? (files.length === 1 ? files[0] : null))?.name.replace(/\.zip$/i, '') || 'my-movielens';
    const bytes = files.reduce((s, f) => s + (isFile(f) ? f.size : f.bytes.length), 0);
    return await importSources(files.map(sourceOf), { name, source: label, bytes }, onProgress, 0.05);
  } catch (e) {
    explain(e);
  }
}

/** Imports the dataset the build bundled (fetched from the app's own origin). */
export async function importBundled(url: string, name: string, onProgress: (p: ImportProgress) => void): Promise<DatasetSummary> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`Could not load the bundled sample ${url}: HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length')) || 0;
  const reader = res.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    got += value.length;
    onProgress({ phase: 'download', fraction: total ? 0.1 * Math.min(1, got / total) : 0.05, rows: 0 });
  }
  try {
    return await importSources([blobSource(`${name}.zip`, new Blob(parts))], { name, source: `bundled:${name}`, bytes: got }, onProgress, 0.1);
  } catch (e) {
    explain(e);
  }
}
