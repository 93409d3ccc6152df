// Cold-start simulation on planted taste groups: newcomers answer cards from their own ratings; the adaptive deck learns their group.
import { describe, expect, test } from 'vitest';
import { coldStart } from '../../../../src/engine/eval/coldStart';
import { plantedTasteGroups } from '../../../../src/engine/synth';
import { explicitDefaults } from '../../../../src/engine/defaults/explicitDefaults';
import { rankerParams } from '../../../../src/engine/defaults/rankerDefaults';

describe('coldStart', () => {
  test('adaptive beats the most popular movies (blockbusters say nothing about a group); every deck answers at most 10 cards', () => {
    const data = plantedTasteGroups({ groups: 4, moviesPerGroup: 40, commonMovies: 20, nicheMovies: 20, nicheRatings: 3, users: 300, groupRatings: 20, commonRatings: 12, otherRatings: 3, seed: 4 });
    const years = Array.from({ length: data.nItems }, (_, i) => 1970 + (i % 50));
    const r = coldStart(data.columns, data.nUsers, data.nItems, {
      ranker: { ...rankerParams, ials: { ...rankerParams.ials, rank: 8 }, easeItems: 150 },
      explicit: { ...explicitDefaults, rank: 8 },
      years,
      seed: 3,
      deck: { pool: 80, recentPool: 10 },
    });
    for (const d of Object.values(r)) {
      expect(d.users).toBeGreaterThan(40);
      expect(d.answered).toBeLessThanOrEqual(10);
      expect(d.shown).toBeLessThanOrEqual(50);
    }
    expect(r.adaptive['ndcg@10']).toBeGreaterThan(r.popular['ndcg@10'] + 0.1);
    expect(r.adaptive.recentShare).toBeGreaterThan(0);
  });
});
