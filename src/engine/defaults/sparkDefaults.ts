// An imported Spark ALS model's default: the regParam its person fold-in uses when none is given (app and `cli import-spark`).
export const sparkDefaults: Readonly<{ regParam: number }> = Object.freeze({
  /** Spark MLlib ALS's own default regParam (its user step penalizes regParam·n). */
  regParam: 0.1,
});
