// How evaluations split the ratings when not told: the held-out share and the split seed (CLI eval and tune, the lab).
export const evaluationDefaults: Readonly<{ testFraction: number; seed: number; rankingTestFraction: number }> = Object.freeze({
  /** Share of the ratings held out: `cli eval`'s 90/10 split, the lab's validation holdout and its evaluation. */
  testFraction: 0.1,
  /** Seed of every evaluation split (holdouts and folds), so the CLI and the lab measure on the same split. */
  seed: 42,
  /** Share of each user's ratings held out per fold when an implicit model is scored by ranking (tune). */
  rankingTestFraction: 0.2,
});
