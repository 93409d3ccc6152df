// The lab's Tune for the ranking model: the form's defaults and checks, the objective switch, and the verdict over NDCG@10 ties.
import { expect, test } from 'vitest';
import { IMPLICIT_TUNE_DEFAULTS, optionConfigs, parseTuneForm, TUNE_DEFAULTS, tuneConfigs, withTuneObjective } from '../../../../../src/app/components/lab/labForm';
import { offsetAndPenalty, tuneRows, verdict, verdictText } from '../../../../../src/app/components/lab/tuneVerdict';
import { labImplicitTuneDefaults } from '../../../../../src/engine/defaults/tuningDefaults';
import type { TuneResult } from '../../../../../src/worker-api/labApi';

test('the ranking search at its defaults: rank × λ × confidence × α0 × star offset, plain penalty: 24 configurations, as labImplicitTuneDefaults', () => {
  const parsed = parseTuneForm(IMPLICIT_TUNE_DEFAULTS);
  expect(parsed.options).toEqual({ objective: 'implicit', ranks: [32], lambdas: [3, 5, 10], alphas: [1, 3], unobserved: [1, 0.3], starOffsets: [0, 3], frequencyScaled: [false], folds: 3, iterations: 10 });
  expect(IMPLICIT_TUNE_DEFAULTS).toMatchObject({ starOffsets: '0, 3', frequency: 'off' });
  expect(tuneConfigs(IMPLICIT_TUNE_DEFAULTS)).toBe(labImplicitTuneDefaults.ranks.length * 3 * 2 * 2 * 2);
  expect(tuneConfigs(IMPLICIT_TUNE_DEFAULTS)).toBe(24);
  expect(optionConfigs(parsed.options!)).toBe(24);
  // The star model's search ignores the ranking-only fields.
  expect(parseTuneForm(TUNE_DEFAULTS).options).toEqual({ ranks: [16, 32, 64], lambdas: [1.5, 2.2, 3], folds: 3, iterations: 8 });
  expect(parseTuneForm({ ...IMPLICIT_TUNE_DEFAULTS, unobserved: '1, 0' }).errors).toEqual(['Unobserved weights (α0): numbers above 0 and at most 100, separated by commas.']);
  expect(parseTuneForm({ ...IMPLICIT_TUNE_DEFAULTS, alphas: 'x' }).errors).toEqual(['Confidence alphas: numbers from 0 to 100, separated by commas.']);
  expect(parseTuneForm({ ...IMPLICIT_TUNE_DEFAULTS, ranks: '8, 16, 32', alphas: '1, 2, 3', unobserved: '1, 0.5', starOffsets: '3' }).errors).toEqual(['54 configurations is too many for one search (at most 36).']);
});

test('star offsets and frequency-scaled λ: checked as typed, counted, and carried into the options', () => {
  const form = { ...IMPLICIT_TUNE_DEFAULTS, ranks: '8', lambdas: '1, 5', alphas: '3', unobserved: '1' };
  // Offsets 0 and 3 with the plain penalty: 2 λ × 2 offsets.
  expect(tuneConfigs(form)).toBe(4);
  // The frequency choice: off searches the plain penalty, on the scaled one, both doubles the search.
  expect(parseTuneForm({ ...form, frequency: 'off' }).options).toMatchObject({ starOffsets: [0, 3], frequencyScaled: [false] });
  expect(parseTuneForm({ ...form, frequency: 'on' }).options).toMatchObject({ starOffsets: [0, 3], frequencyScaled: [true] });
  const both = parseTuneForm({ ...form, starOffsets: '0, 2.5, 3', frequency: 'both' }).options!;
  expect(both).toMatchObject({ starOffsets: [0, 2.5, 3], frequencyScaled: [false, true] });
  expect(tuneConfigs({ ...form, starOffsets: '0, 2.5, 3', frequency: 'both' })).toBe(2 * 3 * 2);
  expect(optionConfigs(both)).toBe(12);
  // A 5-star offset would make every rating a weak watch; a negative or non-number one is refused, and an unparsed list counts 0.
  const offsetError = 'Star offsets: numbers from 0 to below 5, separated by commas.';
  expect(parseTuneForm({ ...form, starOffsets: '0, 5' }).errors).toEqual([offsetError]);
  expect(parseTuneForm({ ...form, starOffsets: '-1' }).errors).toEqual([offsetError]);
  expect(parseTuneForm({ ...form, starOffsets: 'three' }).errors).toEqual([offsetError]);
  expect(tuneConfigs({ ...form, starOffsets: '' })).toBe(0);
  // The limit counts offsets and the penalty: 3 × 3 λ × 2 offsets × both = 36 fits, one more offset does not.
  expect(parseTuneForm({ ...form, ranks: '8, 16, 32', lambdas: '1, 3, 5', frequency: 'both' }).options).toBeDefined();
  expect(parseTuneForm({ ...form, ranks: '8, 16, 32', lambdas: '1, 3, 5', starOffsets: '0, 2, 3', frequency: 'both' }).errors).toEqual([
    '54 configurations is too many for one search (at most 36).',
  ]);
  // The star model's search ignores them, whatever they hold.
  expect(parseTuneForm({ ...TUNE_DEFAULTS, starOffsets: 'x', frequency: 'both' }).options).toEqual({ ranks: [16, 32, 64], lambdas: [1.5, 2.2, 3], folds: 3, iterations: 8 });
  expect(tuneConfigs({ ...TUNE_DEFAULTS, frequency: 'both' })).toBe(9);
  // Switching objectives keeps what was chosen for them.
  expect(withTuneObjective({ ...TUNE_DEFAULTS, starOffsets: '2', frequency: 'on' }, 'implicit')).toMatchObject({ starOffsets: '2', frequency: 'on' });
});

