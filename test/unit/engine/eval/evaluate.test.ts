// Offline evaluation: ALS beats every baseline on planted data; reports carry the metrics the CLI promises.
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../../src/engine/eval/evaluate';
import { plantedLowRank } from '../../../../src/engine/synth';
import { explicitDefaults } from '../../../../src/engine/defaults/explicitDefaults';
import { implicitDefaults } from '../../../../src/engine/defaults/implicitDefaults';
import { alsParamsFrom } from '../../../../src/cli/commands/evalCommand';

describe('evaluate', () => {
  const data = plantedLowRank({ users: 300, items: 150, rank: 3, density: 0.3, noise: 0.3, seed: 11, clamp: true });
  const params = { ...explicitDefaults, rank: 6, lambda: 0.05, lambdaExponent: 1, biasLambda: 1, iterations: 10 };

  test('holdout: ALS < bias < global mean in RMSE; every model has rmse, mae, ndcg@10, recall@20', () => {
    const r = evaluate(data.columns, data.nUsers, data.nItems, params, { testFraction: 0.1, seed: 3 });
    expect(r.folds).toHaveLength(1);
    for (const m of [r.model, r.baselines.bias, r.baselines.globalMean, r.baselines.popularity]) {
      for (const key of ['rmse', 'mae', 'ndcg@10', 'recall@20', 'precision@10', 'coverage@20', 'fitSeconds']) expect(m[key]).toBeTypeOf('number');
    }
    expect(r.model.rmse).toBeLessThan(0.4); // noise std is 0.3
    expect(r.model.rmse).toBeLessThan(r.baselines.bias.rmse * 0.6);
    expect(r.baselines.bias.rmse).toBeLessThan(r.baselines.globalMean.rmse);
    expect(r.model['ndcg@10']).toBeGreaterThan(r.baselines.popularity['ndcg@10']);
  });

  test('k-fold averages the folds', () => {
    const r = evaluate(data.columns, data.nUsers, data.nItems, params, { folds: 3, seed: 3 });
    expect(r.folds).toHaveLength(3);
    const avg = r.folds.reduce((s, f) => s + f.model.rmse, 0) / 3;
    expect(r.model.rmse).toBeCloseTo(avg, 12);
  });

  test('CLI options override only what is given and keep the tuned exponent', () => {
    expect(alsParamsFrom({})).toEqual(explicitDefaults);
    expect(alsParamsFrom({ rank: '8', iters: '3' })).toEqual({ ...explicitDefaults, rank: 8, iterations: 3 });
    expect(() => alsParamsFrom({ lambda: 'abc' })).toThrow('--lambda expects a number, got "abc"');
    // --objective implicit starts from the implicit model's defaults (the app's iALS: rank 32, λ 5, 10 iterations,
    // confidence 1 + 3·max(0, stars − 3), α0 1, the plain penalty), not the explicit ones.
    expect(alsParamsFrom({ objective: 'implicit', alpha: '2', solver: 'exact' })).toEqual({ ...implicitDefaults, implicitAlpha: 2, solver: 'exact' });
    expect(alsParamsFrom({ objective: 'implicit' })).toEqual({ ...explicitDefaults, objective: 'implicit', rank: 32, lambda: 5, iterations: 10, implicitAlpha: 3, starOffset: 3, unobservedWeight: 1, frequencyScaled: false });
    expect(() => alsParamsFrom({ objective: 'ranking' })).toThrow('--objective expects one of explicit, implicit, got "ranking"');
  });
});
