// The Model lab's state and jobs (train, evaluate, tune) on the `jobs` worker: one job at a time, cancellable,
// kept outside React so a job and its results survive switching screens.
import { useSyncExternalStore } from 'react';
import { CancelledError } from '../../../client/engineClient';
import { pageJobs } from '../../../client/pageJobs';
import type { JobKind } from '../../../client/jobRunner';
import type { IterationInfo } from '../../../engine/types';
import type { EvalStep, LabEvalReport, LabTuneOptions, LabTuneReport, ModelSummary, TuneResult } from '../../../client/workerTypes';
import { statusChanged } from '../../statusEvents';
import { kernelFromUrl, workersFromUrl } from '../../workersFromUrl';
import { FORM_DEFAULTS, TUNE_DEFAULTS, formWith, optionConfigs, parseForm, type FormErrors, type Objective, type TrainForm, type TuneForm } from './labForm';
import { evaluationDefaults } from '../../../engine/defaults/evaluationDefaults';
import { count } from '../../format';

export type RunStatus = 'running' | 'done' | 'cancelled' | 'error';

export interface TrainRun {
  status: RunStatus;
  objective: Objective;
  holdout: number;
  /** Iterations of one fit. */
  total: number;
  /** The chart's fit: the validation run with a holdout, else the one fit on all ratings. */
  iterations: IterationInfo[];
  /** With a holdout, the fit on all ratings that follows the validation run (the model that is stored). */
  final: IterationInfo[];
  model?: ModelSummary;
  message?: string;
}

export interface EvalRun {
  status: RunStatus;
  objective: Objective;
  testFraction: number;
  iterations: number;
  step: EvalStep | null;
  report?: LabEvalReport;
  message?: string;
}

export interface TuneRun {
  status: RunStatus;
  options: LabTuneOptions;
  done: number;
  total: number;
  /** Finished configurations, best (lowest CV RMSE; the ranking objective: highest NDCG@10) first. */
  results: TuneResult[];
  report?: LabTuneReport;
  message?: string;
}

/** The lab's jobs: every job kind but an import. */
export type LabJob = Exclude<JobKind, 'import'>;

export interface LabState {
  form: TrainForm;
  formErrors: FormErrors;
  tuneForm: TuneForm;
  busy: LabJob | null;
  train: TrainRun | null;
  evaluation: EvalRun | null;
  tune: TuneRun | null;
}

let state: LabState = { form: FORM_DEFAULTS.explicit, formErrors: {}, tuneForm: TUNE_DEFAULTS, busy: null, train: null, evaluation: null, tune: null };
let controller: AbortController | null = null;
const listeners = new Set<() => void>();

function set(patch: Partial<LabState>): void {
  state = { ...state, ...patch };
  for (const f of listeners) f();
}

export function useLab(): LabState {
  return useSyncExternalStore(
    (f) => {
      listeners.add(f);
      return () => listeners.delete(f);
    },
    () => state,
  );
}

export function setForm(form: TrainForm): void {
  set({ form, formErrors: {} });
}

export function setTuneForm(tuneForm: TuneForm): void {
  set({ tuneForm });
}

/** Stops the running lab job by terminating the jobs worker; nothing it was computing is stored. */
export function cancelLab(): void {
  controller?.abort();
}

/** Starts a job unless one runs; the signal aborts when the person cancels. */
function begin(kind: LabJob): AbortSignal | null {
  if (state.busy) return null;
  controller = new AbortController();
  set({ busy: kind });
  return controller.signal;
}

