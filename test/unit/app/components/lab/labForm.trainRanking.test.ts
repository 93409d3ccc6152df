// The lab's Train form for the ranking model: every iALS knob the ranker trains with (confidence α, star offset, α0,
// frequency-scaled λ) at implicitDefaults, checked against the engine's ranges, kept across objective switches, filled
// by a Tune winner, and named in the stored model's line.
import { describe, expect, test } from 'vitest';
import { FORM_DEFAULTS, FORM_LIMITS, formWith, IMPLICIT_FIELDS, parseForm, withObjective, type TrainForm } from '../../../../../src/app/components/lab/labForm';
import { describeModel, implicitKnobs } from '../../../../../src/app/components/lab/trainText';
import { implicitDefaults } from '../../../../../src/engine/defaults/implicitDefaults';
import { rankerParams } from '../../../../../src/engine/defaults/rankerDefaults';
import { PARAM_RANGES } from '../../../../../src/engine/als/paramRanges';
import type { ModelSummary, TuneResult } from '../../../../../src/client/workerTypes';
import type { AlsParams } from '../../../../../src/engine/types';

const ranking = FORM_DEFAULTS.implicit;

function parsed(form: TrainForm) {
  const p = parseForm(form);
  if (!p.ok) throw new Error(`did not parse: ${JSON.stringify(p.errors)}`);
  return p.value;
}

function errorsOf(form: TrainForm) {
  const p = parseForm(form);
  if (p.ok) throw new Error(`parsed: ${JSON.stringify(p.value)}`);
  return p.errors;
}

describe('the ranking knobs of the Train form', () => {
  test('start at implicitDefaults (the ranker trains with the same object) and parse to exactly its values', () => {
    expect(rankerParams.ials).toBe(implicitDefaults);
    expect(ranking).toMatchObject({
      rank: String(implicitDefaults.rank),
      lambda: String(implicitDefaults.lambda),
      iterations: String(implicitDefaults.iterations),
      alpha: String(implicitDefaults.implicitAlpha),
      unobserved: String(implicitDefaults.unobservedWeight),
      starOffset: String(implicitDefaults.starOffset),
      frequencyScaled: implicitDefaults.frequencyScaled,
    });
    // The shipped numbers (docs/MODEL.md): α 3 over a 3-star offset, α0 1, the plain penalty.
    expect(parsed(ranking).params).toEqual({ objective: 'implicit', rank: 32, lambda: 5, iterations: 10, implicitAlpha: 3, unobservedWeight: 1, starOffset: 3, frequencyScaled: false });
  });

  test("take what is typed, and the star model neither checks nor sends them", () => {
    const form = { ...ranking, alpha: '0.5', unobserved: '0.3', starOffset: '2.5', frequencyScaled: true };
    expect(parsed(form).params).toEqual({ objective: 'implicit', rank: 32, lambda: 5, iterations: 10, implicitAlpha: 0.5, unobservedWeight: 0.3, starOffset: 2.5, frequencyScaled: true });
    const explicit = { ...FORM_DEFAULTS.explicit, alpha: 'x', unobserved: '0', starOffset: '9', frequencyScaled: true };
    expect(parsed(explicit).params).toEqual({ objective: 'explicit', rank: 64, lambda: 2.2, iterations: 15 });
  });

  test("refuse what the engine's ranges refuse, each with its field's message, and keep the other fields' checks", () => {
    expect(FORM_LIMITS).toMatchObject({ alpha: [0, 100], unobserved: [0, 100], starOffset: [0, 5] });
    expect(errorsOf({ ...ranking, alpha: '-1' })).toEqual({ alpha: 'Confidence α: a number from 0 to 100.' });
    expect(errorsOf({ ...ranking, alpha: '101' })).toEqual({ alpha: 'Confidence α: a number from 0 to 100.' });
    expect(errorsOf({ ...ranking, alpha: '' })).toEqual({ alpha: 'Confidence α: a number from 0 to 100.' });
    // α0 0 would leave the unrated movies weightless (the row systems divide by it): the open end is refused.
    expect(errorsOf({ ...ranking, unobserved: '0' })).toEqual({ unobserved: 'Unobserved weight α0: a number greater than 0 and at most 100.' });
    // A 5-star offset would make every rating a plain watch.
    expect(errorsOf({ ...ranking, starOffset: '5' })).toEqual({ starOffset: 'Star offset: a number at least 0 and less than 5.' });
    expect(errorsOf({ ...ranking, starOffset: 'three' })).toEqual({ starOffset: 'Star offset: a number at least 0 and less than 5.' });
    // The ends the ranges include are accepted.
    expect(parsed({ ...ranking, alpha: '0', unobserved: '100', starOffset: '0' }).params).toMatchObject({ implicitAlpha: 0, unobservedWeight: 100, starOffset: 0 });
    expect(parsed({ ...ranking, alpha: String(PARAM_RANGES.implicitAlpha.max), starOffset: '4.5' }).params).toMatchObject({ implicitAlpha: 100, starOffset: 4.5 });
    // Several bad fields: one message each, the old fields' alongside.
    expect(Object.keys(errorsOf({ ...ranking, rank: '0', alpha: 'x', unobserved: '-2', starOffset: '6' }))).toEqual(['rank', 'alpha', 'unobserved', 'starOffset']);
  });

  test('an objective switch keeps edited knobs, moves untouched fields to the other defaults, and comes back unchanged', () => {
    expect(withObjective(ranking, 'explicit')).toEqual(FORM_DEFAULTS.explicit);
    const edited = { ...ranking, rank: '16', alpha: '7', starOffset: '0', frequencyScaled: true };
    const there = withObjective(edited, 'explicit');
    expect(there).toMatchObject({ objective: 'explicit', rank: '16', lambda: FORM_DEFAULTS.explicit.lambda, iterations: FORM_DEFAULTS.explicit.iterations, alpha: '7', starOffset: '0', frequencyScaled: true });
    expect(withObjective(there, 'implicit')).toEqual(edited);
    for (const k of IMPLICIT_FIELDS) expect(FORM_DEFAULTS.explicit[k]).toEqual(FORM_DEFAULTS.implicit[k]);
  });
});

