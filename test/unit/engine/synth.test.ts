// Unit tests for the planted low-rank synthetic rating generator.

import { describe, expect, it } from 'vitest';
import { plantedLowRank } from '../../../src/engine/synth';

describe('plantedLowRank', () => {
  it('is seeded and deterministic', () => {
    const a = plantedLowRank({ users: 50, items: 40, rank: 3, density: 0.2, noise: 0.5, seed: 1 });
    const b = plantedLowRank({ users: 50, items: 40, rank: 3, density: 0.2, noise: 0.5, seed: 1 });
    const c = plantedLowRank({ users: 50, items: 40, rank: 3, density: 0.2, noise: 0.5, seed: 2 });
    expect(Array.from(a.columns.ratings)).toEqual(Array.from(b.columns.ratings));
    expect(Array.from(a.columns.items)).toEqual(Array.from(b.columns.items));
    expect(Array.from(a.columns.ratings)).not.toEqual(Array.from(c.columns.ratings));
  });

  it('has the requested density, planted signal and noise level', () => {
    const d = plantedLowRank({ users: 200, items: 150, rank: 4, density: 0.3, noise: 0.25, seed: 5 });
    const { columns: c, truth } = d;
    expect(c.length / (200 * 150)).toBeGreaterThan(0.28);
    expect(c.length / (200 * 150)).toBeLessThan(0.32);
    let sse = 0;
    let sig = 0;
    let sig2 = 0;
    for (let k = 0; k < c.length; k++) {
      const u = c.users[k];
      const i = c.items[k];
      let dot = 0;
      for (let j = 0; j < 4; j++) dot += truth.P[u * 4 + j] * truth.Q[i * 4 + j];
      const s = truth.mu + truth.userBias[u] + truth.itemBias[i] + dot;
      sse += (c.ratings[k] - s) ** 2;
      sig += dot;
      sig2 += dot * dot;
    }
    const noiseSd = Math.sqrt(sse / c.length);
    expect(Math.abs(noiseSd - 0.25)).toBeLessThan(0.01);
    const dotSd = Math.sqrt(sig2 / c.length - (sig / c.length) ** 2);
    expect(dotSd).toBeGreaterThan(0.7); // unit-variance p·q, up to sampling
    expect(dotSd).toBeLessThan(1.3);
    expect(d.noiseStd).toBe(0.25);
  });

  it('gives every user exactly ratingsPerUser distinct items, and clamps when asked', () => {
    const d = plantedLowRank({ users: 30, items: 25, rank: 2, ratingsPerUser: 7, noise: 2, seed: 9, clamp: true });
    expect(d.columns.length).toBe(30 * 7);
    for (let u = 0; u < 30; u++) {
      const items = new Set<number>();
      for (let k = 0; k < d.columns.length; k++) if (d.columns.users[k] === u) items.add(d.columns.items[k]);
      expect(items.size).toBe(7);
    }
    expect(Math.min(...d.columns.ratings)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...d.columns.ratings)).toBeLessThanOrEqual(5);
    expect(Math.min(...d.columns.ratings)).toBe(0.5); // noise 2 must hit the clamp
  });
});
