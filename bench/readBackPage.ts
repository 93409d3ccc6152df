// Page-side part of `bench import`: the app's own readRatings (bundled by bench/import.ts) reading the imported dataset back.
import { openDb, tx } from '../src/store/db';
import { listDatasets, readRatings } from '../src/store/datasets';
import { STORES } from '../src/store/schema';

export interface ReadBackResult {
  /** readRatings as training calls it (users, items, stars), and with the timestamps too. */
  trainingSeconds: number;
  withTimestampsSeconds: number;
  /** The same chunk gets as readRatings (6 ahead), results dropped: IndexedDB and structured clone alone. */
  idbOnlySeconds: number;
  rows: number;
  chunks: number;
  chunkBytes: number;
  timings: unknown;
}

async function readBack(): Promise<ReadBackResult> {
  const db = await openDb();
  const d = (await listDatasets(db)).at(-1)!;
  let t0 = performance.now();
  let chunkBytes = 0;
  await tx(db, [STORES.ratingChunks], 'readonly', async (t) => {
    const s = t.objectStore(STORES.ratingChunks);
    const pending: Promise<unknown>[] = [];
    const take = async () => {
      const c = (await pending.shift()) as Record<string, unknown>;
      for (const v of Object.values(c)) if (ArrayBuffer.isView(v)) chunkBytes += v.byteLength;
    };
    for (let seq = 0; seq < d.chunkCount; seq++) {
      pending.push(s.get([d.id, seq]));
      if (pending.length > 6) await take();
    }
    while (pending.length) await take();
  });
  const idbOnlySeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const training = await readRatings(db, d, { timestamps: false });
  const trainingSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const full = await readRatings(db, d);
  const withTimestampsSeconds = (performance.now() - t0) / 1000;
  if (full.length !== training.length) throw new Error('the two reads disagree');
  return { trainingSeconds, withTimestampsSeconds, idbOnlySeconds, rows: training.length, chunks: d.chunkCount, chunkBytes, timings: d.importTimings ?? null };
}

(globalThis as unknown as { __readBack: typeof readBack }).__readBack = readBack;
