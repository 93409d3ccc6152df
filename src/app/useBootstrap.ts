// First-visit flow: find or import a dataset, train if no model, report progress; cancellable. One tab at a time runs
// an import or a training (Web Lock); the others show its progress and go on when it ends, and follow its changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { jobs, proxy, serving, CancelledError } from '../client/engineClient';
import { onTabMessage, postTabMessage, type JobKind, type TabMessage } from '../sync/tabSync';
import { withJobLock } from '../worker-api/importLock';
import type { AppStatus, ImportProgress } from '../worker-api/engineApi';
import type { BundleManifest } from '../engine/movielens/manifest';
import type { IterationInfo } from '../engine/types';
import { explicitDefaults } from '../engine/defaults/explicitDefaults';
import { onStatusChanged } from './statusEvents';

export type Phase =
  | { kind: 'loading' }
  | { kind: 'importing'; progress: ImportProgress | null; label: string }
  | { kind: 'training'; iterations: IterationInfo[]; total: number }
  /** Waiting for another tab's import or training (job: null until that tab says which). */
  | { kind: 'other-tab'; job: JobKind | null; progress: ImportProgress | IterationInfo | null; total?: number; ownJob?: string }
  | { kind: 'byo'; error?: string; hasSample?: boolean }
  | { kind: 'cancelled'; what: string }
  | { kind: 'ready'; status: AppStatus }
  | { kind: 'error'; message: string };

async function bundledSample(): Promise<BundleManifest['datasets'][number] | null> {
  try {
    const res = await fetch(new URL('data/manifest.json', document.baseURI));
    if (!res.ok) return null;
    const manifest = (await res.json()) as BundleManifest;
    return manifest.datasets[0] ?? null;
  } catch {
    return null;
  }
}

/** `?workers=N` picks how many shard workers a training uses (benchmarks compare 1 and 2); absent: the default. */
export function workersFromUrl(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('workers'));
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