test('switching the objective moves untouched fields to the other defaults and keeps edited ones', () => {
  expect(withTuneObjective(TUNE_DEFAULTS, 'implicit')).toEqual(IMPLICIT_TUNE_DEFAULTS);
  expect(withTuneObjective(IMPLICIT_TUNE_DEFAULTS, 'explicit')).toEqual(TUNE_DEFAULTS);
  expect(withTuneObjective({ ...TUNE_DEFAULTS, ranks: '8' }, 'implicit').ranks).toBe('8');
});

test('a ranking search: rows below the best by NDCG@10; tied configurations give the simplest; one clear best is the winner', () => {
  const result = (rank: number, lambda: number, ndcg: number, tie: boolean): TuneResult => ({
    params: { objective: 'implicit', rank, lambda, iterations: 10, seed: 42, biasLambda: 3, implicitAlpha: 3, unobservedWeight: 1 },
    rmse: NaN,
    mae: NaN,
    foldRmse: [],
    fitSeconds: 1,
    'ndcg@10': ndcg,
    'recall@20': ndcg,
    ndcgSd: 0.01,
    recallSd: 0.01,
    foldNdcg: [ndcg, ndcg],
    tie,
  });
  const tied = [result(64, 5, 0.31, true), result(32, 5, 0.305, true), result(32, 10, 0.29, false)];
  expect(tuneRows(tied).map((r) => +r.spread.diff.toFixed(3))).toEqual([0, 0.005, 0.02]);
  const v = verdict(tied)!;
  expect(v.kind).toBe('tie');
  expect(v.pick.params).toMatchObject({ rank: 32, lambda: 5 });
  expect(verdictText(v, tied, 12.3)).toBe(
    'Done in 12.3 s. A tie: 2 configurations are within two standard errors of the best NDCG@10, 0.3100, on the per-holdout differences. The simplest of them is rank 32, λ 5, confidence α 3, α0 1.',
  );
  // A search over offsets and the penalty names the pick's offset and, when on, the scaled penalty.
  const scaled = [{ ...result(32, 1, 0.3, true), params: { ...result(32, 1, 0, true).params, starOffset: 3, frequencyScaled: true } }, { ...result(32, 5, 0.2, false), params: { ...result(32, 5, 0, false).params, starOffset: 0, frequencyScaled: false } }];
  expect(verdictText(verdict(scaled)!, scaled, 2)).toBe(
    'Done in 2.0 s. Best: rank 32, λ 1, confidence α 3, α0 1, star offset 3, frequency-scaled λ, NDCG@10 0.3000 ± 0.0100, ahead of every other configuration on the per-holdout differences.',
  );
  expect(offsetAndPenalty(scaled[1])).toBe(', star offset 0');
  const clear = [result(32, 5, 0.31, true), result(32, 10, 0.2, false)];
  expect(verdict(clear)).toMatchObject({ kind: 'winner', pick: { params: { rank: 32, lambda: 5 } } });
});
