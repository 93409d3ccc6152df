// Worker API: importing the bundled sample or a person's MovieLens files into the store, streaming from File to chunks.
import { ImportError } from '../engine/movielens/errors';
import { openRelease } from '../engine/movielens/importRelease';
import type { ByteSource } from '../engine/movielens/source';
import { StorageError } from '../store/storageError';
import { estimateImportBytes } from './importSpace';
import { blobSource } from './blobSource';
import { progressMapper, sizeOf, sourceOf, writeImport } from './datasetImport';
import { summarize } from './state';
import type { DatasetSummary, ImportFile, ImportProgress } from './apiTypes';

/** Rethrows as an Error whose message is ready for a person (ImportError and StorageError cross comlink with their fields). */
function explain(e: unknown): never {
  if (e instanceof ImportError || e instanceof StorageError) throw e;
  throw e instanceof Error ? e : new Error(String(e));
}

/**
 * Streams the sources into a new dataset through the one import path (space check, lock, `importing` → `ready`,
 * deleted on any error). The ratings file fills 0.95 of the progress after `base`, finishing the rest.
 */
async function importSources(
  sources: ByteSource[],
  meta: { name: string; source: string; bytes: number },
  onProgress: (p: ImportProgress) => void,
  base: number,
): Promise<DatasetSummary> {
  // A file over its size ceiling (a zip bomb's declared size) is refused first, before any space estimate or read.
  await openRelease(sources, meta.source);
  const needBytes = await estimateImportBytes(sources);
  const { ready } = await writeImport({ ...meta, needBytes }, async (job) => {
    const built = await job.streamRelease(sources, progressMapper(onProgress, base, base + (1 - base) * 0.95));
    // Movies (with their statistics) and tags go in as a few blocks with the ready flip, in one transaction.
    const done = await job.finish(built);
    onProgress({ phase: 'write', fraction: 1, rows: built.stats.ratings });
    return { ready: done };
  });
  return summarize(ready);
}

/** Imports files a person picked or dropped: one GroupLens zip, or the loose files of a release. */
export async function importFiles(files: ImportFile[], onProgress: (p: ImportProgress) => void): Promise<DatasetSummary> {
  const label = files.length === 1 ? files[0].name : `${files.length} files`;
  try {
    onProgress({ phase: 'unzip', fraction: 0.05, rows: 0 });
    const zip = files.find((f) => f.name.toLowerCase().endsWith('.zip'));
    const name = (zip ?? (files.length === 1 ? files[0] : null))?.name.replace(/\.zip$/i, '') || 'my-movielens';
    const bytes = files.reduce((s, f) => s + sizeOf(f), 0);
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
