// Small seeded PRNG (mulberry32) with uniform, integer and Gaussian draws; deterministic across runtimes.

export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal N(0, 1) via Box–Muller. */
  normal(): number;
}

/** mulberry32: 32-bit state, period 2^32, good enough for init, splits and synthetic data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  let spare = 0;
  let hasSpare = false;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    int: (n: number): number => Math.floor(uniform() * n),
    normal: (): number => {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      let u = uniform();
      while (u <= 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      hasSpare = true;
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}
