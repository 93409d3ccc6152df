// First visit over the real job runner with a fake worker, lock and tabs: the phases a person sees, in order, for the
// sample, their own files, a cancel and a bad file; the lock is free at the end of each.
import { afterEach, expect, test } from 'vitest';
import { bootstrapFlow } from '../../../../src/app/bootstrap/bootstrapFlow';
import { INITIAL_PHASE, nextPhase, type PhaseEvent } from '../../../../src/app/bootstrap/phase';
import type { AppStatus } from '../../../../src/worker-api/apiTypes';
import type { IterationInfo } from '../../../../src/engine/types';
import { FakeChannel, FakeJobLock, fakeTab, flush } from '../../client/jobFakes';

const tabs: ReturnType<typeof fakeTab>[] = [];
afterEach(() => {
  for (const t of tabs.splice(0)) t.runner.dispose();
});

const it = (k: number): IterationInfo => ({ iteration: k, iterations: 3, trainRmse: 0.9 - k / 100, seconds: k });
const SAMPLE = { name: 'ml-latest-small', file: 'data/ml-latest-small.zip', bytes: 978_202, ratings: 100_836 };

/** One tab's first visit: what the store holds (as serving reports it) and the events the flow dispatched. */
function visit(opts: { sample?: boolean; stored?: { active: boolean; model: boolean } } = {}) {
  const lock = new FakeJobLock();
  const channel = new FakeChannel();
  const tab = fakeTab('a', lock, channel);
  tabs.push(tab);
  const store = { active: opts.stored?.active ?? false, model: opts.stored?.model ?? false };
  const status = () => ({ active: store.active ? { id: 'ml-1' } : null, model: store.model ? { id: 'ml-1:explicit' } : undefined }) as unknown as AppStatus;
  const events: PhaseEvent[] = [];
  const flow = bootstrapFlow({
    runner: tab.runner as never,
    serving: { reload: async () => {}, status: async () => status() },
    bundledSample: async () => (opts.sample === false ? null : SAMPLE),
    sampleUrl: (file) => `https://pocketlens.test/${file}`,
    workers: () => 2,
    iterations: 3,
    dispatch: (e) => void events.push(e),
  });
  const phase = () => events.reduce(nextPhase, INITIAL_PHASE);
  const kinds = () => events.map((e) => e.type);
  return { flow, store, events, phase, kinds, worker: tab.worker, lock, channel };
}

test('first visit with the bundled sample: import it, train, then the library, all in one hold of the lock', async () => {
  const v = visit();
  const started = v.flow.start();
  const imp = await v.worker.nextCall();
  expect(imp.method).toBe('importBundled');
  expect(imp.args.slice(0, 2)).toEqual(['https://pocketlens.test/data/ml-latest-small.zip', 'ml-latest-small']);
  imp.report({ phase: 'parse', fraction: 0.5, rows: 50_418 });
  expect(v.phase()).toEqual({ kind: 'importing', label: 'ml-latest-small.zip', progress: { phase: 'parse', fraction: 0.5, rows: 50_418 } });
  v.store.active = true;
  imp.resolve({ id: 'ml-1' });
  const train = await v.worker.nextCall();
  expect(train.method).toBe('train');
  expect(train.args[2]).toEqual({ workers: 2 });
  train.report(it(1));
  train.report(it(2));
  expect(v.phase()).toEqual({ kind: 'training', iterations: [it(1), it(2)], total: 3 });
  v.store.model = true;
  train.resolve({ id: 'ml-1:explicit' });
  await started;
  expect(v.kinds()).toEqual(['open', 'import-started', 'import-progress', 'training-started', 'iteration', 'iteration', 'ready']);
  expect(v.phase()).toMatchObject({ kind: 'ready', status: { model: { id: 'ml-1:explicit' } } });
  expect(v.lock.log).toEqual(['a+', 'a-']);
  expect(v.channel.sent('a').filter((t) => !t.startsWith('job'))).toEqual(['reload-serving', 'datasets', 'reload-serving', 'model']);
});

test('a stored model opens the library at once, without the lock or the worker', async () => {
  const v = visit({ stored: { active: true, model: true } });
  await v.flow.start();
  expect(v.kinds()).toEqual(['open', 'ready']);
  expect(v.lock.log).toEqual([]);
  expect(v.worker.calls).toEqual([]);
});

