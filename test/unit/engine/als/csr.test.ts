// Unit tests for CSR construction, seeded holdout / k-fold splits and the PRNG.

import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../../src/engine/als/csr';
import { createRng } from '../../../../src/engine/als/random';
import { foldAssignment, kFold, randomHoldout } from '../../../../src/engine/als/split';
import type { RatingColumns } from '../../../../src/engine/types';

const cols: RatingColumns = {
  users: Int32Array.from([2, 0, 1, 0, 2, 2]),
  items: Int32Array.from([1, 3, 0, 0, 3, 0]),
  ratings: Float32Array.from([1, 2, 3, 4, 5, 0.5]),
  length: 6,
};

describe('buildCsr', () => {
  it('builds both orientations, stable within rows', () => {
    const m = buildCsr(cols, 4, 5);
    expect(m.nnz).toBe(6);
    expect(Array.from(m.byUser.indptr)).toEqual([0, 2, 3, 6, 6]);
    expect(Array.from(m.byUser.indices)).toEqual([3, 0, 0, 1, 3, 0]);
    expect(Array.from(m.byUser.values)).toEqual([2, 4, 3, 1, 5, 0.5]);
    expect(Array.from(m.byItem.indptr)).toEqual([0, 3, 4, 4, 6, 6]);
    expect(Array.from(m.byItem.indices)).toEqual([1, 0, 2, 2, 0, 2]);
    expect(Array.from(m.byItem.values)).toEqual([3, 4, 0.5, 1, 2, 5]);
  });

  it('rejects out-of-range indices', () => {
    expect(() => buildCsr(cols, 2, 5)).toThrow(RangeError);
    expect(() => buildCsr(cols, 3, 3)).toThrow(RangeError);
  });
});

function keys(c: RatingColumns): string[] {
  return Array.from({ length: c.length }, (_, k) => `${c.users[k]}:${c.items[k]}:${c.ratings[k]}`);
}

describe('splits', () => {
  const rng = createRng(1);
  const n = 1001;
  const big: RatingColumns = {
    users: Int32Array.from({ length: n }, (_, k) => k),
    items: Int32Array.from({ length: n }, () => rng.int(50)),
    ratings: Float32Array.from({ length: n }, () => rng.int(10) / 2 + 0.5),
    length: n,
  };

  it('randomHoldout holds out the exact fraction, partitions the input and is seeded', () => {
    const a = randomHoldout(big, 0.1, 7);
    expect(a.test.length).toBe(100);
    expect(a.train.length).toBe(901);
    expect([...keys(a.train), ...keys(a.test)].sort()).toEqual(keys(big).sort());
    const b = randomHoldout(big, 0.1, 7);
    expect(keys(b.test)).toEqual(keys(a.test));
    const c = randomHoldout(big, 0.1, 8);
    expect(keys(c.test)).not.toEqual(keys(a.test));
    expect(randomHoldout(big, 0, 1).test.length).toBe(0);
    expect(() => randomHoldout(big, 1.5, 1)).toThrow(RangeError);
  });

  it('kFold test sets partition the ratings into near-equal folds', () => {
    const seen = new Uint8Array(n);
    const sizes: number[] = [];
    for (let f = 0; f < 5; f++) {
      const { train, test } = kFold(big, 5, f, 3);
      expect(train.length + test.length).toBe(n);
      sizes.push(test.length);
      for (let k = 0; k < test.length; k++) seen[test.users[k]]++; // users[k] is the row id here
    }
    expect(Array.from(seen).every((x) => x === 1)).toBe(true);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(Array.from(foldAssignment(n, 5, 3))).toEqual(Array.from(foldAssignment(n, 5, 3)));
  });
});

describe('createRng', () => {
  it('is deterministic, uniform in [0,1) and roughly standard normal', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 20000 }, () => a.uniform());
    expect(xs).toEqual(Array.from({ length: 20000 }, () => b.uniform()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 2);
    const g = createRng(3);
    const zs = Array.from({ length: 20000 }, () => g.normal());
    const mean = zs.reduce((s, x) => s + x, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((s, x) => s + (x - mean) ** 2, 0) / zs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expect(createRng(1).uniform()).not.toBe(createRng(2).uniform());
  });
});
