// The Model lab's training and tuning controls as typed: their defaults (from src/engine/defaults), limits and parsing with field errors.
import type { AlsParams } from '../../../engine/types';
import { defaultsFor, type Objective } from '../../../engine/defaults/modelDefaults';
import { evaluationDefaults } from '../../../engine/defaults/evaluationDefaults';
import { implicitDefaults } from '../../../engine/defaults/implicitDefaults';
import { describeRange, inRange, PARAM_RANGES, type Range } from '../../../engine/als/paramRanges';
import { labImplicitTuneDefaults, labTuneDefaults, TUNE_LIMITS } from '../../../engine/defaults/tuningDefaults';
import type { LabTuneOptions } from '../../../client/workerTypes';

export type { Objective };

/** Field values as the inputs hold them (strings, so a half-typed number is not lost). */
export interface TrainForm {
  objective: Objective;
  rank: string;
  lambda: string;
  iterations: string;
  /** Validation holdout in percent. */
  holdoutPct: string;
  /** The ranking objective only (both objectives' forms hold them, so a switch keeps them): confidence α per star above the offset. */
  alpha: string;
  /** Rendle et al.'s α0: the weight of every unrated movie. */
  unobserved: string;
  /** Stars at or below it count as a plain watch. */
  starOffset: string;
  /** The frequency-scaled penalty λ·(n + α0·N)^ν instead of λ·n^ν. */
  frequencyScaled: boolean;
}

/** The typed fields (all but the objective and the frequency switch). */
export type TrainField = Exclude<keyof TrainForm, 'objective' | 'frequencyScaled'>;

/** The fields only the ranking objective shows and sends. */
export const IMPLICIT_FIELDS: readonly (TrainField | 'frequencyScaled')[] = ['alpha', 'unobserved', 'starOffset', 'frequencyScaled'];

export type FormErrors = Partial<Record<TrainField, string>>;

/** A share as the form's whole percent: 0.1 → "10". */
export const percent = (share: number): string => String(Math.round(share * 100));

/** The app's iALS (the ranker's, rankerParams.ials): the ranking objective's fields start at its defaults. */
const ials = implicitDefaults;

/** The ranking-only fields of an AlsParams, as the form holds them (absent ones at the ranker's iALS). */
function implicitFieldsOf(p: Partial<AlsParams>): Pick<TrainForm, 'alpha' | 'unobserved' | 'starOffset' | 'frequencyScaled'> {
  return {
    alpha: String(p.implicitAlpha ?? ials.implicitAlpha),
    unobserved: String(p.unobservedWeight ?? ials.unobservedWeight),
    starOffset: String(p.starOffset ?? ials.starOffset),
    frequencyScaled: p.frequencyScaled ?? ials.frequencyScaled,
  };
}

/**
 * The training form at one objective's defaults (src/engine/defaults), validated on the evaluation's holdout share.
 * The implicit model is the default list's ranker, so its fields start at the ranker's iALS (implicitDefaults).
 */
function formDefaults(objective: Objective): TrainForm {
  const d = objective === 'implicit' ? ials : defaultsFor(objective);
  return {
    objective,
    rank: String(d.rank),
    lambda: String(d.lambda),
    iterations: String(d.iterations),
    holdoutPct: percent(evaluationDefaults.testFraction),
    ...implicitFieldsOf(ials),
  };
}

/** The form's defaults per objective, as strings of the engine's numbers. */
export const FORM_DEFAULTS: Record<Objective, TrainForm> = { explicit: formDefaults('explicit'), implicit: formDefaults('implicit') };

const span = (r: Range) => [r.min, r.max] as const;

/** What each training field accepts, [min, max] (the inputs' min and max); parseForm checks PARAM_RANGES, open ends included. */
export const FORM_LIMITS = Object.freeze({
  rank: TUNE_LIMITS.rank,
  lambda: span(PARAM_RANGES.lambda),
  iterations: TUNE_LIMITS.iterations,
  holdoutPct: [PARAM_RANGES.holdout.min * 100, PARAM_RANGES.holdout.max * 100] as const,
  alpha: span(PARAM_RANGES.implicitAlpha),
  unobserved: span(PARAM_RANGES.unobservedWeight),
  starOffset: span(PARAM_RANGES.starOffset),
} satisfies Record<TrainField, readonly [number, number]>);

/** Switches the objective; fields still at the other objective's defaults take the new objective's defaults. */
export function withObjective(form: TrainForm, objective: Objective): TrainForm {
  const from = FORM_DEFAULTS[form.objective];
  const to = FORM_DEFAULTS[objective];
  const pick = <K extends keyof TrainForm>(k: K) => (form[k] === from[k] ? to[k] : form[k]);
  return {
    objective,
    rank: pick('rank'),
    lambda: pick('lambda'),
    iterations: pick('iterations'),
    holdoutPct: form.holdoutPct,
    alpha: pick('alpha'),
    unobserved: pick('unobserved'),
    starOffset: pick('starOffset'),
    frequencyScaled: pick('frequencyScaled'),
  };
}

