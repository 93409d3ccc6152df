// The taste code's QR code: a real QR symbol (finder patterns in three corners, the size its version gives), drawn as
// one path of exactly its dark modules; codes past the scannable length get none.
import { expect, test } from 'vitest';
import { encodeTasteCode } from '../../../../../src/engine/group/tasteCode';
import { QR_MAX_CHARS, qrModules, qrPath } from '../../../../../src/app/components/night/qrModules';

/** The 7×7 finder pattern: a dark ring, a light ring, a 3×3 dark centre. */
const finder = (m: boolean[][], r0: number, c0: number) =>
  Array.from({ length: 7 }, (_, r) => Array.from({ length: 7 }, (_, c) => m[r0 + r][c0 + c]));
const FINDER = Array.from({ length: 7 }, (_, r) => Array.from({ length: 7 }, (_, c) => r === 0 || r === 6 || c === 0 || c === 6 || (r >= 2 && r <= 4 && c >= 2 && c <= 4)));

test('a taste code becomes a QR symbol: 4k+17 modules a side, finder patterns in three corners, not the fourth', () => {
  const code = encodeTasteCode({ ratings: Array.from({ length: 40 }, (_, k) => ({ movieId: 1 + k * 37, rating: 0.5 + (k % 10) / 2 })), name: 'Ana' });
  const m = qrModules(code)!;
  const n = m.length;
  expect((n - 17) % 4).toBe(0);
  expect(m.every((row) => row.length === n)).toBe(true);
  expect(finder(m, 0, 0)).toEqual(FINDER);
  expect(finder(m, 0, n - 7)).toEqual(FINDER);
  expect(finder(m, n - 7, 0)).toEqual(FINDER);
  expect(finder(m, n - 7, n - 7)).not.toEqual(FINDER);
  // Timing pattern: row 6 alternates dark/light between the finders.
  for (let c = 8; c < n - 8; c++) expect(m[6][c]).toBe(c % 2 === 0);
  // The path draws each dark module once, offset by the quiet zone.
  const dark = m.flat().filter(Boolean).length;
  const path = qrPath(m, 4);
  expect(path.match(/M/g)).toHaveLength(dark);
  expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
});

test('longer codes grow the symbol; past QR_MAX_CHARS there is none (shared as text)', () => {
  expect(qrModules('PL1.' + 'A'.repeat(20))!.length).toBe(21 + 4);
  expect(qrModules('x'.repeat(QR_MAX_CHARS))!.length).toBeGreaterThan(100);
  expect(qrModules('x'.repeat(QR_MAX_CHARS + 1))).toBeNull();
});
