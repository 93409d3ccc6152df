// Worker API: importing the bundled sample or a person's MovieLens files into the store.
import { unzipMovieLens, identifyFiles, type InputFile } from '../engine/movielens/files';
import { buildDataset } from '../engine/movielens/dataset';
import { ImportError } from '../engine/movielens/errors';
import { openDb, StorageError } from '../store/db';
import { saveDataset } from '../store/datasets';
import { setMeta } from '../store/meta';
import { ACTIVE_KEY, invalidateServing, summarize } from './state';
import type { DatasetSummary, ImportProgress } from './types';

/** Rethrows as an Error whose message is ready for a person (comlink carries name and message across). */
function explain(e: unknown): never {
  if (e instanceof ImportError || e instanceof StorageError) throw e;
  throw e instanceof Error ? e : new Error(String(e));
}

async function importInputs(
  files: InputFile[],
  meta: { name: string; source: string; bytes: number },
  onProgress: (p: ImportProgress) => void,
  base = 0,
): Promise<DatasetSummary> {
  try {
    const span = 1 - base;
    const found = identifyFiles(files, meta.source);
    const parsed = buildDataset(found, (p) =>
      onProgress({ phase: 'parse', fraction: base + span * 0.6 * (p.bytesDone / p.bytesTotal), rows: p.rows }),
    );
    const db = await openDb();
    const id = `${meta.name}-${Date.now().toString(36)}`;
    const rec = await saveDataset(db, { id, ...meta }, parsed, (w) =>
      onProgress({ phase: 'write', fraction: base + span * (0.6 + 0.4 * (w.rowsWritten / w.rowsTotal)), rows: w.rowsWritten }),
    );
    await setMeta(db, ACTIVE_KEY, rec.id);
    invalidateServing();
    return summarize(rec);
  } catch (e) {
    explain(e);
  }
}

function zipOrFiles(files: InputFile[], label: string): InputFile[] {
  const zips = files.filter((f) => f.path.toLowerCase().endsWith('.zip'));
  if (zips.length > 1) throw new ImportError(label, undefined, 'expected one zip at a time');
  if (zips.length === 1) return unzipMovieLens(zips[0].path, zips[0].bytes);
  return files;
}

/** Imports files a person picked or dropped: one GroupLens zip, or the loose CSV files. */
export async function importFiles(
  files: { name: string; bytes: Uint8Array }[],
  onProgress: (p: ImportProgress) => void,
): Promise<DatasetSummary> {
  const label = files.length === 1 ? files[0].name : `${files.length} files`;
  try {
    const inputs = zipOrFiles(files.map((f) => ({ path: f.name, bytes: f.bytes })), label);
    onProgress({ phase: 'unzip', fraction: 0.05, rows: 0 });
    const root = inputs.find((f) => f.path.includes('/'))?.path.split('/')[0];
    const name = (files.length === 1 ? files[0].name.replace(/\.zip$/i, '') : root) || 'my-movielens';
    const bytes = files.reduce((s, f) => s + f.bytes.length, 0);
    return await importInputs(inputs, { name, source: label, bytes }, onProgress, 0.05);
  } catch (e) {
    explain(e);
  }
}

/** Imports the dataset the build bundled (fetched from the app's own origin). */
export async function importBundled(
  url: string,
  name: string,
  onProgress: (p: ImportProgress) => void,
): Promise<DatasetSummary> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`Could not load the bundled sample ${url}: HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length')) || 0;
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    got += value.length;
    onProgress({ phase: 'download', fraction: total ? 0.1 * Math.min(1, got / total) : 0.05, rows: 0 });
  }
  const zip = new Uint8Array(got);
  let off = 0;
  for (const p of parts) {
    zip.set(p, off);
    off += p.length;
  }
  try {
    const inputs = unzipMovieLens(`${name}.zip`, zip);
    return await importInputs(inputs, { name, source: `bundled:${name}`, bytes: got }, onProgress, 0.1);
  } catch (e) {
    explain(e);
  }
}
