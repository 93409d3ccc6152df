// The status line names the models in use: the ranked list's ranker (iALS + EASE) and the star model, never only "rank 64".
import { expect, test } from 'vitest';
import type { ModelSummary } from '../../../src/worker-api/apiTypes';
import { modelsInUse, rankerName } from '../../../src/app/modelsInUse';

const model = (objective: 'explicit' | 'implicit', rank: number, iterations: number, spark = false, easeItems?: number): ModelSummary => ({
  id: `ml:${objective}`,
  datasetId: 'ml',
  objective,
  params: { rank, iterations, lambda: 1, biasLambda: 1, seed: 1, ...(objective === 'implicit' ? { objective } : {}) },
  history: spark ? [] : Array.from({ length: iterations }, (_, k) => ({ iteration: k + 1, iterations, trainRmse: 0.7, seconds: 0.1 })),
  trainSeconds: 1,
  trainedAt: 0,
  holdout: 0,
  ...(easeItems !== undefined ? { ranker: { easeItems, easeLambda: 100, blend: 0.4 } } : {}),
});

test('the ranked list shown: the line names the ranker (iALS + EASE) and ALS for the stars', () => {
  expect(modelsInUse({ model: model('explicit', 64, 15), ranker: model('implicit', 32, 10, false, 1000) }, 'ranker')).toBe(
    'ranked by iALS rank 32 + EASE · stars by ALS rank 64, 15 iterations',
  );
  expect(modelsInUse({ model: model('explicit', 64, 15), ranker: model('implicit', 32, 5, false, 0) }, 'ranker')).toBe('ranked by iALS rank 32 · stars by ALS rank 64, 15 iterations');
  expect(rankerName(model('implicit', 32, 10, false, 1000))).toBe('iALS rank 32, 10 iterations + EASE over 1,000 movies');
});

test('the star list, or the ranked list asked for without a ranker: the explicit model alone', () => {
  expect(modelsInUse({ model: model('explicit', 64, 15), ranker: model('implicit', 32, 10, false, 1000) }, 'stars')).toBe('model: rank 64, 15 iterations');
  expect(modelsInUse({ model: model('explicit', 64, 15), ranker: null }, 'ranker')).toBe('model: rank 64, 15 iterations');
  expect(modelsInUse({ model: model('explicit', 4, 0, true), ranker: null }, 'stars')).toBe('model: Spark ALS factors, rank 4');
  expect(modelsInUse({ model: null, ranker: null }, 'stars')).toBeNull();
});
