// How long a recommendation list is, which movies it leaves out and how many onboarding cards come at a time (app, serving worker, cli recommend).
export const recommendDefaults: Readonly<{ n: number; minCount: number; onboardingCards: number }> = Object.freeze({
  /** Movies in the list. */
  n: 20,
  /** Minimum number of MovieLens ratings for a recommended movie (as in the Spark MLlib tutorial). */
  minCount: 25,
  /** Onboarding cards fetched at a time (more are fetched as the queue runs short). */
  onboardingCards: 12,
});
