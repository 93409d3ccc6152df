// The job runner over fakes of the lock, the tab channel and the jobs worker: the lock is held exactly while a job runs
// and freed however it ends, reports stop at cancel, serving is reloaded and the other tabs told once on success.
import { afterEach, expect, test } from 'vitest';
import { CancelledError } from '../../../src/client/engineClient';
import type { IterationInfo } from '../../../src/engine/types';
import type { ImportProgress } from '../../../src/worker-api/apiTypes';
import type { OtherTabJob } from '../../../src/client/jobRunner';
import { FakeChannel, FakeJobLock, fakeTab, flush } from './jobFakes';

const iteration = (k: number, of = 3): IterationInfo => ({ iteration: k, iterations: of, trainRmse: 1 - k / 10, seconds: 0.25 * k });
const tabs: ReturnType<typeof fakeTab>[] = [];

function world(...names: string[]) {
  const lock = new FakeJobLock();
  const channel = new FakeChannel();
  const made = names.map((n) => fakeTab(n, lock, channel));
  tabs.push(...made);
  return { lock, channel, tabs: made };
}

afterEach(() => {
  for (const t of tabs.splice(0)) t.runner.dispose();
});

/** A training in tab `t` through the runner, holding the lock; returns the job's promise and the reports it got. */
function train(t: ReturnType<typeof fakeTab>, signal: AbortSignal, onWait?: (o: OtherTabJob | null) => void) {
  const seen: IterationInfo[] = [];
  const done = t.runner.exclusive(
    signal,
    () =>
      t.runner.run({
        kind: 'train',
        signal,
        total: 3,
        call: (api, progress) => api.train({ rank: 8 }, progress, {}) as Promise<string>,
        onProgress: (i) => void seen.push(i),
      }),
    onWait,
  );
  return { done, seen };
}

test('a training holds the lock while it runs, reports each iteration, then reloads serving and posts "model" once', async () => {
  const { lock, channel, tabs: [a] } = world('a', 'b');
  const heard: string[] = [];
  channel.listen('b', (m) => heard.push(m.type));
  const job = train(a, new AbortController().signal);
  const call = await a.worker.nextCall();
  expect(call.method).toBe('train');
  expect(lock.holder).toBe('a');
  expect(a.runner.locked).toBe(true);
  call.report(iteration(1));
  call.report(iteration(2));
  call.resolve('model-1');
  await expect(job.done).resolves.toBe('model-1');
  expect(job.seen.map((i) => i.iteration)).toEqual([1, 2]);
  expect(lock.log).toEqual(['a+', 'a-']);
  expect(lock.holder).toBeNull();
  expect(a.runner.locked).toBe(false);
  // Told the other tabs what runs (before the first report, then each report), reloaded serving, then said "model", once.
  expect(channel.sent('a')).toEqual(['job:train', 'job:train', 'job:train', 'reload-serving', 'model', 'job-ended']);
  const reports = channel.log.filter((l) => l.msg.type === 'job').map((l) => l.msg);
  expect(reports).toEqual([
    { type: 'job', kind: 'train', progress: null, total: 3 },
    { type: 'job', kind: 'train', progress: iteration(1), total: 3 },
    { type: 'job', kind: 'train', progress: iteration(2), total: 3 },
  ]);
  await flush();
  expect(heard).toEqual(['job', 'job', 'job', 'model', 'job-ended']);
});

test('a failed training rejects with its error, frees the lock, and neither reloads serving nor posts "model"', async () => {
  const { lock, channel, tabs: [a] } = world('a');
  const job = train(a, new AbortController().signal);
  const call = await a.worker.nextCall();
  call.report(iteration(1));
  call.reject(new RangeError('rank must be at least 1, got 0'));
  await expect(job.done).rejects.toThrow(new RangeError('rank must be at least 1, got 0'));
  expect(lock.log).toEqual(['a+', 'a-']);
  expect(lock.holder).toBeNull();
  expect(channel.sent('a')).toEqual(['job:train', 'job:train', 'job-ended']);
});

