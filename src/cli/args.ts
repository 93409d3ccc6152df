// Small helpers for parsing command-line option values.

/** A numeric option: the fallback when absent, an error naming the option when not a number. */
export function num(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new Error(`--${name} expects a number, got "${v}"`);
  return x;
}

/** An option with a fixed set of values: undefined when absent, an error naming the option and the choices otherwise. */
export function oneOf<T extends string>(v: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new Error(`--${name} expects one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}
