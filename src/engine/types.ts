// Shared engine data types: columnar ratings, ALS parameters and the trained model.

/** Ratings as parallel columns over dense indices (0..nUsers-1, 0..nItems-1). */
export interface RatingColumns {
  users: Int32Array;
  items: Int32Array;
  /** Stars, e.g. 0.5..5 in half steps. */
  ratings: Float32Array;
  length: number;
}

export interface AlsParams {
  /** Number of latent factors. */
  rank: number;
  /** Factor regularization, multiplied by the row's rating count (ALS-WR / Spark MLlib style). */
  lambda: number;
  /** Bias regularization (not weighted by count). */
  biasLambda: number;
  /**
   * Exponent α of the rating count in the factor penalty λ·n^α. Absent or 1: λ·n (ALS-WR / Spark MLlib);
   * below 1 regularizes rare rows relatively more (tuned value in src/engine/defaults/explicitDefaults.ts).
   */
  lambdaExponent?: number;
  /**
   * Row solver for training: 'exact' (Cholesky, or the dual system for short rows), 'cg' (warm-started conjugate
   * gradient, no Gram matrix) or 'auto' / absent (cg from rank CG_MIN_RANK up, see src/engine/als/solver.ts).
   * Fold-in is always exact.
   */
  solver?: 'auto' | 'exact' | 'cg';
  /** Conjugate-gradient steps per row and half-step when the cg solver is used (default in solver.ts). */
  cgSteps?: number;
  /**
   * 'explicit' (absent): fit the star ratings with biases. 'implicit': Hu, Koren & Volinsky's iALS for ranking
   * what a person will watch: every rating is a watch (preference 1, confidence 1 + implicitAlpha·stars), every
   * other movie preference 0 with confidence 1; no biases (mu and biases stay 0), scores rank rather than predict.
   */
  objective?: 'explicit' | 'implicit';
  /** Confidence per star for the implicit objective (default 1). */
  implicitAlpha?: number;
  /**
   * Implicit only: the weight of every unrated movie's preference 0 (Rendle et al. 2022's α0; default 1, Hu et al.).
   * A rated movie weighs α0 + implicitAlpha·stars, so a smaller α0 trusts the watches more.
   */
  unobservedWeight?: number;
  /**
   * Implicit only: Rendle et al.'s frequency-scaled regularization, penalty λ·(n + α0·N)^ν with ν = lambdaExponent
   * and N the other side's size (all movies for a person, all people for a movie), instead of λ·n^ν.
   */
  frequencyScaled?: boolean;
  /**
   * Implicit only: stars at or below this count as a weak watch. A rating's confidence above the unobserved weight is
   * implicitAlpha·max(0, stars − starOffset); absent or 0: implicitAlpha·stars (Hu et al.'s linear confidence).
   */
  starOffset?: number;
  iterations: number;
  seed: number;
}

/** r̂(u,i) = mu + userBias[u] + itemBias[i] + P[u]·Q[i]; factor tables are row-major, rank floats a row. */
export interface AlsModel {
  rank: number;
  nUsers: number;
  nItems: number;
  mu: number;
  userBias: Float32Array;
  itemBias: Float32Array;
  userFactors: Float32Array;
  itemFactors: Float32Array;
  params: AlsParams;
}

/** A single user's taste: what fold-in produces and what scoring consumes. */
export interface UserVector {
  bias: number;
  factors: Float64Array;
}

export interface IterationInfo {
  iteration: number;
  iterations: number;
  trainRmse: number;
  validationRmse?: number;
  seconds: number;
  /** Threads that ran the half-steps (1 when trained in one worker); absent in models from before it was recorded. */
  workers?: number;
  /** The kernels that ran them (KERNEL_LABELS in als/kernelSet.ts); absent in models from before it was recorded. */
  kernel?: KernelId;
  /**
   * Which fit of a training with a validation holdout reported it: 'validation' (trained on the rest, measured on the
   * held-out share: the chart's run) or 'final' (all ratings: the model that is stored). Absent for a plain training.
   */
  fit?: 'validation' | 'final';
}

/** An import's progress report (the worker posts it throttled; tabs relay it to one another while the job runs). */
export interface ImportProgress {
  phase: 'download' | 'unzip' | 'parse' | 'write';
  /** 0..1 over the whole import. */
  fraction: number;
  rows: number;
  /** Ratings file bytes read (uncompressed) and its size, when known. */
  bytesDone?: number;
  bytesTotal?: number;
  /** Ratings file throughput so far, and the time left at that rate. */
  mbPerSecond?: number;
  secondsLeft?: number;
}

/** Which row kernels a training ran: the JavaScript ones, or the WebAssembly SIMD ones (relaxed: with fused multiply-add). */
export type KernelId = 'js' | 'wasm-simd' | 'wasm-relaxed-simd';

export interface ScoredItem {
  item: number;
  score: number;
}