test('cancel while training: the worker is terminated, the job rejects with CancelledError, the lock is free, late reports are dropped', async () => {
  const { lock, channel, tabs: [a] } = world('a');
  const ctrl = new AbortController();
  const job = train(a, ctrl.signal);
  const call = await a.worker.nextCall();
  call.report(iteration(1));
  ctrl.abort();
  await expect(job.done).rejects.toBeInstanceOf(CancelledError);
  expect(a.worker.terminated).toBe(1);
  expect(lock.log).toEqual(['a+', 'a-']);
  expect(lock.holder).toBeNull();
  // The worker posted iteration 2 just before it was killed; it arrives after the cancel and changes nothing.
  call.report(iteration(2));
  expect(job.seen.map((i) => i.iteration)).toEqual([1]);
  expect(channel.sent('a')).toEqual(['job:train', 'job:train', 'job-ended']);
});

test('cancel frees the lock even when the worker call never settles', async () => {
  const { lock, tabs: [a] } = world('a');
  a.worker.hangs = true;
  const ctrl = new AbortController();
  const job = train(a, ctrl.signal);
  const call = await a.worker.nextCall();
  call.report(iteration(1));
  ctrl.abort();
  await expect(job.done).rejects.toBeInstanceOf(CancelledError);
  expect(lock.holder).toBeNull();
  expect(lock.log).toEqual(['a+', 'a-']);
  call.report(iteration(2));
  expect(job.seen).toHaveLength(1);
});

test('cancel frees the lock while the body waits on something other than the worker', async () => {
  const { lock, tabs: [a] } = world('a');
  const ctrl = new AbortController();
  let entered = false;
  const job = a.runner.exclusive(ctrl.signal, async () => {
    entered = true;
    await new Promise(() => {}); // e.g. a serving call that never answers
  });
  await flush();
  expect(entered).toBe(true);
  expect(lock.holder).toBe('a');
  ctrl.abort();
  await expect(job).rejects.toBeInstanceOf(CancelledError);
  expect(lock.holder).toBeNull();
});

test('a second tab waits for the lock, shows the first tab\'s job as it goes, then runs its own', async () => {
  const { lock, channel, tabs: [a, b] } = world('a', 'b');
  const jobA = train(a, new AbortController().signal);
  const callA = await a.worker.nextCall();
  callA.report(iteration(1));
  await flush();

  const waits: (OtherTabJob | null)[] = [];
  const jobB = train(b, new AbortController().signal, (o) => waits.push(o));
  await flush(); // B asks "what runs?" and A answers with its latest report
  expect(waits).toEqual([null, { job: 'train', progress: iteration(1), total: 3 }]);
  expect(channel.sent('b')).toEqual(['job-query']);
  expect(b.worker.calls).toHaveLength(0);

  callA.report(iteration(2));
  await flush();
  expect(waits.at(-1)).toEqual({ job: 'train', progress: iteration(2), total: 3 });
  callA.resolve('model-a');
  await expect(jobA.done).resolves.toBe('model-a');
  const callB = await b.worker.nextCall(); // B got the lock as A let go
  expect(lock.holder).toBe('b');
  const waitsBeforeB = waits.length;
  callB.report(iteration(1));
  callB.resolve('model-b');
  await expect(jobB.done).resolves.toBe('model-b');
  await flush();
  expect(waits).toHaveLength(waitsBeforeB); // once B runs, nothing more is shown as "the other tab's job"
  expect(lock.log).toEqual(['a+', 'a-', 'b+', 'b-']);
  expect(channel.log.filter((l) => l.msg.type === 'model').map((l) => l.from)).toEqual(['a', 'b']);
});

