// The training controls' values as typed, their defaults per objective, and parsing into ALS params with field errors.
import type { AlsParams } from '../../../engine/types';

export type Objective = 'explicit' | 'implicit';

/** Field values as the inputs hold them (strings, so a half-typed number is not lost). */
export interface TrainForm {
  objective: Objective;
  rank: string;
  lambda: string;
  iterations: string;
  /** Validation holdout in percent. */
  holdoutPct: string;
}

export type FormErrors = Partial<Record<Exclude<keyof TrainForm, 'objective'>, string>>;

/**
 * Defaults per objective. Explicit: the engine's tuned defaults (rank 64, λ 2.2·n^0.4, 15 iterations).
 * Implicit (iALS): from `cli tune --objective implicit` on ml-latest-small (NDCG@10 over two per-user 20% holdouts):
 * λ 5 and alpha 1 win over λ 1–40 and alpha 0.3–10 (NDCG@10 0.290 against 0.278 at λ 2.2; popularity 0.153);
 * rank 32 × 10 iterations fits in about 2 s, where rank 64 gains little (0.297) for three times the time.
 */
export const FORM_DEFAULTS: Record<Objective, TrainForm> = {
  explicit: { objective: 'explicit', rank: '64', lambda: '2.2', iterations: '15', holdoutPct: '10' },
  implicit: { objective: 'implicit', rank: '32', lambda: '5', iterations: '10', holdoutPct: '10' },
};

/** Switches the objective; fields still at the other objective's defaults take the new objective's defaults. */
export function withObjective(form: TrainForm, objective: Objective): TrainForm {
  const from = FORM_DEFAULTS[form.objective];
  const to = FORM_DEFAULTS[objective];
  const pick = <K extends keyof TrainForm>(k: K) => (form[k] === from[k] ? to[k] : form[k]);
  return { objective, rank: pick('rank'), lambda: pick('lambda'), iterations: pick('iterations'), holdoutPct: form.holdoutPct };
}

export interface ParsedForm {
  params: Partial<AlsParams>;
  /** 0 ≤ holdout < 1. */
  holdout: number;
}

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

export function parseForm(form: TrainForm): { ok: true; value: ParsedForm } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const rank = num(form.rank);
  const lambda = num(form.lambda);
  const iterations = num(form.iterations);
  const pct = num(form.holdoutPct);
  if (!(Number.isInteger(rank) && rank >= 1 && rank <= 256)) errors.rank = 'Rank: a whole number from 1 to 256.';
  if (!(Number.isFinite(lambda) && lambda >= 0 && lambda <= 100)) errors.lambda = 'λ: a number from 0 to 100.';
  if (!(Number.isInteger(iterations) && iterations >= 1 && iterations <= 100)) errors.iterations = 'Iterations: a whole number from 1 to 100.';
  if (!(Number.isFinite(pct) && pct >= 0 && pct <= 50)) errors.holdoutPct = 'Validation holdout: a percentage from 0 to 50.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { params: { objective: form.objective, rank, lambda, iterations }, holdout: pct / 100 } };
}

/** Numbers from a comma- or space-separated list ("16, 32, 64"); null when any entry is not a number. */
export function parseList(s: string): number[] | null {
  const parts = s.split(/[\s,;]+/).filter(Boolean);
  const xs = parts.map(Number);
  return parts.length > 0 && xs.every((x) => Number.isFinite(x)) ? xs : null;
}
