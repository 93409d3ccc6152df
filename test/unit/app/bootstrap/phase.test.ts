// The first-visit phase reducer: each event moves the phase a person sees; a report that arrives late changes nothing.
import { expect, test } from 'vitest';
import { CANCELLED_TEXT, INITIAL_PHASE, followsOtherTabs, nextPhase, type Phase, type PhaseEvent } from '../../../../src/app/bootstrap/phase';
import type { AppStatus } from '../../../../src/worker-api/apiTypes';
import type { IterationInfo } from '../../../../src/engine/types';

const run = (events: PhaseEvent[], from: Phase = INITIAL_PHASE) => events.reduce(nextPhase, from);
const it = (k: number, of = 10): IterationInfo => ({ iteration: k, iterations: of, trainRmse: 0.9 - k / 100, seconds: k / 4 });
const status = (name: string) => ({ active: { id: name }, model: { id: `${name}:explicit` } }) as unknown as AppStatus;

test('first visit: loading → importing with progress → training with each iteration → ready', () => {
  const seen: Phase['kind'][] = [];
  let phase = INITIAL_PHASE;
  const events: PhaseEvent[] = [
    { type: 'import-started', label: 'ml-latest-small' },
    { type: 'import-progress', progress: { phase: 'parse', fraction: 0.4, rows: 40_000 } },
    { type: 'training-started', total: 10 },
    { type: 'iteration', info: it(1) },
    { type: 'iteration', info: it(2) },
  ];
  for (const e of events) {
    phase = nextPhase(phase, e);
    seen.push(phase.kind);
  }
  expect(seen).toEqual(['importing', 'importing', 'training', 'training', 'training']);
  expect(phase).toEqual({ kind: 'training', iterations: [it(1), it(2)], total: 10 });
  expect(run([{ type: 'import-started', label: 'x.zip' }, { type: 'import-progress', progress: { phase: 'write', fraction: 0.9, rows: 90_000 } }])).toEqual({
    kind: 'importing',
    label: 'x.zip',
    progress: { phase: 'write', fraction: 0.9, rows: 90_000 },
  });
  expect(nextPhase(phase, { type: 'ready', status: status('ml') })).toEqual({ kind: 'ready', status: status('ml') });
});

test('the total follows what the training reports (a training of another length than the default)', () => {
  expect(run([{ type: 'training-started', total: 10 }, { type: 'iteration', info: it(1, 15) }])).toEqual({ kind: 'training', iterations: [it(1, 15)], total: 15 });
});

test('reports that arrive after cancel, after ready or in the wrong phase change nothing', () => {
  const cancelled = run([{ type: 'training-started', total: 10 }, { type: 'iteration', info: it(1) }, { type: 'cancelled' }]);
  expect(cancelled).toEqual({ kind: 'cancelled', what: CANCELLED_TEXT });
  expect(nextPhase(cancelled, { type: 'iteration', info: it(2) })).toBe(cancelled);
  expect(nextPhase(cancelled, { type: 'import-progress', progress: { phase: 'parse', fraction: 0.5, rows: 1 } })).toBe(cancelled);
  const training = run([{ type: 'training-started', total: 10 }]);
  expect(nextPhase(training, { type: 'import-progress', progress: { phase: 'parse', fraction: 0.5, rows: 1 } })).toBe(training);
  expect(nextPhase(training, { type: 'other-tab-progress', other: { job: 'train', progress: it(3), total: 10 } })).toBe(training);
});

test('waiting for another tab shows its job once it says which, and keeps what this tab will import', () => {
  const waiting = run([{ type: 'import-started', label: 'mine.zip' }, { type: 'waiting', ownJob: 'mine.zip' }]);
  expect(waiting).toEqual({ kind: 'other-tab', job: null, progress: null, ownJob: 'mine.zip' });
  const progress = { phase: 'parse' as const, fraction: 0.25, rows: 25_000 };
  expect(nextPhase(waiting, { type: 'other-tab-progress', other: { job: 'import', progress } })).toEqual({ kind: 'other-tab', job: 'import', progress, total: undefined, ownJob: 'mine.zip' });
});

test('a status change shows on the library only; the bring-your-own screen keeps its error', () => {
  const ready = run([{ type: 'ready', status: status('a') }]);
  expect(nextPhase(ready, { type: 'status-changed', status: status('b') })).toEqual({ kind: 'ready', status: status('b') });
  const byo = run([{ type: 'no-dataset', hasSample: true, error: 'ratings.csv line 3: expected 4 fields' }]);
  expect(byo).toEqual({ kind: 'byo', hasSample: true, error: 'ratings.csv line 3: expected 4 fields' });
  expect(nextPhase(byo, { type: 'status-changed', status: status('b') })).toBe(byo);
  expect(run([{ type: 'failed', message: 'IndexedDB is blocked' }])).toEqual({ kind: 'error', message: 'IndexedDB is blocked' });
});

test("another tab's changes are followed on the library and the bring-your-own screen, not during or before a job", () => {
  const kinds: Phase[] = [
    INITIAL_PHASE,
    run([{ type: 'import-started', label: 'x' }]),
    run([{ type: 'training-started', total: 10 }]),
    run([{ type: 'waiting' }]),
    run([{ type: 'cancelled' }]),
    run([{ type: 'failed', message: 'x' }]),
    run([{ type: 'no-dataset' }]),
    run([{ type: 'ready', status: status('a') }]),
  ];
  expect(kinds.filter(followsOtherTabs).map((p) => p.kind)).toEqual(['byo', 'ready']);
});

test("a training's preparation shows until its first iteration, and nowhere else", () => {
  const read = { phase: 'read' as const, rows: 1_000_000, totalRows: 25_000_095, seconds: 0.4 };
  const matrix = { phase: 'matrix' as const, rows: 25_000_095, totalRows: 25_000_095, seconds: 1.9 };
  const preparing = run([{ type: 'training-started', total: 10 }, { type: 'prepare', progress: read }, { type: 'prepare', progress: matrix }]);
  expect(preparing).toEqual({ kind: 'training', iterations: [], total: 10, prepare: matrix });
  expect(nextPhase(preparing, { type: 'iteration', info: it(1) })).toEqual({ kind: 'training', iterations: [it(1)], total: 10 });
  const training = run([{ type: 'training-started', total: 10 }, { type: 'iteration', info: it(1) }]);
  expect(nextPhase(training, { type: 'prepare', progress: read })).toBe(training);
  const cancelled = run([{ type: 'training-started', total: 10 }, { type: 'cancelled' }]);
  expect(nextPhase(cancelled, { type: 'prepare', progress: read })).toBe(cancelled);
});