export function useBootstrap() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const abort = useRef<AbortController | null>(null);
  /** What this tab runs while it holds the job lock, told to tabs that wait for it. */
  const running = useRef<Extract<TabMessage, { type: 'job' }> | null>(null);
  const report = useCallback((kind: JobKind, progress: ImportProgress | IterationInfo | null, total?: number) => {
    running.current = { type: 'job', kind, progress, total };
    postTabMessage(running.current);
  }, []);

  const trainIfNeeded = useCallback(async (status: AppStatus, signal: AbortSignal): Promise<AppStatus> => {
    if (status.model || !status.active) return status;
    const total = explicitDefaults.iterations;
    const iterations: IterationInfo[] = [];
    setPhase({ kind: 'training', iterations: [], total });
    report('train', null, total);
    await jobs.run(
      (api) =>
        api.train(
          {},
          proxy((i: IterationInfo) => {
            if (signal.aborted) return; // a message posted just before Cancel killed the worker: the screen says Stopped
            iterations.push(i);
            setPhase({ kind: 'training', iterations: [...iterations], total: i.iterations });
            report('train', i, i.iterations);
          }),
          { workers: workersFromUrl() },
        ),
      signal,
    );
    await serving.api.reload();
    postTabMessage({ type: 'model' });
    return serving.api.status();
  }, [report]);

  /**
   * Runs `first` (an import; it checks inside the lock whether it is still needed) and then a training if the
   * active dataset has no model, holding the job lock; while another tab holds it, shows that tab's progress.
   */
  const runJobs = useCallback(
    async (first: ((signal: AbortSignal) => Promise<void>) | null, ownJob?: string) => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      try {
        await withJobLock(
          async () => {
            try {
              if (first) await first(ctrl.signal);
              await serving.api.reload();
              const status = await serving.api.status();
              if (!status.active) return setPhase({ kind: 'byo', hasSample: (await bundledSample()) !== null });
              setPhase({ kind: 'ready', status: await trainIfNeeded(status, ctrl.signal) });
            } finally {
              if (running.current) postTabMessage({ type: 'job-ended' });
              running.current = null;
            }
          },
          () => {
            setPhase({ kind: 'other-tab', job: null, progress: null, ownJob });
            postTabMessage({ type: 'job-query' });
          },
          ctrl.signal,
        );
      } catch (e) {
        if (e instanceof CancelledError || ctrl.signal.aborted) setPhase({ kind: 'cancelled', what: 'Stopped. Nothing half-finished was kept.' });
        else setPhase({ kind: 'byo', error: (e as Error).message, hasSample: (await bundledSample()) !== null });
      } finally {
        if (abort.current === ctrl) abort.current = null;
      }
    },
    [trainIfNeeded],
  );

  const start = useCallback(async () => {
    setPhase({ kind: 'loading' });
    try {
      const status = await serving.api.status();
      if (status.active && status.model) return setPhase({ kind: 'ready', status }); // nothing to run: no lock to wait for
      if (status.active) return await runJobs(null);
      const sample = await bundledSample();
      if (!sample) return setPhase({ kind: 'byo' });
      await runJobs(async (signal) => {
        // Another tab may have imported it while this one waited for the lock.
        await serving.api.reload();
        if ((await serving.api.status()).active) return;
        setPhase({ kind: 'importing', progress: null, label: sample.name });
        report('import', null);
        await jobs.run(async (api) => {
          await api.importBundled(
            new URL(sample.file, document.baseURI).href, // absolute: the worker resolves relative URLs against its own script
            sample.name,
            proxy((p: ImportProgress) => {
              if (signal.aborted) return;
              setPhase({ kind: 'importing', progress: p, label: sample.name });
              report('import', p);
            }),
          );
        }, signal);
        postTabMessage({ type: 'datasets' });
      });
    } catch (e) {
      setPhase({ kind: 'error', message: (e as Error).message });
    }
  }, [runJobs, report]);

  const importFiles = useCallback(
    (files: File[]) => {
      const label = files.length === 1 ? files[0].name : `${files.length} files`;
      setPhase({ kind: 'importing', progress: null, label });
      // File objects go to the worker as handles: it reads them in slices, the page never holds their bytes.
      return runJobs(async (signal) => {
        setPhase({ kind: 'importing', progress: null, label });
        report('import', null);
        await jobs.run(
          (api) =>
            api.importFiles(
              files,
              proxy((p: ImportProgress) => {
                if (signal.aborted) return;
                setPhase({ kind: 'importing', progress: p, label });
                report('import', p);
              }),
            ),
          signal,
        );
        postTabMessage({ type: 'datasets' });
      }, label);
    },
    [runJobs, report],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);

  // A screen trained a model (Model lab): show the new status without leaving the screen.
  useEffect(
    () =>
      onStatusChanged(() => {
        void serving.api.status().then((status) => setPhase((p) => (p.kind === 'ready' ? { kind: 'ready', status } : p)));
      }),
    [],
  );

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // StrictMode mounts twice in development; import once
    started.current = true;
    // Let the page finish loading and paint before workers take both cores for import and training.
    const go = () => requestIdleCallback(() => void start(), { timeout: 300 });
    if (document.readyState === 'complete') go();
    else window.addEventListener('load', go, { once: true });
  }, [start]);

  // Other tabs: answer "what are you running?", follow their job's progress, and pick up their changes.
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  /** Another tab imported, trained, switched or deleted: re-read what serving caches, then show the new state. */
  const follow = useCallback(async () => {
    await serving.api.reload();
    const status = await serving.api.status();
    if (status.active && status.model) setPhase({ kind: 'ready', status });
    else if (status.active) await runJobs(null);
    else setPhase({ kind: 'byo', hasSample: (await bundledSample()) !== null });
  }, [runJobs]);
  useEffect(
    () =>
      onTabMessage((msg) => {
        const kind = phaseRef.current.kind;
        if (msg.type === 'job-query' && running.current) postTabMessage(running.current);
        else if (msg.type === 'job') setPhase((p) => (p.kind === 'other-tab' ? { ...p, job: msg.kind, progress: msg.progress, total: msg.total } : p));
        else if ((msg.type === 'datasets' || msg.type === 'model') && (kind === 'ready' || kind === 'byo')) void follow();
      }),
    [follow],
  );

  /** After a dataset switch or deletion in this tab: tell the others, then show the new state. */
  const changed = useCallback(() => {
    postTabMessage({ type: 'datasets' });
    void start();
  }, [start]);
  const emptied = useCallback(() => {
    postTabMessage({ type: 'datasets' });
    setPhase({ kind: 'byo' });
  }, []);

  return { phase, start, importFiles, cancel, changed, emptied };
}
