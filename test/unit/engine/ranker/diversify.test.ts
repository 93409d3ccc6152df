// Diversity: with it on, no two listed movies are more alike than the threshold while other candidates remain.
import { describe, expect, test } from 'vitest';
import { diversify, factorCosine } from '../../../../src/engine/ranker/diversify';
import { plantedTasteGroups } from '../../../../src/engine/synth';
import { itemNorms } from '../../../../src/engine/als/similar';
import { trainRanker } from '../../../../src/engine/ranker/ranker';
import { rankFor } from '../../../../src/engine/ranker/rankList';
import { rankerParams } from '../../../../src/engine/defaults/rankerDefaults';

/** Five "franchises" of four near-copies each (rank 3), scored so a plain top-5 is one whole franchise and a bit. */
function franchises() {
  const rank = 3;
  const factors = new Float32Array(20 * rank);
  const dirs = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1]];
  for (let i = 0; i < 20; i++) {
    const d = dirs[Math.floor(i / 4)];
    for (let f = 0; f < rank; f++) factors[i * rank + f] = d[f] + 0.01 * (i % 4) * (f === 0 ? 1 : -1);
  }
  const candidates = Array.from({ length: 20 }, (_, i) => ({ item: i, score: 1 - 0.01 * i }));
  const norms = new Float32Array(20);
  for (let i = 0; i < 20; i++) norms[i] = Math.hypot(factors[i * 3], factors[i * 3 + 1], factors[i * 3 + 2]);
  return { rank, factors, candidates, norms };
}

describe('diversify', () => {
  test('five picks from five franchises: one of each, best first, never two near-copies', () => {
    const { rank, factors, candidates, norms } = franchises();
    const picks = diversify(candidates, { n: 5, weight: 0.1, threshold: 0.9, scale: 1, factors, rank, norms });
    expect(picks.map((p) => Math.floor(p.item / 4)).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(picks[0].item).toBe(0);
    for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) expect(factorCosine(factors, rank, norms, picks[a].item, picks[b].item)).toBeLessThanOrEqual(0.9);
  });

  test('when no candidate below the threshold is left, the list still fills up (alternatives ran out)', () => {
    const { rank, factors, candidates, norms } = franchises();
    const picks = diversify(candidates, { n: 8, weight: 0.1, threshold: 0.9, scale: 1, factors, rank, norms });
    expect(picks).toHaveLength(8);
    expect(new Set(picks.map((p) => p.item)).size).toBe(8);
  });

  test('on the ranker: a plain list has pairs above the threshold, the diversified one has none', () => {
    const data = plantedTasteGroups({ groups: 4, moviesPerGroup: 40, commonMovies: 20, nicheMovies: 20, nicheRatings: 3, users: 240, groupRatings: 15, commonRatings: 6, otherRatings: 3, seed: 8 });
    const model = trainRanker(data.columns, data.nUsers, data.nItems, { ...rankerParams, ials: { ...rankerParams.ials, rank: 8 }, easeItems: 120 });
    const norms = itemNorms(model.ials);
    const profile = { items: [40, 41, 44, 47, 52, 80, 83], stars: [5, 4.5, 4, 5, 4, 4.5, 4] };
    const maxPair = (items: number[]) => {
      let m = -1;
      for (let a = 0; a < items.length; a++) for (let b = a + 1; b < items.length; b++) m = Math.max(m, factorCosine(model.ials.itemFactors, model.ials.rank, norms, items[a], items[b]));
      return m;
    };
    const threshold = 0.8;
    const plain = rankFor(model, profile, { n: 10 }).map((r) => r.item);
    const diverse = rankFor(model, profile, { n: 10, diversity: 0.5, similarityThreshold: threshold }).map((r) => r.item);
    expect(maxPair(plain)).toBeGreaterThan(threshold);
    expect(maxPair(diverse)).toBeLessThanOrEqual(threshold);
    expect(diverse).toHaveLength(10);
  });
});
