// The first-visit screen's phases and the one transition function between them (a reducer: pure, tested without React).
import type { AppStatus, ImportProgress, PrepareProgress } from '../../client/workerTypes';
import type { IterationInfo } from '../../engine/types';
import type { LockedJob } from '../../sync/tabSync';
import type { OtherTabJob } from '../../client/jobRunner';

export type Phase =
  | { kind: 'loading' }
  | { kind: 'importing'; progress: ImportProgress | null; label: string }
  /** `prepare`: reading the ratings back and building the matrix, until the first iteration. */
  | { kind: 'training'; iterations: IterationInfo[]; total: number; prepare?: PrepareProgress }
  /** Waiting for another tab's import or training (job: null until that tab says which). */
  | { kind: 'other-tab'; job: LockedJob | null; progress: ImportProgress | IterationInfo | null; total?: number; ownJob?: string }
  | { kind: 'byo'; error?: string; hasSample?: boolean }
  | { kind: 'cancelled'; what: string }
  /** `importError`: why the person's last import was refused; the library it left as it was is shown with it. */
  | { kind: 'ready'; status: AppStatus; importError?: string }
  | { kind: 'error'; message: string };

export type PhaseEvent =
  | { type: 'open' }
  | { type: 'import-started'; label: string }
  | { type: 'import-progress'; progress: ImportProgress }
  | { type: 'training-started'; total: number }
  | { type: 'prepare'; progress: PrepareProgress }
  | { type: 'iteration'; info: IterationInfo }
  /** This tab waits for the job lock (`ownJob`: the files it will import then). */
  | { type: 'waiting'; ownJob?: string }
  | { type: 'other-tab-progress'; other: OtherTabJob }
  | { type: 'ready'; status: AppStatus; importError?: string }
  /** A screen (Model lab) or another tab changed the stored status: shown if the library is on screen. */
  | { type: 'status-changed'; status: AppStatus }
  | { type: 'no-dataset'; hasSample?: boolean; error?: string }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

export const INITIAL_PHASE: Phase = { kind: 'loading' };

/** What the cancelled screen says: a cancelled job leaves nothing behind (the store's `importing` marker, the old model). */
export const CANCELLED_TEXT = 'Stopped. Nothing half-finished was kept.';

/** The next phase. Progress only moves the phase it belongs to, so a report that arrives late changes nothing. */
export function nextPhase(phase: Phase, event: PhaseEvent): Phase {
  switch (event.type) {
    case 'open':
      return { kind: 'loading' };
    case 'import-started':
      return { kind: 'importing', progress: null, label: event.label };
    case 'import-progress':
      return phase.kind === 'importing' ? { ...phase, progress: event.progress } : phase;
    case 'training-started':
      return { kind: 'training', iterations: [], total: event.total };
    case 'prepare':
      return phase.kind === 'training' && phase.iterations.length === 0 ? { ...phase, prepare: event.progress } : phase;
    case 'iteration':
      return phase.kind === 'training' ? { kind: 'training', iterations: [...phase.iterations, event.info], total: event.info.iterations } : phase;
    case 'waiting':
      return { kind: 'other-tab', job: null, progress: null, ownJob: event.ownJob };
    case 'other-tab-progress':
      return phase.kind === 'other-tab' ? { ...phase, job: event.other.job, progress: event.other.progress, total: event.other.total } : phase;
    case 'ready':
      return event.importError === undefined ? { kind: 'ready', status: event.status } : { kind: 'ready', status: event.status, importError: event.importError };
    case 'status-changed':
      return phase.kind === 'ready' ? { kind: 'ready', status: event.status } : phase;
    case 'no-dataset':
      return { kind: 'byo', error: event.error, hasSample: event.hasSample };
    case 'cancelled':
      return { kind: 'cancelled', what: CANCELLED_TEXT };
    case 'failed':
      return { kind: 'error', message: event.message };
  }
}

/** Whether another tab's new dataset or model should be picked up now (not while this tab runs or waits for a job). */
export const followsOtherTabs = (phase: Phase): boolean => phase.kind === 'ready' || phase.kind === 'byo';
