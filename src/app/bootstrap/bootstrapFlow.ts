// First visit as plain async steps over the job runner: find or import a dataset, train if it has no model, report
// each step as a phase event. No React: useBootstrap feeds the events to its reducer; tests feed them to an array.
import type { AppStatus, PrepareProgress } from '../../client/workerTypes';
import type { KernelPreference } from '../../engine/wasm/kernelChoice';
import type { BundledDataset } from '../../engine/movielens/manifest';
import type { EngineApi } from '../../client/engineClient';
import type { JobRunner } from '../../client/jobRunner';
import type { Remote } from 'comlink';
import { CancelledError, proxy } from '../../client/engineClient';
import type { PhaseEvent } from './phase';

export interface BootstrapDeps {
  runner: Pick<JobRunner<Remote<EngineApi>>, 'exclusive' | 'run'>;
  /** The serving worker: re-read the store, then say what is there. */
  serving: { reload(): Promise<void>; status(): Promise<AppStatus> };
  /** The sample this build bundles, if any (public/data/manifest.json). */
  bundledSample(): Promise<BundledDataset | null>;
  /** The sample file's absolute URL: the worker resolves relative URLs against its own script. */
  sampleUrl(file: string): string;
  /** Shard workers for a training (`?workers=N`); undefined: the default. */
  workers(): number | undefined;
  /** Kernels for a training (`?kernel=`); undefined: the default ('auto'). */
  kernel?(): KernelPreference | undefined;
  /** Iterations of a first-visit training, for the progress bar before the first report. */
  iterations: number;
  dispatch(event: PhaseEvent): void;
}

export interface BootstrapFlow {
  /** Opens the library: ready if there is a model; else imports the bundled sample and/or trains, or asks for files. */
  start(): Promise<void>;
  /** Imports the person's files (handles: the worker reads them in slices), then trains. */
  importFiles(files: File[]): Promise<void>;
  /** Another tab imported, trained, switched or deleted: re-read what serving caches, then show the new state. */
  follow(): Promise<void>;
  /** This tab deleted the last dataset: the bring-your-own screen, offering the bundled sample when the build has one. */
  emptied(): Promise<void>;
  /** Cancels the running or waiting job. */
  cancel(): void;
}

/** The bundled sample as the person sees it while it is imported: its zip's name ("ml-latest-small.zip"). */
export const sampleFileName = (sample: BundledDataset): string => sample.file.split('/').pop() || sample.name;

export function bootstrapFlow(deps: BootstrapDeps): BootstrapFlow {
  const { runner, serving, dispatch } = deps;
  let abort: AbortController | null = null;

  const askForFiles = async (error?: string) => dispatch({ type: 'no-dataset', error, hasSample: (await deps.bundledSample()) !== null });

  /**
   * A refused import wrote nothing: a library that was there is still there, so it is shown with the reason (the
   * bring-your-own screen is for when there is none).
   */
  async function refused(message: string): Promise<void> {
    const status = await serving.status().catch(() => null);
    if (status?.active && status.model) dispatch({ type: 'ready', status, importError: message });
    else await askForFiles(message);
  }

  /** Trains the active dataset if it has no model; the status after. */
  async function trainIfNeeded(status: AppStatus, signal: AbortSignal): Promise<AppStatus> {
    if (status.model || !status.active) return status;
    dispatch({ type: 'training-started', total: deps.iterations });
    await runner.run({
      kind: 'train',
      signal,
      total: deps.iterations,
      call: (api, progress) =>
        api.train({}, progress, { workers: deps.workers(), kernel: deps.kernel?.() }, proxy((p: PrepareProgress) => dispatch({ type: 'prepare', progress: p }))),
      onProgress: (info) => dispatch({ type: 'iteration', info }),
    });
    return serving.status();
  }

  /**
   * Runs `first` (an import; it checks inside the lock whether it is still needed) and then a training if the active
   * dataset has no model, holding the job lock; while another tab holds it, shows that tab's progress.
   */
  async function runJobs(first: ((signal: AbortSignal) => Promise<void>) | null, ownJob?: string): Promise<void> {
    abort?.abort();
    const ctrl = new AbortController();
    abort = ctrl;
    try {
      await runner.exclusive(
        ctrl.signal,
        async () => {
          if (first) await first(ctrl.signal);
          await serving.reload();
          const status = await serving.status();
          if (!status.active) return askForFiles();
          dispatch({ type: 'ready', status: await trainIfNeeded(status, ctrl.signal) });
        },
        (other) => dispatch(other ? { type: 'other-tab-progress', other } : { type: 'waiting', ownJob }),
      );
    } catch (e) {
      if (e instanceof CancelledError || ctrl.signal.aborted) dispatch({ type: 'cancelled' });
      else await refused((e as Error).message);
    } finally {
      if (abort === ctrl) abort = null;
    }
  }

  async function start(): Promise<void> {
    dispatch({ type: 'open' });
    try {
      const status = await serving.status();
      if (status.active && status.model) return dispatch({ type: 'ready', status }); // nothing to run: no lock to wait for
      if (status.active) return await runJobs(null);
      const sample = await deps.bundledSample();
      if (!sample) return dispatch({ type: 'no-dataset' });
      await runJobs(async (signal) => {
        // Another tab may have imported it while this one waited for the lock.
        await serving.reload();
        if ((await serving.status()).active) return;
        dispatch({ type: 'import-started', label: sampleFileName(sample) });
        await runner.run({
          kind: 'import',
          signal,
          call: (api, progress) => api.importBundled(deps.sampleUrl(sample.file), sample.name, progress),
          onProgress: (progress) => dispatch({ type: 'import-progress', progress }),
        });
      });
    } catch (e) {
      dispatch({ type: 'failed', message: (e as Error).message });
    }
  }

  function importFiles(files: File[]): Promise<void> {
    const label = files.length === 1 ? files[0].name : `${files.length} files`;
    dispatch({ type: 'import-started', label });
    return runJobs(async (signal) => {
      dispatch({ type: 'import-started', label });
      await runner.run({
        kind: 'import',
        signal,
        call: (api, progress) => api.importFiles(files, progress),
        onProgress: (progress) => dispatch({ type: 'import-progress', progress }),
      });
    }, label);
  }

  async function follow(): Promise<void> {
    await serving.reload();
    const status = await serving.status();
    if (status.active && status.model) dispatch({ type: 'ready', status });
    else if (status.active) await runJobs(null);
    else await askForFiles();
  }

  async function emptied(): Promise<void> {
    await serving.reload();
    await askForFiles();
  }

  return { start, importFiles, follow, emptied, cancel: () => abort?.abort() };
}
