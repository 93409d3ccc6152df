// Sorted columnar id blocks against a plain Map: random sets, single changes and bulk merges give the same rows, and
// every block keeps its invariants (sorted, within its range, never empty, split past the maximum).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ID_BLOCK, ID_BLOCK_MAX, findId, fromIdBlocks, mergeRows, rowOf, rowsFrom, toIdBlocks, withRow, type IdBlock } from '../../../src/store/idBlocks';
import { fuzzParams } from '../../fuzz';

const COLS = ['a', 'b'] as const;
type Block = IdBlock<'a' | 'b'>;

/** Blocks as the store would hold them after `ops`, applied the way setRating applies one change. */
function apply(blocks: Block[], id: number, values: { a: number; b: number } | null): Block[] {
  const sorted = [...blocks].sort((x, y) => x.start - y.start);
  const holder = sorted.filter((b) => b.start <= id).at(-1);
  if (!holder) {
    if (values === null) return blocks;
    return [...blocks, { start: 0, ids: new Float64Array([id]), a: new Float64Array([values.a]), b: new Float64Array([values.b]) }];
  }
  return [...blocks.filter((b) => b !== holder), ...withRow(holder, COLS, id, values)];
}

function checkInvariants(blocks: Block[]): void {
  const sorted = [...blocks].sort((x, y) => x.start - y.start);
  expect(new Set(sorted.map((b) => b.start)).size).toBe(sorted.length);
  sorted.forEach((b, k) => {
    expect(b.ids.length).toBeGreaterThan(0);
    expect(b.ids.length).toBeLessThanOrEqual(ID_BLOCK_MAX);
    expect(b.a.length).toBe(b.ids.length);
    expect(b.b.length).toBe(b.ids.length);
    for (let i = 1; i < b.ids.length; i++) expect(b.ids[i]).toBeGreaterThan(b.ids[i - 1]);
    expect(b.ids[0]).toBeGreaterThanOrEqual(b.start);
    if (k + 1 < sorted.length) expect(b.ids.at(-1)!).toBeLessThan(sorted[k + 1].start);
  });
}

const asMap = (blocks: Block[]) => {
  const r = fromIdBlocks(blocks, COLS);
  return new Map(Array.from(r.ids, (id, k) => [id, { a: r.a[k], b: r.b[k] }]));
};

const idArb = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 300_000 }), fc.constant(Number.MAX_SAFE_INTEGER));
const valuesArb = fc.option(fc.record({ a: fc.double({ noNaN: true }), b: fc.integer() }), { nil: null, freq: 4 });

describe('id blocks', () => {
  test('single changes (set, replace, remove) give the same rows as a Map, blocks keep their invariants', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, valuesArb), { maxLength: 300 }), (ops) => {
        let blocks: Block[] = [];
        const model = new Map<number, { a: number; b: number }>();
        for (const [id, v] of ops) {
          blocks = apply(blocks, id, v);
          if (v === null) model.delete(id);
          else model.set(id, v);
        }
        checkInvariants(blocks);
        expect(asMap(blocks)).toEqual(model);
      }),
      fuzzParams(200),
    );
  });

  test('bulk: blocks of ID_BLOCK from 0, back to the same rows; a merge equals the Map; changes after a bulk write stay valid', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1e9 }), { maxLength: 3 * ID_BLOCK + 17, minLength: 0 }), fc.array(fc.tuple(idArb, valuesArb), { maxLength: 50 }), (ids, changes) => {
        const recs = ids.map((id, k) => ({ id, a: k / 3, b: -k }));
        const rows = rowsFrom(recs, (r) => r.id, COLS);
        let blocks = toIdBlocks(rows, COLS);
        expect(blocks.map((b) => b.ids.length)).toEqual(Array.from({ length: Math.ceil(ids.length / ID_BLOCK) }, (_, k) => Math.min(ID_BLOCK, ids.length - k * ID_BLOCK)));
        if (blocks.length) expect(blocks[0].start).toBe(0);
        checkInvariants(blocks);
        const model = new Map(recs.map((r) => [r.id, { a: r.a, b: r.b }]));
        expect(asMap(blocks)).toEqual(model);
        const merged = mergeRows(rows, COLS, changes.map(([id, values]) => ({ id, values })));
        const want = new Map(model);
        for (const [id, v] of changes) {
          if (v === null) want.delete(id);
          else want.set(id, v);
        }
        expect(asMap(toIdBlocks(merged, COLS))).toEqual(want);
        for (const [id, v] of changes) blocks = apply(blocks, id, v);
        checkInvariants(blocks);
        expect(asMap(blocks)).toEqual(want);
      }),
      fuzzParams(60),
    );
  });

  test('a block that grows past the maximum splits into two halves keyed by their first ids', () => {
    let blocks: Block[] = [];
    for (let i = 0; i <= ID_BLOCK_MAX; i++) blocks = apply(blocks, 10 * i + 5, { a: i, b: 0 });
    expect(blocks.map((b) => [b.start, b.ids.length])).toEqual([
      [0, (ID_BLOCK_MAX + 1) >> 1],
      [10 * ((ID_BLOCK_MAX + 1) >> 1) + 5, ID_BLOCK_MAX + 1 - ((ID_BLOCK_MAX + 1) >> 1)],
    ]);
    expect(rowOf(blocks[1], COLS, 10 * ID_BLOCK_MAX + 5)).toEqual({ a: ID_BLOCK_MAX, b: 0 });
    // Removing every row of a block deletes it.
    const last = blocks[1];
    let rest = blocks;
    for (const id of last.ids) rest = apply(rest, id, null);
    expect(rest).toHaveLength(1);
  });

  test('findId: index when present, −(insertion point)−1 when absent', () => {
    const ids = new Float64Array([2, 4, 8]);
    expect([0, 2, 3, 4, 8, 9].map((x) => findId(ids, x))).toEqual([-1, 0, -2, 1, 2, -4]);
  });
});
