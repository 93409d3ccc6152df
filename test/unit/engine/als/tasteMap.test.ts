// Taste map projection: recovers a planted 2-D layout hidden in rank-8 factors, and agrees with ml-pca.
import { PCA } from 'ml-pca';
import { describe, expect, test } from 'vitest';
import { fitProjection, mostRated, nearestPoints, project, projectRows } from '../../../../src/engine/als/tasteMap';
import { createRng } from '../../../../src/engine/als/random';

const RANK = 8;

/** n items on a planted 2-D layout (x spread 2, y spread 1) embedded in rank 8 by a random orthonormal pair, plus noise and an offset. */
function planted(n: number, seed: number, noise = 0.01) {
  const rng = createRng(seed);
  const layout = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    // Four clusters, so "nearby stays nearby" has a clear meaning.
    const c = i % 4;
    layout[2 * i] = [-3, -1, 1, 3][c] + 0.5 * rng.normal();
    layout[2 * i + 1] = [1, -1, 1, -1][c] + 0.3 * rng.normal();
  }
  // Gram-Schmidt on two random directions.
  const a = Array.from({ length: RANK }, () => rng.normal());
  const na = Math.hypot(...a);
  const u = a.map((v) => v / na);
  const b = Array.from({ length: RANK }, () => rng.normal());
  const dot = b.reduce((s, v, j) => s + v * u[j], 0);
  const b2 = b.map((v, j) => v - dot * u[j]);
  const nb = Math.hypot(...b2);
  const w = b2.map((v) => v / nb);
  const factors = new Float32Array(n * RANK);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < RANK; j++) factors[i * RANK + j] = 0.7 + layout[2 * i] * u[j] + layout[2 * i + 1] * w[j] + noise * rng.normal();
  }
  return { layout, factors, u, w };
}

describe('taste map projection', () => {
  test('PCA of planted factors recovers the 2-D layout: ~all variance on two axes, axes match, neighbours stay neighbours', () => {
    const n = 800;
    const { layout, factors } = planted(n, 7);
    const rows = Array.from({ length: n }, (_, i) => i);
    const p = fitProjection(factors, RANK, rows);
    // Layout variance: x ≈ 5 + 0.25, y ≈ 1 + 0.09; noise adds 0.0001 per dimension.
    expect(p.explained[0] + p.explained[1]).toBeGreaterThan(0.99);
    expect(p.explained[0]).toBeGreaterThan(0.8);
    expect(p.explained[1]).toBeGreaterThan(0.1);
    // Both axes lie in the planted plane (spanned by u, w): their squared projections onto it sum to ~1.
    const { u, w } = planted(n, 7);
    for (const axis of p.axes) {
      const cu = axis.reduce((s, v, j) => s + v * u[j], 0);
      const cw = axis.reduce((s, v, j) => s + v * w[j], 0);
      expect(cu * cu + cw * cw).toBeGreaterThan(0.999);
    }
    const xy = projectRows(p, factors, rows);
    // Nearby stays nearby: each item's nearest planted neighbour is among its 5 nearest on the map for ≥ 95 % of items,
    // and distances on the map equal planted distances (an orthonormal embedding) within the noise.
    let kept = 0;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const planted1 = nearestPoints(layout, layout[2 * i], layout[2 * i + 1], 2)[1];
      if (nearestPoints(xy, xy[2 * i], xy[2 * i + 1], 6).includes(planted1)) kept++;
      const j = (i * 37 + 11) % n;
      const dPlanted = Math.hypot(layout[2 * i] - layout[2 * j], layout[2 * i + 1] - layout[2 * j + 1]);
      const dMap = Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
      worst = Math.max(worst, Math.abs(dPlanted - dMap));
    }
    expect(kept / n).toBeGreaterThan(0.95);
    expect(worst).toBeLessThan(0.2);
  });

  test('agrees with ml-pca (centred, unscaled) on a small matrix to 1e-6: scores up to each axis sign, explained variance', () => {
    const rng = createRng(3);
    const nRows = 15;
    const rank = 5;
    const factors = new Float64Array(nRows * rank);
    for (let k = 0; k < factors.length; k++) factors[k] = rng.normal() * (1 + (k % rank));
    const data = Array.from({ length: nRows }, (_, i) => Array.from(factors.subarray(i * rank, (i + 1) * rank)));
    const pca = new PCA(data, { center: true, scale: false });
    const scores = pca.predict(data, { nComponents: 2 });
    const ours = projectRows(fitProjection(factors, rank, Array.from({ length: nRows }, (_, i) => i)), factors, Array.from({ length: nRows }, (_, i) => i));
    for (const axis of [0, 1]) {
      const sign = Math.sign(scores.get(0, axis)) * Math.sign(ours[axis]);
      for (let i = 0; i < nRows; i++) expect(Math.abs(ours[2 * i + axis] - sign * scores.get(i, axis))).toBeLessThan(1e-6);
    }
    const p = fitProjection(factors, rank, Array.from({ length: nRows }, (_, i) => i));
    const ev = pca.getExplainedVariance();
    expect(Math.abs(p.explained[0] - ev[0])).toBeLessThan(1e-6);
    expect(Math.abs(p.explained[1] - ev[1])).toBeLessThan(1e-6);
    expect(Math.abs(p.variance[0] - pca.getEigenvalues()[0])).toBeLessThan(1e-6);
  });

  test('a person vector is projected like the items: an item’s own row lands on its point; fit only uses the sampled rows', () => {
    const { factors } = planted(100, 9);
    const rows = [5, 17, 42, 63, 88, 90, 3, 11];
    const p = fitProjection(factors, RANK, rows);
    const xy = projectRows(p, factors, rows);
    const [x, y] = project(p, Array.from(factors.subarray(42 * RANK, 43 * RANK)));
    expect(x).toBeCloseTo(xy[4], 9);
    expect(y).toBeCloseTo(xy[5], 9);
    // Centred on the sample: the projected sample has mean 0 on both axes.
    expect(Math.abs(xy.filter((_, k) => k % 2 === 0).reduce((s, v) => s + v, 0))).toBeLessThan(1e-9);
  });

  test('mostRated picks the n most-rated items with a non-zero factor row, ties by index', () => {
    const counts = [5, 9, 9, 1, 40, 0];
    const factors = new Float32Array(6 * 2).fill(1);
    factors[4 * 2] = 0;
    factors[4 * 2 + 1] = 0; // item 4 has no factors (e.g. a Spark model without it)
    expect(mostRated(counts, 3, factors, 2)).toEqual([1, 2, 0]);
    expect(mostRated(counts, 10)).toEqual([4, 1, 2, 0, 3, 5]);
  });
});
