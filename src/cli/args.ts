// Small helpers for parsing command-line option values.

/** A numeric option: the fallback when absent, an error naming the option when not a number. */
export function num(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new Error(`--${name} expects a number, got "${v}"`);
  return x;
}