describe('"Train with the winner" fills the form with what trains', () => {
  const winner: AlsParams = { objective: 'implicit', rank: 8, lambda: 1, lambdaExponent: 0.4, biasLambda: 3, iterations: 3, seed: 42, implicitAlpha: 1, unobservedWeight: 0.3, starOffset: 0, frequencyScaled: true };

  test('a ranking winner: every knob of the form is the winner\'s, and the form parses back to it', () => {
    const form = formWith(FORM_DEFAULTS.explicit, winner);
    expect(form).toEqual({ objective: 'implicit', rank: '8', lambda: '1', iterations: '3', holdoutPct: '10', alpha: '1', unobserved: '0.3', starOffset: '0', frequencyScaled: true });
    const { objective, rank, lambda, iterations, implicitAlpha, unobservedWeight, starOffset, frequencyScaled } = winner;
    expect(parsed(form).params).toEqual({ objective, rank, lambda, iterations, implicitAlpha, unobservedWeight, starOffset, frequencyScaled });
  });

  test('a knob the search did not set is the ranker\'s; an explicit winner keeps the form\'s ranking knobs and holdout', () => {
    const { frequencyScaled: _f, unobservedWeight: _u, ...plain } = winner;
    expect(formWith(ranking, plain)).toMatchObject({ unobserved: String(implicitDefaults.unobservedWeight), frequencyScaled: implicitDefaults.frequencyScaled, starOffset: '0' });
    const form = { ...ranking, holdoutPct: '0', alpha: '9' };
    const explicit = formWith(form, { rank: 16, lambda: 2.2, lambdaExponent: 0.4, biasLambda: 3, iterations: 8, seed: 42 });
    expect(explicit).toEqual({ ...form, objective: 'explicit', rank: '16', lambda: '2.2', iterations: '8' });
    expect(parsed(explicit)).toEqual({ params: { objective: 'explicit', rank: 16, lambda: 2.2, iterations: 8 }, holdout: 0 });
  });

  test('a TuneResult winner from the worker round-trips (the store passes r.params)', () => {
    const r: Pick<TuneResult, 'params'> = { params: winner };
    expect(parsed(formWith(ranking, r.params)).params).toMatchObject({ implicitAlpha: 1, unobservedWeight: 0.3, starOffset: 0, frequencyScaled: true });
  });
});

describe('the stored model line names the iALS knobs', () => {
  const summary = (params: AlsParams): ModelSummary => ({
    id: 'd:implicit',
    datasetId: 'd',
    objective: 'implicit',
    params,
    history: [{ iteration: 10, iterations: 10, trainRmse: 0.5123, seconds: 0.2 }],
    trainSeconds: 2.04,
    trainedAt: 0,
    holdout: 0,
  });

  test('the shipped iALS, a tuned one, and one stored before the knobs were parameters', () => {
    expect(describeModel(summary({ ...implicitDefaults }))).toBe('rank 32, λ 5, 10 iterations, α 3 over 3★, α0 1, 2.0 s; train preference error 0.5123 on all ratings');
    expect(implicitKnobs({ ...implicitDefaults, implicitAlpha: 7, unobservedWeight: 0.3, starOffset: 2.5, frequencyScaled: true })).toBe('α 7 over 2.5★, α0 0.3, frequency-scaled λ');
    // Without an offset every star counts; a model stored without the knobs trained with alpha 1 on the stars and α0 1.
    expect(implicitKnobs({ rank: 32, lambda: 5, biasLambda: 3, iterations: 10, seed: 1, objective: 'implicit' })).toBe('α 1 per star, α0 1');
    // The star model's line has none of them.
    expect(describeModel({ ...summary({ rank: 64, lambda: 2.2, biasLambda: 3, iterations: 15, seed: 1 }), objective: 'explicit' })).toBe('rank 64, λ 2.2, 15 iterations, 2.0 s; train RMSE 0.5123 on all ratings');
  });
});
