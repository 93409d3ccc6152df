// Page-side part of `bench import`: the app's own readRatings (bundled by bench/import.ts) reading the imported dataset back.
import { openDb, tx } from '../src/store/db';
import { listDatasets, readRatings } from '../src/store/datasets';
import { STORES } from '../src/store/schema';

/** training: readRatings as training calls it (users, items, stars); full: with the timestamps; idb: the same gets, results dropped. */
export type ReadBackMode = 'training' | 'full' | 'idb';

export interface ReadBackResult {
  mode: ReadBackMode;
  seconds: number;
  rows: number;
  chunks: number;
  /** Bytes of typed arrays in the chunk records (idb mode). */
  chunkBytes: number;
  timings: unknown;
}

async function readBack(mode: ReadBackMode): Promise<ReadBackResult> {
  const db = await openDb();
  const d = (await listDatasets(db)).at(-1)!;
  const t0 = performance.now();
  let rows = 0;
  let chunkBytes = 0;
  if (mode === 'idb') {
    await tx(db, [STORES.ratingChunks], 'readonly', async (t) => {
      const s = t.objectStore(STORES.ratingChunks);
      const pending: Promise<unknown>[] = [];
      const take = async () => {
        const c = (await pending.shift()) as Record<string, unknown>;
        rows += c.length as number;
        for (const v of Object.values(c)) if (ArrayBuffer.isView(v)) chunkBytes += v.byteLength;
      };
      for (let seq = 0; seq < d.chunkCount; seq++) {
        pending.push(s.get([d.id, seq]));
        if (pending.length > 6) await take();
      }
      while (pending.length) await take();
    });
  } else rows = (await readRatings(db, d, { timestamps: mode === 'full' })).length;
  return { mode, seconds: (performance.now() - t0) / 1000, rows, chunks: d.chunkCount, chunkBytes, timings: d.importTimings ?? null };
}

(globalThis as unknown as { __readBack: typeof readBack }).__readBack = readBack;
