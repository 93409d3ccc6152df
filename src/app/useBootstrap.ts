// First-visit flow: find or import a dataset, train if no model, report progress; cancellable.
import { useCallback, useEffect, useRef, useState } from 'react';
import { jobs, proxy, serving, CancelledError } from '../client/engineClient';
import type { AppStatus, ImportProgress } from '../worker/engineApi';
import type { BundleManifest } from '../engine/movielens/manifest';
import type { IterationInfo } from '../engine/types';
import { defaultAlsParams } from '../engine/als/train';
import { onStatusChanged } from './statusEvents';

export type Phase =
  | { kind: 'loading' }
  | { kind: 'importing'; progress: ImportProgress | null; label: string }
  | { kind: 'training'; iterations: IterationInfo[]; total: number }
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

  const trainIfNeeded = useCallback(async (status: AppStatus, signal: AbortSignal): Promise<AppStatus> => {
    if (status.model || !status.active) return status;
    const total = defaultAlsParams.iterations;
    const iterations: IterationInfo[] = [];
    setPhase({ kind: 'training', iterations: [], total });
    await jobs.run(
      (api) =>
        api.train(
          {},
          proxy((i: IterationInfo) => {
            if (signal.aborted) return; // a message posted just before Cancel killed the worker: the screen says Stopped
            iterations.push(i);
            setPhase({ kind: 'training', iterations: [...iterations], total: i.iterations });
          }),
          { workers: workersFromUrl() },
        ),
      signal,
    );
    await serving.api.reload();
    return serving.api.status();
  }, []);

  const runJobs = useCallback(
    async (first: (signal: AbortSignal) => Promise<void> | null) => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      try {
        const job = first(ctrl.signal);
        if (job) await job;
        await serving.api.reload();
        const status = await serving.api.status();
        if (!status.active) return;
        setPhase({ kind: 'ready', status: await trainIfNeeded(status, ctrl.signal) });
      } catch (e) {
        if (e instanceof CancelledError) setPhase({ kind: 'cancelled', what: 'Stopped. Nothing half-finished was kept.' });
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
      if (status.active) return runJobs(() => null);
      const sample = await bundledSample();
      if (!sample) return setPhase({ kind: 'byo' });
      setPhase({ kind: 'importing', progress: null, label: sample.name });
      await runJobs((signal) =>
        jobs.run(async (api) => {
          await api.importBundled(
            new URL(sample.file, document.baseURI).href, // absolute: the worker resolves relative URLs against its own script
            sample.name,
            proxy((p: ImportProgress) => !signal.aborted && setPhase({ kind: 'importing', progress: p, label: sample.name })),
          );
        }, signal),
      );
    } catch (e) {
      setPhase({ kind: 'error', message: (e as Error).message });
    }
  }, [runJobs]);

  const importFiles = useCallback(
    (files: File[]) => {
      const label = files.length === 1 ? files[0].name : `${files.length} files`;
      setPhase({ kind: 'importing', progress: null, label });
      // File objects go to the worker as handles: it reads them in slices, the page never holds their bytes.
      return runJobs(async (signal) => {
        await jobs.run(
          (api) => api.importFiles(files, proxy((p: ImportProgress) => !signal.aborted && setPhase({ kind: 'importing', progress: p, label }))),
          signal,
        );
      });
    },
    [runJobs],
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

  return { phase, start, importFiles, cancel, showByo: () => setPhase({ kind: 'byo' }) };
}
