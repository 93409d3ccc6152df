// The taste map's rating bins: every half star 0.5–5 in exactly one bin, bins two half stars wide, legend bounds that
// do not overlap and that contain exactly their bin's ratings.
import { describe, expect, test } from 'vitest';
import { STAR_BINS, binLabel, starBin, starClass } from '../../../../../../src/app/components/lab/map/starBins';

const halfStars = Array.from({ length: 10 }, (_, k) => (k + 1) / 2);

describe('taste map rating bins', () => {
  test('each half star is in one bin; each bin holds two of them', () => {
    expect(halfStars.map(starBin)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    for (const b of STAR_BINS) expect(halfStars.filter((r) => starBin(r) === b)).toHaveLength(2);
    expect(starClass(2.5)).toBe('star-3');
    expect(starClass(3)).toBe('star-3');
    expect(starClass(3.5)).toBe('star-4');
  });

  test('legend labels: no value named by two bins, and each label names exactly its bin’s ratings', () => {
    expect(STAR_BINS.map(binLabel)).toEqual(['0.5–1 stars', '1.5–2 stars', '2.5–3 stars', '3.5–4 stars', '4.5–5 stars']);
    const bounds = STAR_BINS.map((b) => binLabel(b).replace(' stars', '').split('–').map(Number));
    for (const [k, b] of STAR_BINS.entries()) {
      const [lo, hi] = bounds[k];
      expect(halfStars.filter((r) => r >= lo && r <= hi)).toEqual(halfStars.filter((r) => starBin(r) === b));
      if (k > 0) expect(lo).toBeGreaterThan(bounds[k - 1][1]);
    }
  });
});
