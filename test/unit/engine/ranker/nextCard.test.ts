// Onboarding that learns: the deck holds recent films, the next card is the most informative one, and it adapts to answers.
import { describe, expect, test } from 'vitest';
import { cardNoise, cardValues, deckOf, nextCard, nextCards, tasteSpread } from '../../../../src/engine/ranker/nextCard';
import { plantedTasteGroups } from '../../../../src/engine/synth';
import { trainRanker } from '../../../../src/engine/ranker/ranker';
import { rankerParams } from '../../../../src/engine/defaults/rankerDefaults';

const data = plantedTasteGroups({ groups: 4, moviesPerGroup: 40, commonMovies: 20, nicheMovies: 20, nicheRatings: 3, users: 240, groupRatings: 15, commonRatings: 6, otherRatings: 3, seed: 8 });
const model = trainRanker(data.columns, data.nUsers, data.nItems, { ...rankerParams, ials: { ...rankerParams.ials, rank: 8 }, easeItems: 100 });
const years = Array.from({ length: data.nItems }, (_, i) => (i % 10 === 9 ? 2019 : 1990 + (i % 9)));

describe('adaptive onboarding', () => {
  test("the deck is the most-rated movies plus the most-rated of the catalogue's last 5 years", () => {
    const deck = deckOf(model.counts, { pool: 30, recentPool: 10, years });
    const recent = deck.filter((i) => years[i] === 2019);
    expect(recent.length).toBeGreaterThanOrEqual(10);
    const top30 = Array.from({ length: data.nItems }, (_, i) => i).sort((a, b) => model.counts[b] - model.counts[a] || a - b).slice(0, 30);
    for (const i of top30) expect(deck).toContain(i);
    expect(deck.length).toBeLessThanOrEqual(40);
  });

  test('the next card has the largest value, never an answered or skipped movie', () => {
    const deck = deckOf(model.counts, { pool: 60 });
    const profile = { items: [deck[0]], stars: [4] };
    const card = nextCard(model, profile, deck, [deck[1]])!;
    expect(card).not.toBe(deck[0]);
    expect(card).not.toBe(deck[1]);
    const open = deck.filter((i) => i !== deck[0] && i !== deck[1]);
    const values = cardValues(model, profile, open, [deck[1]]);
    expect(values[open.indexOf(card)]).toBe(Math.max(...values));
  });

  test('after loving three group-0 movies, the next cards leave group 0 (its taste is pinned down)', () => {
    const deck = deckOf(model.counts, { pool: 120 });
    const loved = deck.filter((i) => data.movieGroup[i] === 0).slice(0, 3);
    const items = [...loved];
    const stars = [5, 5, 5];
    const next: number[] = [];
    for (let k = 0; k < 4; k++) {
      const c = nextCard(model, { items, stars }, deck)!;
      next.push(c);
      items.push(c);
      stars.push(3);
    }
    expect(next.filter((i) => data.movieGroup[i] === 0).length).toBeLessThanOrEqual(1);
    expect(new Set(next).size).toBe(4);
  });

  test('the taste spread counts only people with ratings, and its covariance is symmetric', () => {
    const t = tasteSpread(model.ials);
    expect(t.people).toBe(data.nUsers);
    const r = model.ials.rank;
    for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) expect(t.cov[a * r + b]).toBe(t.cov[b * r + a]);
    const none = { ...model.ials, userFactors: model.ials.userFactors.map((x, k) => (k < 10 * r ? 0 : x)) };
    expect(tasteSpread(none).people).toBe(data.nUsers - 10);
  });

  test('a batch of 12 is the cards chosen one at a time, each as if the ones before were skipped (its σ² fixed at the start)', () => {
    const deck = deckOf(model.counts, { pool: 120 });
    const profile = { items: [deck[3], deck[10]], stars: [5, 2] };
    const skipped = [deck[0]];
    const batch = nextCards(model, profile, deck, skipped, 12);
    // The reference: every card from a posterior built from scratch (two inverses), the batch's σ² throughout.
    const sigma2 = cardNoise(model, profile, deck, skipped);
    const looked = [...skipped];
    const oneByOne: number[] = [];
    for (let k = 0; k < 12; k++) {
      const open = deck.filter((i) => !profile.items.includes(i) && !looked.includes(i));
      const values = cardValues(model, profile, open, looked, sigma2);
      let best = 0;
      for (let c = 1; c < open.length; c++) if (values[c] > values[best]) best = c;
      oneByOne.push(open[best]);
      looked.push(open[best]);
    }
    expect(batch).toEqual(oneByOne);
    expect(new Set(batch).size).toBe(12);
    // The first card of a batch is nextCard's; a batch stops when the deck runs out.
    expect(batch[0]).toBe(nextCard(model, profile, deck, skipped));
    expect(nextCards(model, { items: [], stars: [] }, deck.slice(0, 5), [deck[0]], 12)).toHaveLength(4);
  });

  test('an exhausted deck gives no card', () => {
    expect(nextCard(model, { items: [1, 2], stars: [4, 4] }, [1, 2])).toBeNull();
  });
});
