// Prediction error metrics (RMSE, MAE) of a predictor over rating columns.

import type { RatingColumns } from '../types';

/** Predicted rating for a (user, item) pair of dense indices. */
export type Predictor = (user: number, item: number) => number;

/** Root mean squared error; NaN for empty input. */
export function rmse(predict: Predictor, cols: RatingColumns): number {
  const n = cols.length;
  if (n === 0) return NaN;
  let sse = 0;
  for (let k = 0; k < n; k++) {
    const e = cols.ratings[k] - predict(cols.users[k], cols.items[k]);
    sse += e * e;
  }
  return Math.sqrt(sse / n);
}

/** Mean absolute error; NaN for empty input. */
export function mae(predict: Predictor, cols: RatingColumns): number {
  const n = cols.length;
  if (n === 0) return NaN;
  let sae = 0;
  for (let k = 0; k < n; k++) sae += Math.abs(cols.ratings[k] - predict(cols.users[k], cols.items[k]));
  return sae / n;
}
