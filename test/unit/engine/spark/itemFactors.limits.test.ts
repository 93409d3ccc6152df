// Spark factors checked like every other input: ids that would wrap or collide, factors that overflow float32 and ranks past what training and the taste map serve are refused with their line.
import { describe, expect, test } from 'vitest';
import { parseSparkItemFactors } from '../../../../src/engine/spark/itemFactors';
import { importErrorOf } from '../../../importError';

const enc = (s: string) => new TextEncoder().encode(s);
const part = (lines: string[]) => [{ path: 'out/part-00000.json', bytes: enc(lines.join('\n')) }];
const row = (id: number | string, features: readonly (number | string)[]) => `{"id":${id},"features":[${features.join(',')}]}`;

describe('Spark factor limits', () => {
  test('ids 1 and 4294967297 (= 1 mod 2³²) no longer import as one movie: the second is refused with its line', () => {
    const e = importErrorOf(() => parseSparkItemFactors(part([row(1, [0.1, 0.2]), row(4294967297, [0.3, 0.4])])));
    expect({ file: e.file, line: e.line }).toEqual({ file: 'out/part-00000.json', line: 2 });
    expect(e.problem).toBe('expected "id" to be a movieId from 0 to 999,999,999, found 4294967297 in "{\\"id\\":4294967297,\\"features\\":[0.3,0.4]}"');
    for (const id of [-1, 1e300, 1000000000]) expect(importErrorOf(() => parseSparkItemFactors(part([row(id, [1])]))).problem).toMatch(/^expected "id" to be a movieId from 0 to 999,999,999/);
  });

  test('a factor of 1e39 (finite in JSON, Infinity in float32) is refused; float32\'s largest value imports', () => {
    expect(importErrorOf(() => parseSparkItemFactors(part([row(1, [0.5, 1e39])]))).problem).toMatch(/^expected features that fit a 32-bit float \(at most ±3\.4e38\), found 1e\+39 as feature 2 in/);
    const ok = parseSparkItemFactors(part([row(1, [3.4e38, -3.4e38])]));
    expect(Array.from(ok.factors).every(Number.isFinite)).toBe(true);
  });

  test('150,000 features in one row are refused at once (it used to end in "Maximum call stack size exceeded")', () => {
    const e = importErrorOf(() => parseSparkItemFactors(part([row(1, new Array(150_000).fill(0.5))])));
    expect(e.line).toBe(1);
    expect(e.problem).toMatch(/^expected at most 256 features \(the largest rank PocketLens trains and maps\), found 150,000 in/);
  });

  test('rank 2000 is refused; rank 256 imports its rows exactly', () => {
    expect(importErrorOf(() => parseSparkItemFactors(part([row(1, new Array(2000).fill(1))]))).problem).toMatch(/found 2,000/);
    const rows = Array.from({ length: 300 }, (_, i) => row(i + 1, Array.from({ length: 256 }, (_, j) => (i * 256 + j) / 1024)));
    const s = parseSparkItemFactors(part(rows));
    expect(s.rank).toBe(256);
    expect(s.ids.length).toBe(300);
    expect(s.factors.length).toBe(300 * 256);
    expect(s.factors[299 * 256 + 255]).toBe(Math.fround((299 * 256 + 255) / 1024));
  });
});
