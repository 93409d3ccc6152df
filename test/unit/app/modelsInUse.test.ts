// The status line names the models in use: the implicit list's ranker and the star model, never only "rank 64".
import { expect, test } from 'vitest';
import type { ModelSummary } from '../../../src/worker-api/apiTypes';
import { modelsInUse } from '../../../src/app/modelsInUse';

const model = (objective: 'explicit' | 'implicit', rank: number, iterations: number, spark = false): ModelSummary => ({
  id: `ml:${objective}`,
  datasetId: 'ml',
  objective,
  params: { rank, iterations, lambda: 1, biasLambda: 1, seed: 1, ...(objective === 'implicit' ? { objective } : {}) },
  history: spark ? [] : Array.from({ length: iterations }, (_, k) => ({ iteration: k + 1, iterations, trainRmse: 0.7, seconds: 0.1 })),
  trainSeconds: 1,
  trainedAt: 0,
  holdout: 0,
});

test('the implicit list shown: the line names iALS as the ranker and ALS for the stars', () => {
  expect(modelsInUse({ model: model('explicit', 64, 15), implicitModel: model('implicit', 32, 5) }, 'implicit')).toBe(
    'ranked by implicit ALS (iALS) rank 32, 5 iterations · stars by ALS rank 64, 15 iterations',
  );
});

test('the star list, or the implicit list asked for without an implicit model: the explicit model alone', () => {
  expect(modelsInUse({ model: model('explicit', 64, 15), implicitModel: model('implicit', 32, 5) }, 'explicit')).toBe('model: rank 64, 15 iterations');
  expect(modelsInUse({ model: model('explicit', 64, 15), implicitModel: null }, 'implicit')).toBe('model: rank 64, 15 iterations');
  expect(modelsInUse({ model: model('explicit', 4, 0, true), implicitModel: null }, 'explicit')).toBe('model: Spark ALS factors, rank 4');
  expect(modelsInUse({ model: null, implicitModel: null }, 'explicit')).toBeNull();
});
