// What the training panel says: the error names per objective, a stored model's summary, a run's status line and the
// chart's caption, naming which fit is the model in use (plain text, no React, so the unit tests read it).
import type { ModelSummary } from '../../../client/workerTypes';
import type { AlsParams, IterationInfo } from '../../../engine/types';
import { STORED_IMPLICIT_ALPHA, STORED_UNOBSERVED_WEIGHT } from '../../../engine/defaults/implicitDefaults';
import { thousands } from '../../format';
import type { Objective } from './labForm';
import type { TrainRun } from './labStore';

/** What the curves measure, per objective: the engine reports RMSE of stars, or of the preference 1 for iALS. */
export function errorNames(objective: Objective) {
  return objective === 'implicit'
    ? { short: 'preference error', train: 'Train preference error', validation: 'Validation preference error', inTrain: 'train preference error', inValidation: 'validation preference error', axis: 'RMSE of score vs 1' }
    : { short: 'RMSE', train: 'Train RMSE', validation: 'Validation RMSE', inTrain: 'train RMSE', inValidation: 'validation RMSE', axis: 'RMSE (stars)' };
}

/** A share as whole percent: 0.1 → "10%". */
const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * An implicit model's confidence, α0 and penalty: "α 3 over 3★, α0 1" (", frequency-scaled λ" when on; "α 1 per star"
 * without an offset). Knobs a stored model lacks are read as training read them: the stored alpha, no offset, α0 1.
 */
export function implicitKnobs(p: AlsParams): string {
  const alpha = p.implicitAlpha ?? STORED_IMPLICIT_ALPHA;
  const offset = p.starOffset ?? 0;
  const confidence = offset > 0 ? `α ${alpha} over ${offset}★` : `α ${alpha} per star`;
  return `${confidence}, α0 ${p.unobservedWeight ?? STORED_UNOBSERVED_WEIGHT}${p.frequencyScaled ? ', frequency-scaled λ' : ''}`;
}

/** A stored model in one line: its settings (an implicit model's confidence too), its own fit, and the validation run when it had one. */
export function describeModel(m: ModelSummary): string {
  const names = errorNames(m.objective);
  const own = m.history.at(-1);
  const knobs = m.objective === 'implicit' ? `, ${implicitKnobs(m.params)}` : '';
  const head = `rank ${m.params.rank}, λ ${m.params.lambda}, ${m.params.iterations} iterations${knobs}, ${m.trainSeconds.toFixed(1)} s`;
  if (m.holdout > 0) {
    // Stored by an older lab training: its factors come from the rest of the ratings.
    const val = own?.validationRmse !== undefined ? `, ${names.inValidation} ${own.validationRmse.toFixed(4)} on the other ${pct(m.holdout)}` : '';
    return `${head}; trained on ${pct(1 - m.holdout)} of the ratings${own ? ` (${names.inTrain} ${own.trainRmse.toFixed(4)})` : ''}${val}. Train again to fit it on all of them.`;
  }
  const fit = own ? `; ${names.inTrain} ${own.trainRmse.toFixed(4)} on all ratings` : '';
  const v = m.validation?.history.at(-1);
  const val = m.validation && v?.validationRmse !== undefined ? `; validation run: ${names.inValidation} ${v.validationRmse.toFixed(4)} with ${pct(m.validation.holdout)} held out` : '';
  return `${head}${fit}${val}`;
}

const iterationLine = (i: IterationInfo, total: number, names: ReturnType<typeof errorNames>) =>
  `iteration ${i.iteration} of ${total}: ${names.inTrain} ${i.trainRmse.toFixed(4)}${i.validationRmse !== undefined ? `, ${names.inValidation} ${i.validationRmse.toFixed(4)}` : ''}`;

/** The run's status line; `ratings` is the active dataset's rating count. */
export function runStatus(run: TrainRun, ratings: number): string {
  const names = errorNames(run.objective);
  const last = run.iterations.at(-1);
  const all = `all ${thousands(ratings)} ratings`;
  if (run.status === 'running') {
    const final = run.final.at(-1);
    if (final) return `Model in use, on ${all}: ${iterationLine(final, run.total, names)}`;
    if (!last) return run.message ?? 'Preparing the rating matrix…';
    if (run.holdout > 0 && last.iteration === run.total) return `Validation run done. Now the model in use, on ${all}…`;
    const line = iterationLine(last, run.total, names);
    return line[0].toUpperCase() + line.slice(1);
  }
  if (run.status === 'done' && run.model) {
    const use = run.objective === 'implicit' ? 'The “Best for you” list now ranks with it (with EASE fitted on the same ratings).' : 'Recommendations now use it.';
    const v = run.model.validation;
    const how = v ? `: a validation run on ${pct(1 - v.holdout)} of the ratings (${v.seconds.toFixed(1)} s), then the model in use on ${all}` : ` on ${all}`;
    return `Trained in ${run.model.trainSeconds.toFixed(1)} s${how}. ${use}`;
  }
  return run.message ?? '';
}

/** The chart's caption for a run started here. */
export function runCaption(run: TrainRun): string {
  const kind = run.objective === 'implicit' ? 'Implicit (iALS)' : 'Explicit';
  const implicitNote = run.objective === 'implicit' ? ' iALS reports how far its scores for watched movies are from 1 (lower is better), not stars.' : '';
  if (run.holdout <= 0) return `${kind} training on all ratings: the model in use.${implicitNote}`;
  return (
    `${kind} validation run: trained on ${pct(1 - run.holdout)} of the ratings and measured on the other ${pct(run.holdout)}, for this chart only. ` +
    `The model in use is fitted on all ratings with the same settings after it.${implicitNote}`
  );
}

/** What the chart shows with no run started here: the stored model's validation run, else its own fit. */
export function storedChart(m: ModelSummary): { iterations: IterationInfo[]; holdout: number; caption: string } {
  if (m.validation) {
    return {
      iterations: m.validation.history,
      holdout: m.validation.holdout,
      caption: `The validation run of the model in use (trained on ${pct(1 - m.validation.holdout)} of the ratings, measured on the other ${pct(m.validation.holdout)}); the model in use was then fitted on all ratings.`,
    };
  }
  if (m.holdout > 0) {
    return {
      iterations: m.history,
      holdout: m.holdout,
      caption: `The model in use was trained on ${pct(1 - m.holdout)} of the ratings (an older training kept ${pct(m.holdout)} out to validate it). Train again to fit it on all of them.`,
    };
  }
  return { iterations: m.history, holdout: 0, caption: 'How the model in use was trained, on all ratings.' };
}