/**
 * The form holding a tuned configuration ("Train with the winner"): its objective, rank, λ and iterations, and for
 * the ranking objective its confidence, α0, star offset and penalty (a knob the search did not set: the ranker's).
 */
export function formWith(form: TrainForm, p: AlsParams): TrainForm {
  const objective = p.objective ?? 'explicit';
  const base = { ...form, objective, rank: String(p.rank), lambda: String(p.lambda), iterations: String(p.iterations) };
  return objective === 'implicit' ? { ...base, ...implicitFieldsOf(p) } : base;
}

export interface ParsedForm {
  params: Partial<AlsParams>;
  /** 0 ≤ holdout < 1. */
  holdout: number;
}

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
const within = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;

export function parseForm(form: TrainForm): { ok: true; value: ParsedForm } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const rank = num(form.rank);
  const lambda = num(form.lambda);
  const iterations = num(form.iterations);
  const pct = num(form.holdoutPct);
  const { rank: r, lambda: l, iterations: it, holdoutPct: h } = FORM_LIMITS;
  if (!(Number.isInteger(rank) && within(rank, r))) errors.rank = `Rank: a whole number from ${r[0]} to ${r[1]}.`;
  if (!(Number.isFinite(lambda) && within(lambda, l))) errors.lambda = `λ: a number from ${l[0]} to ${l[1]}.`;
  if (!(Number.isInteger(iterations) && within(iterations, it))) errors.iterations = `Iterations: a whole number from ${it[0]} to ${it[1]}.`;
  if (!(Number.isFinite(pct) && within(pct, h))) errors.holdoutPct = `Validation holdout: a percentage from ${h[0]} to ${h[1]}.`;
  const implicit = form.objective === 'implicit';
  const alpha = num(form.alpha);
  const unobserved = num(form.unobserved);
  const starOffset = num(form.starOffset);
  // The ranking-only fields are checked (and sent) for the ranking objective only: the star model does not read them.
  if (implicit) {
    if (!inRange(alpha, PARAM_RANGES.implicitAlpha)) errors.alpha = `Confidence α: ${describeRange(PARAM_RANGES.implicitAlpha)}.`;
    if (!inRange(unobserved, PARAM_RANGES.unobservedWeight)) errors.unobserved = `Unobserved weight α0: ${describeRange(PARAM_RANGES.unobservedWeight)}.`;
    if (!inRange(starOffset, PARAM_RANGES.starOffset)) errors.starOffset = `Star offset: ${describeRange(PARAM_RANGES.starOffset)}.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const knobs: Partial<AlsParams> = implicit ? { implicitAlpha: alpha, unobservedWeight: unobserved, starOffset, frequencyScaled: form.frequencyScaled } : {};
  return { ok: true, value: { params: { objective: form.objective, rank, lambda, iterations, ...knobs }, holdout: pct / 100 } };
}

/** Numbers from a comma- or space-separated list ("16, 32, 64"); null when any entry is not a number. */
export function parseList(s: string): number[] | null {
  const parts = s.split(/[\s,;]+/).filter(Boolean);
  const xs = parts.map(Number);
  return parts.length > 0 && xs.every((x) => Number.isFinite(x)) ? xs : null;
}

/** The frequency-scaled penalty as the search form offers it: the plain penalty, the scaled one, or both. */
export type FrequencyChoice = 'off' | 'on' | 'both';

/** What each frequency choice searches (SearchSpace.frequencyScaled). */
export const FREQUENCY_CHOICES: Readonly<Record<FrequencyChoice, readonly boolean[]>> = Object.freeze({ off: [false], on: [true], both: [false, true] });

/** The choice that searches `xs` (a default list as the form shows it). */
function frequencyChoice(xs: readonly boolean[]): FrequencyChoice {
  return xs.includes(true) ? (xs.includes(false) ? 'both' : 'on') : 'off';
}

/** The search's inputs as typed; `alphas`, `unobserved`, `starOffsets` and `frequency` count for the ranking objective only. */
export interface TuneForm {
  objective: Objective;
  ranks: string;
  lambdas: string;
  folds: string;
  iterations: string;
  alphas: string;
  unobserved: string;
  starOffsets: string;
  frequency: FrequencyChoice;
}

const implicitTune = labImplicitTuneDefaults;

/** The ranking-only fields at labImplicitTuneDefaults (both objectives' forms hold them, so a switch keeps them). */
const implicitFields = {
  alphas: implicitTune.alphas.join(', '),
  unobserved: implicitTune.unobserved.join(', '),
  starOffsets: implicitTune.starOffsets.join(', '),
  frequency: frequencyChoice(implicitTune.frequencyScaled),
};

/** The lab's default search (labTuneDefaults in src/engine/defaults/tuningDefaults.ts) as the form shows it. */
export const TUNE_DEFAULTS: TuneForm = {
  objective: 'explicit',
  ranks: labTuneDefaults.ranks.join(', '),
  lambdas: labTuneDefaults.lambdas.join(', '),
  folds: String(labTuneDefaults.folds),
  iterations: String(labTuneDefaults.iterations),
  ...implicitFields,
};

/** The ranking objective's default search (labImplicitTuneDefaults). */
export const IMPLICIT_TUNE_DEFAULTS: TuneForm = {
  objective: 'implicit',
  ranks: implicitTune.ranks.join(', '),
  lambdas: implicitTune.lambdas.join(', '),
  folds: String(implicitTune.folds),
  iterations: String(implicitTune.iterations),
  ...implicitFields,
};

/** Switches the search's objective; fields still at the other objective's defaults take the new objective's. */
export function withTuneObjective(form: TuneForm, objective: Objective): TuneForm {
  const [from, to] = objective === 'implicit' ? [TUNE_DEFAULTS, IMPLICIT_TUNE_DEFAULTS] : [IMPLICIT_TUNE_DEFAULTS, TUNE_DEFAULTS];
  const pick = <K extends keyof TuneForm>(k: K) => (form[k] === from[k] ? to[k] : form[k]);
  return { ...form, objective, ranks: pick('ranks'), lambdas: pick('lambdas'), folds: pick('folds'), iterations: pick('iterations') };
}

/** Configurations the worker's options ask for. */
export function optionConfigs(o: LabTuneOptions): number {
  const n = (xs: readonly unknown[] | undefined) => xs?.length ?? 1;
  return o.ranks.length * o.lambdas.length * (o.objective === 'implicit' ? n(o.alphas) * n(o.unobserved) * n(o.starOffsets) * n(o.frequencyScaled) : 1);
}

/** Configurations a search form asks for (0 while a list it counts does not parse): optionConfigs over its lists. */
export function tuneConfigs(f: TuneForm): number {
  const [ranks, lambdas, alphas, unobserved, starOffsets] = [f.ranks, f.lambdas, f.alphas, f.unobserved, f.starOffsets].map(parseList);
  if (!ranks || !lambdas) return 0;
  if (f.objective !== 'implicit') return optionConfigs({ ranks, lambdas, folds: 0, iterations: 0 });
  if (!alphas || !unobserved || !starOffsets) return 0;
  return optionConfigs({ objective: 'implicit', ranks, lambdas, folds: 0, iterations: 0, alphas, unobserved, starOffsets, frequencyScaled: [...FREQUENCY_CHOICES[f.frequency]] });
}

/** The search form as the worker's options, or the messages saying what each field expects. */
export function parseTuneForm(f: TuneForm): { errors: string[]; options?: undefined } | { errors?: undefined; options: LabTuneOptions } {
  const ranks = parseList(f.ranks);
  const lambdas = parseList(f.lambdas);
  const folds = Number(f.folds);
  const iterations = Number(f.iterations);
  const { rank: r, folds: fo, iterations: it, configs } = TUNE_LIMITS;
  const errors: string[] = [];
  if (!ranks || !ranks.every((x) => Number.isInteger(x) && within(x, r))) errors.push(`Ranks: whole numbers from ${r[0]} to ${r[1]}, separated by commas.`);
  if (!lambdas || !lambdas.every((l) => l >= 0)) errors.push('λ values: numbers ≥ 0, separated by commas.');
  if (!(Number.isInteger(folds) && within(folds, fo))) errors.push(`Folds: a whole number from ${fo[0]} to ${fo[1]}.`);
  if (!(Number.isInteger(iterations) && within(iterations, it))) errors.push(`Iterations: a whole number from ${it[0]} to ${it[1]}.`);
  const implicit = f.objective === 'implicit';
  const alphas = parseList(f.alphas);
  const unobserved = parseList(f.unobserved);
  const starOffsets = parseList(f.starOffsets);
  if (implicit && !(alphas && alphas.every((a) => inRange(a, PARAM_RANGES.implicitAlpha))))
    errors.push(`Confidence alphas: numbers from ${PARAM_RANGES.implicitAlpha.min} to ${PARAM_RANGES.implicitAlpha.max}, separated by commas.`);
  if (implicit && !(unobserved && unobserved.every((w) => inRange(w, PARAM_RANGES.unobservedWeight))))
    errors.push(`Unobserved weights (α0): numbers above 0 and at most ${PARAM_RANGES.unobservedWeight.max}, separated by commas.`);
  if (implicit && !(starOffsets && starOffsets.every((s) => inRange(s, PARAM_RANGES.starOffset))))
    errors.push(`Star offsets: numbers from ${PARAM_RANGES.starOffset.min} to below ${PARAM_RANGES.starOffset.max}, separated by commas.`);
  const n = tuneConfigs(f);
  if (n > configs) errors.push(`${n} configurations is too many for one search (at most ${configs}).`);
  if (errors.length) return { errors };
  return {
    options: implicit
      ? { objective: 'implicit', ranks: ranks!, lambdas: lambdas!, folds, iterations, alphas: alphas!, unobserved: unobserved!, starOffsets: starOffsets!, frequencyScaled: [...FREQUENCY_CHOICES[f.frequency]] }
      : { ranks: ranks!, lambdas: lambdas!, folds, iterations },
  };
}
