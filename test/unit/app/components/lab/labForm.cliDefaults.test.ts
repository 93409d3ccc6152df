// The Model lab and the CLI start from the same defaults: the lab's default form trains (through the worker API) the
// params `cli train` uses for each objective, and the lab's default search is the CLI's grid at the lab's budget.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import * as api from '../../../../../src/worker-api/engineApi';
import { openDb } from '../../../../../src/store/db';
import { STORES } from '../../../../../src/store/schema';
import { FORM_DEFAULTS, IMPLICIT_TUNE_DEFAULTS, parseForm, parseTuneForm, TUNE_DEFAULTS, withObjective } from '../../../../../src/app/components/lab/labForm';
import { alsParamsFrom } from '../../../../../src/cli/commands/evalCommand';
import { tuneSpaceFrom, usage as tuneUsage } from '../../../../../src/cli/commands/tuneCommand';
import { gridOf } from '../../../../../src/engine/eval/tune';
import { OBJECTIVES } from '../../../../../src/engine/defaults/modelDefaults';
import { evaluationDefaults } from '../../../../../src/engine/defaults/evaluationDefaults';
import { rankerParams } from '../../../../../src/engine/defaults/rankerDefaults';
import type { AlsParams } from '../../../../../src/engine/types';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../fixtures/tiny/${name}`, import.meta.url)));

const byKey = (p: { rank: number; lambda: number }) => `${p.rank}/${p.lambda}`;

describe('the lab and the CLI share their defaults', () => {
  test('per objective, the lab form at its defaults trains exactly what `cli train --objective …` trains, with the numbers the docs state', async () => {
    await api.importFiles([{ name: 'ml-tiny.zip', bytes: zipSync({ 'ml-tiny/ratings.csv': fixture('ratings.csv'), 'ml-tiny/movies.csv': fixture('movies.csv') }) }], () => {});
    const db = await openDb();
    for (const objective of OBJECTIVES) {
      const parsed = parseForm(FORM_DEFAULTS[objective]);
      if (!parsed.ok) throw new Error(`the lab's ${objective} defaults do not parse: ${JSON.stringify(parsed.errors)}`);
      const summary = await api.train(parsed.value.params, () => {}, { holdout: parsed.value.holdout });
      const stored = (await db.get(STORES.models, summary.id))!;
      // The app's implicit model is the ranker's iALS, and `cli train --objective implicit` trains it with no options.
      expect(stored.params).toEqual(alsParamsFrom({ objective }));
      if (objective === 'implicit') expect(stored.params).toEqual({ ...rankerParams.ials });
      // The lab's validation run holds out the share `cli eval` holds out by default; the stored fit uses all ratings.
      expect(stored.validation?.holdout).toBe(evaluationDefaults.testFraction);
      expect(stored.holdout).toBe(0);
    }
    expect(alsParamsFrom({ objective: 'explicit' })).toMatchObject({ rank: 64, lambda: 2.2, lambdaExponent: 0.4, biasLambda: 3, iterations: 15 });
    expect(alsParamsFrom({ objective: 'implicit' })).toMatchObject({ objective: 'implicit', rank: 32, lambda: 5, lambdaExponent: 0.4, iterations: 10, implicitAlpha: 3, starOffset: 3, unobservedWeight: 1, frequencyScaled: false });
    // Both forms hold the ranking-only fields at the ranker's (the star model neither shows nor sends them).
    const knobs = { alpha: '3', unobserved: '1', starOffset: '3', frequencyScaled: false };
    expect(FORM_DEFAULTS.explicit).toEqual({ objective: 'explicit', rank: '64', lambda: '2.2', iterations: '15', holdoutPct: '10', ...knobs });
    expect(FORM_DEFAULTS.implicit).toEqual({ objective: 'implicit', rank: '32', lambda: '5', iterations: '10', holdoutPct: '10', ...knobs });
    // Switching the objective on an untouched form moves every field to the other objective's defaults.
    expect(withObjective(FORM_DEFAULTS.explicit, 'implicit')).toEqual(FORM_DEFAULTS.implicit);
  });

  test("the lab's default search is the CLI's grid at the default λ exponent and bias λ, with the lab's shorter budget", async () => {
    const parsed = parseTuneForm(TUNE_DEFAULTS);
    if (!parsed.options) throw new Error(`the lab's tune defaults do not parse: ${parsed.errors.join(' ')}`);
    const { options } = parsed;
    const cli = tuneSpaceFrom({});
    expect(options.ranks).toEqual(cli.rank);
    expect(options.lambdas).toEqual(cli.lambda);
    expect(options).toEqual({ ranks: [16, 32, 64], lambdas: [1.5, 2.2, 3], folds: 3, iterations: 8 });
    expect(tuneUsage).toContain('[--ranks 16,32,64] [--lambdas 1.5,2.2,3] [--exponents 0.4,1] [--bias-lambdas 3] [--iters 15]');
    // The grid holds the explicit model's default rank and λ, so a search can confirm the default.
    const explicit = alsParamsFrom({});
    expect(cli.rank).toContain(explicit.rank);
    expect(cli.lambda).toContain(explicit.lambda);

    // What the worker actually searched: every candidate is a CLI candidate (same λ exponent, bias λ and seed), at 8 iterations.
    const report = await api.tuneModel(options, () => {});
    const searched = report.results.map((r) => r.params).sort((a, b) => byKey(a).localeCompare(byKey(b)));
    const cliCandidates = gridOf(cli, evaluationDefaults.seed).filter((p) => p.lambdaExponent === explicit.lambdaExponent && p.biasLambda === explicit.biasLambda);
    expect(cliCandidates).toHaveLength(options.ranks.length * options.lambdas.length);
    expect(searched).toEqual(cliCandidates.map((p) => ({ ...p, iterations: options.iterations })).sort((a, b) => byKey(a).localeCompare(byKey(b))));
    expect(report.folds).toBe(3);
  });

  test("the lab's ranking search at its defaults is `cli tune --objective implicit`'s grid at the ranker's ν and the plain penalty: the search that chose the shipped iALS", async () => {
    const parsed = parseTuneForm(IMPLICIT_TUNE_DEFAULTS);
    if (!parsed.options) throw new Error(`the lab's ranking tune defaults do not parse: ${parsed.errors.join(' ')}`);
    const { options } = parsed;
    const cli = tuneSpaceFrom({}, 'implicit');
    // Every knob the lab searches is one the CLI's implicit grid searches, at the CLI's values.
    expect(options.alphas).toEqual(cli.confidence);
    expect(options.unobserved).toEqual(cli.unobservedWeight);
    expect(options.starOffsets).toEqual(cli.starOffset);
    expect(cli.frequencyScaled).toContain(false);
    expect(options.frequencyScaled).toEqual([false]);
    expect(cli.iterations).toEqual([options.iterations]);
    for (const l of options.lambdas) expect(cli.lambda).toContain(l);
    for (const k of options.ranks) expect(cli.rank).toContain(k);
    // The shipped iALS is one of its candidates.
    const shipped = rankerParams.ials;
    expect(options.ranks).toContain(shipped.rank);
    expect(options.lambdas).toContain(shipped.lambda);
    expect(options.alphas).toContain(shipped.implicitAlpha);
    expect(options.starOffsets).toContain(shipped.starOffset);

    // What the worker actually searched: the CLI's candidates at the ranker's ν, the plain penalty, the lab's ranks and λs.
    const report = await api.tuneModel(options, () => {});
    const key = (p: AlsParams) => JSON.stringify(Object.entries(p).sort(([a], [b]) => a.localeCompare(b)));
    const cliCandidates = gridOf(cli, evaluationDefaults.seed, 'implicit').filter(
      (p) => p.lambdaExponent === shipped.lambdaExponent && p.frequencyScaled === false && options.ranks.includes(p.rank) && options.lambdas.includes(p.lambda),
    );
    expect(cliCandidates).toHaveLength(24);
    expect(report.results.map((r) => key(r.params)).sort()).toEqual(cliCandidates.map(key).sort());
  });
});