test('cancel while waiting for another tab: the job never starts, the wait is given up, the holder keeps the lock', async () => {
  const { lock, tabs: [a, b] } = world('a', 'b');
  const jobA = train(a, new AbortController().signal);
  const callA = await a.worker.nextCall();
  await flush(); // A's first report reached every tab
  const ctrl = new AbortController();
  const waits: (OtherTabJob | null)[] = [];
  const jobB = train(b, ctrl.signal, (o) => waits.push(o));
  await flush();
  expect(waits).toEqual([null, { job: 'train', progress: null, total: 3 }]);
  ctrl.abort();
  await expect(jobB.done).rejects.toBeInstanceOf(CancelledError);
  expect(lock.holder).toBe('a');
  callA.report(iteration(1));
  await flush();
  expect(waits).toHaveLength(2); // null, then A's answer to the query; A's later report is not shown any more
  callA.resolve('model-a');
  await expect(jobA.done).resolves.toBe('model-a');
  expect(lock.holder).toBeNull();
  expect(lock.log).toEqual(['a+', 'a-']);
  expect(b.worker.calls).toHaveLength(0);
});

test('an import tells the other tabs "datasets" after serving reloads; several jobs in one hold of the lock say "job-ended" once', async () => {
  const { lock, channel, tabs: [a] } = world('a');
  const signal = new AbortController().signal;
  const progress: ImportProgress[] = [];
  const done = a.runner.exclusive(signal, async () => {
    await a.runner.run({ kind: 'import', signal, call: (api, report) => api.importFiles([], report), onProgress: (p) => void progress.push(p) });
    return a.runner.run({ kind: 'train', signal, total: 3, call: (api, report) => api.train({}, report, {}) });
  });
  const imp = await a.worker.nextCall();
  imp.report({ phase: 'parse', fraction: 0.5, rows: 50_000 });
  imp.resolve({ id: 'ml-x' });
  const tr = await a.worker.nextCall();
  tr.report(iteration(1));
  tr.resolve('model-x');
  await expect(done).resolves.toBe('model-x');
  expect(progress).toEqual([{ phase: 'parse', fraction: 0.5, rows: 50_000 }]);
  expect(channel.sent('a')).toEqual(['job:import', 'job:import', 'reload-serving', 'datasets', 'job:train', 'job:train', 'reload-serving', 'model', 'job-ended']);
  expect(lock.log).toEqual(['a+', 'a-']);
});

test('an import or a training outside the lock is refused before the worker is asked', async () => {
  const { lock, tabs: [a] } = world('a');
  const signal = new AbortController().signal;
  await expect(a.runner.run({ kind: 'train', signal, call: (api, report) => api.train({}, report, {}) })).rejects.toThrow(/inside exclusive\(\)/);
  expect(a.worker.calls).toHaveLength(0);
  expect(lock.log).toEqual([]);
});

test('evaluation and tuning store nothing: no lock, no reports to other tabs, no reload; cancel drops late results', async () => {
  const { lock, channel, tabs: [a] } = world('a');
  const ctrl = new AbortController();
  const got: number[] = [];
  const tune = a.runner.run({
    kind: 'tune',
    signal: ctrl.signal,
    call: (api, report) => api.tuneModel({ ranks: [8, 16] }, report),
    onProgress: (r, done, total) => void got.push(r.rmse, done, total),
  });
  const call = await a.worker.nextCall();
  call.report({ params: { rank: 8 }, rmse: 0.91 }, 1, 2);
  ctrl.abort();
  call.report({ params: { rank: 16 }, rmse: 0.88 }, 2, 2);
  await expect(tune).rejects.toBeInstanceOf(CancelledError);
  expect(got).toEqual([0.91, 1, 2]);
  expect(lock.log).toEqual([]);
  expect(channel.log).toEqual([]);

  const evaluation = a.runner.run({ kind: 'eval', signal: new AbortController().signal, call: (api, report) => api.evaluateModel({}, report, {}) });
  const ev = await a.worker.nextCall();
  ev.resolve({ rmse: 0.87 });
  await expect(evaluation).resolves.toEqual({ rmse: 0.87 });
  expect(channel.log).toEqual([]);
});

test('a job whose signal is already aborted never takes the lock', async () => {
  const { lock, tabs: [a] } = world('a');
  const ctrl = new AbortController();
  ctrl.abort();
  await expect(train(a, ctrl.signal).done).rejects.toBeInstanceOf(CancelledError);
  expect(lock.log).toEqual([]);
  expect(a.worker.calls).toHaveLength(0);
});
