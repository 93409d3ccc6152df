// Ties between tuning candidates: a paired test over the shared splits, so a consistently better candidate is not a tie.
import { describe, expect, test } from 'vitest';
import { pairedTie } from '../../../../src/engine/eval/pairedTie';
import { summarize } from '../../../../src/engine/eval/summary';

describe('pairedTie', () => {
  test('a candidate behind by 0.005 on every split is not a tie, even when the splits themselves differ by 0.03', () => {
    expect(pairedTie([0.3, 0.33, 0.31], [0.295, 0.325, 0.305])).toBe(false);
  });
  test('differences that change sign are a tie', () => {
    expect(pairedTie([0.3, 0.33, 0.31], [0.302, 0.325, 0.309])).toBe(true);
  });
  test('with one split only an equal score ties', () => {
    expect(pairedTie([0.3], [0.3])).toBe(true);
    expect(pairedTie([0.3], [0.29])).toBe(false);
  });
});

describe('summarize', () => {
  test('mean and sample standard deviation per metric; a ranker skipped anywhere is skipped', () => {
    const a = { x: { 'ndcg@10': 0.2, users: 10, fitSeconds: 1, rankSeconds: 0 }, y: { skipped: 'too big' } };
    const b = { x: { 'ndcg@10': 0.4, users: 10, fitSeconds: 3, rankSeconds: 0 }, y: { skipped: 'too big' } };
    const s = summarize([a, b]);
    expect(s.y).toEqual({ skipped: 'too big' });
    expect(s.x).toMatchObject({ splits: 2, mean: { 'ndcg@10': 0.30000000000000004, fitSeconds: 2 } });
    expect((s.x as { sd: Record<string, number> }).sd['ndcg@10']).toBeCloseTo(Math.SQRT2 * 0.1, 12);
  });
});
