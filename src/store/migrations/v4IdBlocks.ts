// Frozen copy of the id-block cutter as schema 4 shipped it (the live store/idBlocks.ts may change; this must not).

export const V4_ID_BLOCK = 4096;

/**
 * Rows given as ids (any order, unique) and named columns → blocks of 4,096 rows sorted by id: `{ start, ids, ...columns }`,
 * Float64Array columns; the first block starts at 0, each next one at its first id.
 */
export function toV4Blocks(ids: number[], columns: Record<string, number[]>): Record<string, number | Float64Array>[] {
  const order = ids.map((_, k) => k).sort((a, b) => ids[a] - ids[b]);
  const names = Object.keys(columns);
  const out: Record<string, number | Float64Array>[] = [];
  for (let a = 0; a < order.length; a += V4_ID_BLOCK) {
    const part = order.slice(a, a + V4_ID_BLOCK);
    const block: Record<string, number | Float64Array> = { start: a === 0 ? 0 : ids[part[0]], ids: Float64Array.from(part, (k) => ids[k]) };
    for (const n of names) block[n] = Float64Array.from(part, (k) => columns[n][k]);
    out.push(block);
  }
  return out;
}