test('deleting the only dataset: the bring-your-own screen offers the bundled sample back, without importing it unasked', async () => {
  const v = visit({ stored: { active: true, model: true } });
  await v.flow.start();
  v.store.active = false;
  v.store.model = false;
  await v.flow.emptied();
  expect(v.phase()).toEqual({ kind: 'byo', error: undefined, hasSample: true });
  expect(v.worker.calls).toEqual([]);
  expect(v.lock.log).toEqual([]);
  // Without a bundled sample, nothing to offer.
  const bare = visit({ sample: false, stored: { active: false, model: false } });
  await bare.flow.emptied();
  expect(bare.phase()).toEqual({ kind: 'byo', error: undefined, hasSample: false });
});

test('no sample and nothing stored: the bring-your-own screen, saying there is no sample to retry', async () => {
  const v = visit({ sample: false });
  await v.flow.start();
  expect(v.phase()).toEqual({ kind: 'byo', error: undefined, hasSample: undefined });
  expect(v.worker.calls).toEqual([]);
});

test('cancel during the first training: "Stopped", the lock free, and a late iteration does not bring the progress back', async () => {
  const v = visit({ stored: { active: true, model: false } });
  const started = v.flow.start();
  const train = await v.worker.nextCall();
  train.report(it(1));
  v.flow.cancel();
  train.report(it(2)); // posted by the worker just before it was terminated
  await started;
  expect(v.phase()).toEqual({ kind: 'cancelled', what: 'Stopped. Nothing half-finished was kept.' });
  expect(v.events.filter((e) => e.type === 'iteration')).toHaveLength(1);
  expect(v.worker.terminated).toBe(1);
  expect(v.lock.holder).toBeNull();
  expect(v.channel.sent('a')).not.toContain('model');
});

test("the person's files: a refused file returns to the bring-your-own screen with the file's own message; nothing trains", async () => {
  const v = visit({ stored: { active: false, model: false } });
  const files = [new File(['userId,movieId,rating\n1,1,9\n'], 'ratings.csv')];
  const importing = v.flow.importFiles(files);
  expect(v.phase()).toEqual({ kind: 'importing', label: 'ratings.csv', progress: null });
  const imp = await v.worker.nextCall();
  expect(imp.method).toBe('importFiles');
  expect(imp.args[0]).toBe(files);
  imp.reject(new Error('ratings.csv line 2: expected a rating from 0.5 to 5, got "9"'));
  await importing;
  expect(v.phase()).toEqual({ kind: 'byo', error: 'ratings.csv line 2: expected a rating from 0.5 to 5, got "9"', hasSample: true });
  expect(v.worker.calls).toHaveLength(1);
  expect(v.lock.log).toEqual(['a+', 'a-']);
});

test('a refused import over a library keeps the library on screen, with the reason; nothing trains', async () => {
  const v = visit({ stored: { active: true, model: true } });
  await v.flow.start();
  expect(v.phase()).toMatchObject({ kind: 'ready' });
  const importing = v.flow.importFiles([new File(['x'], 'movies.csv')]);
  const imp = await v.worker.nextCall();
  imp.reject(new Error('movies.csv, line 2: expected a title of at most 1,000 characters'));
  await importing;
  expect(v.phase()).toEqual({ kind: 'ready', status: expect.objectContaining({ active: { id: 'ml-1' } }), importError: 'movies.csv, line 2: expected a title of at most 1,000 characters' });
  expect(v.worker.calls).toHaveLength(1);
  expect(v.lock.log).toEqual(['a+', 'a-']);
});

test('files given while another tab holds the lock: wait showing that tab, then import them and train', async () => {
  const v = visit({ stored: { active: false, model: false } });
  // Another tab holds the lock until `release` is called, and answers "what runs?" with its import.
  let release = () => {};
  const other = v.lock.for('b')(() => new Promise<void>((r) => (release = r)), () => {});
  const unlisten = v.channel.listen('b', (m) => {
    if (m.type === 'job-query') v.channel.post('b', { type: 'job', kind: 'import', progress: { phase: 'write', fraction: 0.8, rows: 80_000 } });
  });
  const importing = v.flow.importFiles([new File(['x'], 'mine.zip')]);
  await flush();
  expect(v.phase()).toEqual({ kind: 'other-tab', job: 'import', progress: { phase: 'write', fraction: 0.8, rows: 80_000 }, total: undefined, ownJob: 'mine.zip' });
  expect(v.worker.calls).toEqual([]);
  release();
  await other;
  unlisten();
  const imp = await v.worker.nextCall();
  expect(v.phase()).toEqual({ kind: 'importing', label: 'mine.zip', progress: null });
  v.store.active = true;
  imp.resolve({ id: 'ml-1' });
  const train = await v.worker.nextCall();
  v.store.model = true;
  train.resolve({ id: 'ml-1:explicit' });
  await importing;
  expect(v.phase().kind).toBe('ready');
  expect(v.lock.log).toEqual(['b+', 'b-', 'a+', 'a-']);
});
