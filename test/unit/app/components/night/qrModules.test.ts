// The taste code's QR code: a real QR symbol (finder patterns in three corners, the size its version gives) that a
// reader (jsQR) decodes back to the code, drawn as one path of exactly its dark modules; codes past the scannable
// length get none.
import jsQR from 'jsqr';
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

/** The modules as an RGBA image, `scale` pixels a module, with the 4-module quiet zone the SVG draws. */
function image(m: boolean[][], scale = 4): { data: Uint8ClampedArray; size: number } {
  const size = (m.length + 8) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.floor(y / scale) - 4;
      const c = Math.floor(x / scale) - 4;
      if (m[r]?.[c]) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  return { data, size };
}

test('a QR reader decodes the symbol back to the exact code, short and near the length limit', () => {
  let seed = 5;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (const n of [4, 100, 400]) {
    const ids = new Set<number>();
    while (ids.size < n) ids.add(1 + Math.floor(rand() * 10_000));
    const code = encodeTasteCode({ ratings: [...ids].map((movieId) => ({ movieId, rating: 0.5 + Math.floor(rand() * 10) / 2 })), name: 'Sam' });
    expect(code.length).toBeLessThanOrEqual(QR_MAX_CHARS);
    const { data, size } = image(qrModules(code)!);
    expect(jsQR(data, size, size)?.data).toBe(code);
  }
});

test('longer codes grow the symbol; past QR_MAX_CHARS there is none (shared as text)', () => {
  expect(qrModules('PL1.' + 'A'.repeat(20))!.length).toBe(21 + 4);
  expect(qrModules('x'.repeat(QR_MAX_CHARS))!.length).toBeGreaterThan(100);
  expect(qrModules('x'.repeat(QR_MAX_CHARS + 1))).toBeNull();
});
