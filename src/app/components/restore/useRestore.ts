// A backup restore as the page runs it on the files worker: check the whole file (progress, Cancel), ask with what it
// holds against what it replaces, write it in one transaction (progress, Cancel), then say exactly what happened.
import { useCallback, useRef, useState } from 'react';
import { CancelledError, EngineFaultError, files, proxy, serving } from '../../../client/engineClient';
import type { BackupSummary, RestoreProgress, RestoreResult } from '../../../client/workerTypes';
import type { UndoTicket } from '../../../client/workerTypes';

export type RestoreStep =
  | { step: 'idle' }
  | { step: 'checking'; file: string; progress: RestoreProgress | null }
  | { step: 'confirm'; summary: BackupSummary }
  | { step: 'writing'; summary: BackupSummary; progress: RestoreProgress | null };

/** How a restore ended, for the message under the buttons. */
export type RestoreOutcome =
  /** `seconds`: where the time went (check and write), kept on the notice for benchmarks. */
  | { kind: 'restored'; result: RestoreResult; seconds: BackupSummary['seconds'] & { write: number } }
  | { kind: 'refused'; file: string; message: string }
  | { kind: 'cancelled'; file: string }
  /** Stopped (Cancel or a crash) after the transaction had already committed: the backup is in place. */
  | { kind: 'finished-anyway'; file: string; undo: UndoTicket; why: 'cancel' | 'crash' }
  /** The worker died before the transaction committed: nothing changed. */
  | { kind: 'interrupted'; file: string };

export function useRestore(onDone: (o: RestoreOutcome) => void) {
  const [state, setState] = useState<RestoreStep>({ step: 'idle' });
  const stopping = useRef<AbortController | null>(null);

  const run = useCallback(async <T,>(call: (signal: AbortSignal, progress: (p: RestoreProgress) => void) => Promise<T>, onProgress: (p: RestoreProgress) => void): Promise<T> => {
    const ctrl = new AbortController();
    stopping.current = ctrl;
    try {
      return await call(ctrl.signal, proxy((p: RestoreProgress) => !ctrl.signal.aborted && onProgress(p)));
    } finally {
      if (stopping.current === ctrl) stopping.current = null;
    }
  }, []);

  const pick = useCallback(
    async (file: File) => {
      setState({ step: 'checking', file: file.name, progress: null });
      try {
        const summary = await run(
          (signal, progress) => files.run((api) => api.inspectBackup(file, progress), signal),
          (progress) => setState((s) => (s.step === 'checking' ? { ...s, progress } : s)),
        );
        setState({ step: 'confirm', summary });
      } catch (e) {
        setState({ step: 'idle' });
        if (e instanceof CancelledError) onDone({ kind: 'cancelled', file: file.name });
        else if (e instanceof EngineFaultError) onDone({ kind: 'interrupted', file: file.name });
        else onDone({ kind: 'refused', file: file.name, message: (e as Error).message });
      }
    },
    [run, onDone],
  );

  const confirm = useCallback(async () => {
    if (state.step !== 'confirm') return;
    const { summary } = state;
    setState({ step: 'writing', summary, progress: null });
    try {
      const result = await run(
        (signal, progress) => files.run((api) => api.commitRestore(summary.token, progress), signal),
        (progress) => setState((s) => (s.step === 'writing' ? { ...s, progress } : s)),
      );
      onDone({ kind: 'restored', result, seconds: { ...summary.seconds, write: result.writeSeconds } });
    } catch (e) {
      // Stopped: the one transaction committed or it did not. Ask the store rather than guess.
      const last = await serving.api.lastChange().catch(() => null);
      const file = summary.file;
      if (last?.id === summary.token) onDone({ kind: 'finished-anyway', file, undo: last, why: e instanceof CancelledError ? 'cancel' : 'crash' });
      else if (e instanceof CancelledError) onDone({ kind: 'cancelled', file });
      else if (e instanceof EngineFaultError) onDone({ kind: 'interrupted', file });
      else onDone({ kind: 'refused', file, message: (e as Error).message });
    } finally {
      setState({ step: 'idle' });
    }
  }, [state, run, onDone]);

  /** Cancel: stops a check or a write (terminating the files worker), or declines the question. */
  const cancel = useCallback(() => {
    if (state.step === 'confirm') {
      void files.api.dropPreparedBackup();
      setState({ step: 'idle' });
      onDone({ kind: 'cancelled', file: state.summary.file });
    } else stopping.current?.abort();
  }, [state, onDone]);

  return { state, pick, confirm, cancel };
}
