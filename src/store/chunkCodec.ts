// Rating chunks in their stored (v3) form and back: users as runs, items as Uint16 where they fit, stars 4 bits, timestamps apart.
import type { DatasetRatings, RatingChunk } from '../engine/movielens/datasetTypes';
import type { RatingColumns } from '../engine/types';
import type { RatingChunkRecord, RatingChunkRecordV2, RatingTimesRecord } from './schema';

/** The chunk record (what training reads) and its timestamps record, for one engine chunk. */
export function encodeChunk(dataset: string, c: RatingChunk): { chunk: RatingChunkRecord; times: RatingTimesRecord } {
  const n = c.length;
  const users = c.users.subarray(0, n);
  let runs = n > 0 ? 1 : 0;
  for (let k = 1; k < n; k++) if (users[k] !== users[k - 1]) runs++;
  const items = c.items.subarray(0, n);
  let max = 0;
  for (let k = 0; k < n; k++) if (items[k] > max) max = items[k];
  const x2 = c.ratingsX2;
  const halfStars = new Uint8Array((n + 1) >> 1);
  for (let k = 0; k < n; k++) {
    if (x2[k] > 15) throw new RangeError(`rating chunk ${c.seq}: ${x2[k] / 2} stars do not fit the stored form (at most 7.5)`);
    halfStars[k >> 1] |= k & 1 ? x2[k] << 4 : x2[k];
  }
  const chunk: RatingChunkRecord = { dataset, seq: c.seq, length: n, items: max < 65536 ? new Uint16Array(items) : items.slice(), halfStars };
  if (runs * 2 < n) {
    const r = new Int32Array(runs * 2);
    let w = -2;
    for (let k = 0; k < n; k++) {
      if (k === 0 || users[k] !== users[k - 1]) {
        w += 2;
        r[w] = users[k];
      }
      r[w + 1]++;
    }
    chunk.userRuns = r;
  } else chunk.users = users.slice();
  return { chunk, times: { dataset, seq: c.seq, timestamps: c.timestamps.slice(0, n) } };
}

export function isV2(rec: RatingChunkRecord | RatingChunkRecordV2): rec is RatingChunkRecordV2 {
  return (rec as RatingChunkRecordV2).timestamps !== undefined;
}

/** Writes a stored chunk's users, items and stars into `out` from row `off` (out must have room). */
export function decodeInto(rec: RatingChunkRecord | RatingChunkRecordV2, out: RatingColumns, off: number): void {
  const n = rec.length;
  const runs = isV2(rec) ? undefined : rec.userRuns;
  if (runs) {
    const r = runs;
    let at = off;
    for (let j = 0; j < r.length; j += 2) {
      out.users.fill(r[j], at, at + r[j + 1]);
      at += r[j + 1];
    }
  } else out.users.set(rec.users!.subarray(0, n), off);
  out.items.set(rec.items.subarray(0, n), off);
  const stars = out.ratings;
  if (isV2(rec)) {
    const x2 = rec.ratingsX2;
    for (let i = 0; i < n; i++) stars[off + i] = x2[i] * 0.5;
    return;
  }
  const h = rec.halfStars;
  const pairs = n >> 1;
  for (let j = 0, i = off; j < pairs; j++, i += 2) {
    const b = h[j];
    stars[i] = (b & 15) * 0.5;
    stars[i + 1] = (b >> 4) * 0.5;
  }
  if (n & 1) stars[off + n - 1] = (h[pairs] & 15) * 0.5;
}

/** Half-star units (0 = dropped) of a v3 chunk's rows. */
function unpackHalfStars(h: Uint8Array, n: number): Uint8Array {
  const x2 = new Uint8Array(n);
  for (let k = 0; k < n; k++) x2[k] = k & 1 ? h[k >> 1] >> 4 : h[k >> 1] & 15;
  return x2;
}

/** The engine chunk back from a stored chunk and (v3) its timestamps record. */
export function decodeChunk(rec: RatingChunkRecord | RatingChunkRecordV2, times: RatingTimesRecord | undefined): RatingChunk {
  const n = rec.length;
  if (isV2(rec)) {
    const { dataset: _d, ...c } = rec;
    return c;
  }
  const cols: DatasetRatings = { users: new Int32Array(n), items: new Int32Array(n), ratings: new Float32Array(n), timestamps: new Float64Array(0), length: n };
  decodeInto(rec, cols, 0);
  if (!times) throw new Error(`the timestamps of rating chunk ${rec.seq} of ${rec.dataset} are missing`);
  return { seq: rec.seq, length: n, users: cols.users, items: cols.items, ratingsX2: unpackHalfStars(rec.halfStars, n), timestamps: times.timestamps };
}

/** Bytes a stored chunk (and its timestamps) takes in typed arrays. */
export function chunkBytes(rec: RatingChunkRecord, times?: RatingTimesRecord): number {
  return rec.items.byteLength + rec.halfStars.byteLength + (rec.users?.byteLength ?? 0) + (rec.userRuns?.byteLength ?? 0) + (times?.timestamps.byteLength ?? 0);
}
