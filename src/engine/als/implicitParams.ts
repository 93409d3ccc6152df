// What an implicit (iALS) row solve takes from AlsParams: confidence per star and penalty, both relative to the unobserved weight.
import type { AlsParams } from '../types';
import type { Regularization } from './regularization';
import { STORED_IMPLICIT_ALPHA, STORED_UNOBSERVED_WEIGHT } from '../defaults/implicitDefaults';

/** The kernel's alpha (c = 1 + alpha·stars) and the row penalty's regularization for one side of an implicit model. */
export interface ImplicitRowParams {
  alpha: number;
  reg: Regularization;
}

/**
 * The per-rating values the implicit kernels read (their confidence is 1 + alpha·value): the stars themselves, or
 * max(0, stars − starOffset) when a star offset is set. `alloc` places the copy (shared memory for shard threads).
 */
export function implicitValues(params: AlsParams, stars: Float32Array, alloc: (n: number) => Float32Array = (n) => new Float32Array(n)): Float32Array {
  const s0 = params.starOffset ?? 0;
  if (s0 === 0) return stars;
  const out = alloc(stars.length);
  for (let k = 0; k < stars.length; k++) out[k] = Math.max(0, stars[k] - s0);
  return out;
}

/**
 * The row system with unobserved weight α0 is α0·YᵀY + Σ_rated a·q qᵀ + penalty·I = Σ_rated (α0 + a)·q with
 * a = implicitAlpha·value (implicitValues); divided by α0 it is the kernels' Hu et al. system with alpha = implicitAlpha/α0 and
 * penalty/α0, and the same solution. `nOther` is the other side's size (movies for a person's row, people for a
 * movie's): the offset α0·nOther of the frequency-scaled penalty.
 */
export function implicitRowParams(params: AlsParams, nOther: number): ImplicitRowParams {
  const w0 = params.unobservedWeight ?? STORED_UNOBSERVED_WEIGHT;
  return {
    alpha: (params.implicitAlpha ?? STORED_IMPLICIT_ALPHA) / w0,
    reg: {
      lambda: params.lambda / w0,
      biasLambda: params.biasLambda,
      lambdaExponent: params.lambdaExponent,
      ...(params.frequencyScaled ? { countOffset: w0 * nOther } : {}),
    },
  };
}
