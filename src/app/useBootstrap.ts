// First visit as React state: the phase reducer driven by the bootstrap flow, which runs its import and training
// through the page's job runner (one job at a time in the origin); follows the other tabs' changes.
import { startTransition, useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { serving } from '../client/engineClient';
import { pageJobs } from '../client/pageJobs';
import { onTabMessage, postTabMessage } from '../sync/tabSync';
import { explicitDefaults } from '../engine/defaults/explicitDefaults';
import { rankerParams } from '../engine/defaults/rankerDefaults';
import { onStatusChanged } from './statusEvents';
import { kernelFromUrl, workersFromUrl } from './workersFromUrl';
import { bundledSample } from './bootstrap/bundledSample';
import { bootstrapFlow } from './bootstrap/bootstrapFlow';
import { INITIAL_PHASE, followsOtherTabs, nextPhase, type PhaseEvent } from './bootstrap/phase';

export type { Phase } from './bootstrap/phase';

/**
 * Events whose render builds the library (thousands of elements) or refreshes it: rendered as transitions, in slices
 * that leave the main thread free between them (one 40–50 ms task on the first visit before; Lighthouse's blocking time).
 * React applies every event in order, so a progress event that arrives meanwhile still lands on the library.
 */
const LARGE_RENDERS = new Set<PhaseEvent['type']>(['ready', 'ranker-ready', 'status-changed']);

export function useBootstrap() {
  const [phase, dispatch] = useReducer(nextPhase, INITIAL_PHASE);
  const flow = useMemo(
    () =>
      bootstrapFlow({
        runner: pageJobs,
        serving: serving.api,
        bundledSample,
        sampleUrl: (file) => new URL(file, document.baseURI).href,
        workers: workersFromUrl,
        kernel: kernelFromUrl,
        iterations: explicitDefaults.iterations,
        rankerIterations: rankerParams.ials.iterations,
        dispatch: (event: PhaseEvent) => (LARGE_RENDERS.has(event.type) ? startTransition(() => dispatch(event)) : dispatch(event)),
      }),
    [],
  );

  // A screen trained a model (Model lab): show the new status without leaving the screen.
  useEffect(() => onStatusChanged(() => void serving.api.status().then((status) => dispatch({ type: 'status-changed', status }))), []);

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // StrictMode mounts twice in development; import once
    started.current = true;
    // Let the page finish loading and paint before workers take both cores for import and training.
    const go = () => requestIdleCallback(() => void flow.start(), { timeout: 300 });
    if (document.readyState === 'complete') go();
    else window.addEventListener('load', go, { once: true });
  }, [flow]);

  // Another tab's new dataset or model: pick it up unless this tab is busy with (or waiting for) a job.
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  useEffect(
    () =>
      onTabMessage((msg) => {
        if ((msg.type === 'datasets' || msg.type === 'model') && followsOtherTabs(phaseRef.current)) void flow.follow();
      }),
    [flow],
  );

  /** After a dataset switch or deletion in this tab: tell the others, then show the new state. */
  const changed = useCallback(() => {
    postTabMessage({ type: 'datasets' });
    void flow.start();
  }, [flow]);
  const emptied = useCallback(() => {
    postTabMessage({ type: 'datasets' });
    void flow.emptied();
  }, [flow]);

  return { phase, start: flow.start, importFiles: flow.importFiles, cancel: flow.cancel, changed, emptied };
}