function end(signal: AbortSignal): void {
  if (controller?.signal === signal) controller = null;
  set({ busy: null });
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function parsedForm() {
  const parsed = parseForm(state.form);
  if (!parsed.ok) set({ formErrors: parsed.errors });
  return parsed.ok ? parsed.value : null;
}

/** Trains with the form's values (with a holdout: the validation run, then the fit on all ratings); the model in use stays until the new one is stored. */
export async function startTraining(): Promise<void> {
  const value = parsedForm();
  if (!value) return;
  const signal = begin('train');
  if (!signal) return;
  const { holdout, params } = value;
  const objective = params.objective ?? 'explicit';
  let run: TrainRun = { status: 'running', objective, holdout, total: params.iterations ?? 0, iterations: [], final: [] };
  const update = (patch: Partial<TrainRun>) => set({ train: (run = { ...run, ...patch }) });
  update({});
  try {
    // One import or training at a time across tabs: wait for another tab's job, saying so. The runner reloads serving
    // and tells the other tabs to switch to the new model.
    const model = await pageJobs.exclusive(
      signal,
      () => {
        update({ message: undefined });
        return pageJobs.run({
          kind: 'train',
          signal,
          total: params.iterations,
          call: (api, progress) => api.train(params, progress, { holdout, workers: workersFromUrl(), kernel: kernelFromUrl() }),
          onProgress: (i) => update(i.fit === 'final' ? { final: [...run.final, i] } : { iterations: [...run.iterations, i] }),
        });
      },
      () => update({ message: 'Waiting: an import or a training is running in another tab; this training starts when it ends.' }),
    );
    update({ status: 'done', model, message: undefined });
    statusChanged();
  } catch (e) {
    if (e instanceof CancelledError) update({ status: 'cancelled', message: 'Stopped. The previous model is still the one in use.' });
    else update({ status: 'error', message: `Training failed: ${messageOf(e)}` });
  } finally {
    end(signal);
  }
}

/** Evaluates the form's model and the baselines on a seeded holdout (the form's share; the default share when it is 0). */
export async function startEvaluation(): Promise<void> {
  const value = parsedForm();
  if (!value) return;
  const signal = begin('eval');
  if (!signal) return;
  const { params } = value;
  const testFraction = value.holdout > 0 ? value.holdout : evaluationDefaults.testFraction;
  let run: EvalRun = { status: 'running', objective: params.objective ?? 'explicit', testFraction, iterations: params.iterations ?? 0, step: null };
  const update = (patch: Partial<EvalRun>) => set({ evaluation: (run = { ...run, ...patch }) });
  update({});
  try {
    const report = await pageJobs.run({
      kind: 'eval',
      signal,
      call: (api, progress) => api.evaluateModel(params, progress, { testFraction }),
      onProgress: (step) => update({ step }),
    });
    update({ status: 'done', report });
  } catch (e) {
    if (e instanceof CancelledError) update({ status: 'cancelled', message: 'Stopped. Nothing was stored.' });
    else update({ status: 'error', message: `Evaluation failed: ${messageOf(e)}` });
  } finally {
    end(signal);
  }
}

/** Cross-validated search over rank × λ; results arrive one configuration at a time. */
export async function startTuning(options: LabTuneOptions): Promise<void> {
  const signal = begin('tune');
  if (!signal) return;
  const implicit = options.objective === 'implicit';
  const total = optionConfigs(options);
  const best = (a: TuneResult, b: TuneResult) => (implicit ? b['ndcg@10']! - a['ndcg@10']! : a.rmse - b.rmse);
  let run: TuneRun = { status: 'running', options, done: 0, total, results: [] };
  const update = (patch: Partial<TuneRun>) => set({ tune: (run = { ...run, ...patch }) });
  update({});
  try {
    const report = await pageJobs.run({
      kind: 'tune',
      signal,
      call: (api, progress) => api.tuneModel(options, progress),
      onProgress: (r, done, total) => update({ done, total, results: [...run.results, r].sort(best) }),
    });
    update({ status: 'done', report, results: report.results, done: report.results.length });
  } catch (e) {
    if (e instanceof CancelledError) update({ status: 'cancelled', message: `Stopped after ${run.done} of ${count(run.total, 'configuration')}.` });
    else update({ status: 'error', message: `Tuning failed: ${messageOf(e)}` });
  } finally {
    end(signal);
  }
}

/**
 * Fills the training controls with a tuned configuration and trains it: explicit, or the ranking objective with the
 * search's confidence alpha, α0, star offset and penalty (frequency-scaled or not), so the form shows what trains.
 */
export function trainWith(r: TuneResult): Promise<void> {
  setForm(formWith(state.form, r.params));
  return startTraining();
}
