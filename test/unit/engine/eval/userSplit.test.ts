// Per-user holdout keeps every test user in training; explicit train/test files share one id mapping.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { perUserHoldout, perUserLatest } from '../../../../src/engine/eval/userSplit';
import { plantedLowRank } from '../../../../src/engine/synth';
import { formatOf, loadSplit } from '../../../../src/cli/loadSplit';

describe('perUserLatest', () => {
  test("holds out each user's newest ratings, at least one left for training", () => {
    const rows = [
      [0, 1, 10],
      [0, 2, 30],
      [0, 3, 20],
      [0, 4, 40],
      [0, 5, 50],
      [1, 1, 5],
    ];
    const c = { users: Int32Array.from(rows, (r) => r[0]), items: Int32Array.from(rows, (r) => r[1]), ratings: new Float32Array(rows.length).fill(4), length: rows.length };
    const { train, test: held } = perUserLatest(c, rows.map((r) => r[2]), 2, 0.4);
    expect(Array.from(held.items)).toEqual([4, 5]);
    expect(Array.from(train.items)).toEqual([1, 2, 3, 1]);
  });
});

describe('perUserHoldout', () => {
  test('holds out ~10% of each user with at least one left for training, seeded', () => {
    const d = plantedLowRank({ users: 50, items: 60, rank: 2, density: 0.3, noise: 0.1, seed: 2 });
    const { train, test: held } = perUserHoldout(d.columns, d.nUsers, 0.1, 7);
    expect(train.length + held.length).toBe(d.columns.length);
    const per = (c: typeof train) => {
      const n = new Array(d.nUsers).fill(0);
      for (let k = 0; k < c.length; k++) n[c.users[k]]++;
      return n;
    };
    const all = per(d.columns);
    const t = per(held);
    const tr = per(train);
    for (let u = 0; u < d.nUsers; u++) {
      if (all[u] >= 2) {
        expect(t[u]).toBe(Math.min(all[u] - 1, Math.max(1, Math.round(0.1 * all[u]))));
        expect(tr[u]).toBeGreaterThan(0);
      }
    }
    expect(perUserHoldout(d.columns, d.nUsers, 0.1, 7).test.items).toEqual(held.items);
  });
});

describe('loadSplit', () => {
  test('u1.base/u1.test (tab separated) map users and movies consistently across both files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'split-'));
    writeFileSync(join(dir, 'u1.base'), '1\t10\t5\t881250949\n2\t20\t3\t891717742\n1\t20\t4\t878887116\n');
    writeFileSync(join(dir, 'u1.test'), '2\t10\t2\t880606923\n3\t30\t1\t886397596\n');
    const s = loadSplit(join(dir, 'u1.base'), join(dir, 'u1.test'));
    expect([s.nUsers, s.nItems]).toEqual([3, 3]);
    expect(Array.from(s.train.users)).toEqual([0, 1, 0]);
    expect(Array.from(s.test.users)).toEqual([1, 2]);
    expect(Array.from(s.test.items)).toEqual([0, 2]); // movie 10 keeps the index it got in u1.base
    expect(Array.from(s.test.ratings)).toEqual([2, 1]);
  });

  test('the format is told from the first bytes', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    expect(formatOf(enc('userId,movieId,rating,timestamp\n'))).toBe('csv');
    expect(formatOf(enc('1::1193::5::978300760\n'))).toBe('dat');
    expect(formatOf(enc('196\t242\t3\t881250949\n'))).toBe('tab');
  });
});
