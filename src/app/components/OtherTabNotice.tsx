// Shown while another tab runs an import or a training: its progress, and that this tab goes on when it ends.
import type { ImportProgress } from '../../client/workerTypes';
import type { IterationInfo } from '../../engine/types';
import type { LockedJob } from '../../sync/tabSync';
import { importStatusText } from './importStatus';
import './tabs.css';

const isIteration = (p: ImportProgress | IterationInfo): p is IterationInfo => 'iteration' in p;

export function OtherTabNotice(props: {
  job: LockedJob | null;
  progress: ImportProgress | IterationInfo | null;
  total?: number;
  /** What this tab will import once the other tab is done (files it was given), if anything. */
  ownJob?: string;
  onCancel: () => void;
}) {
  const { job, progress: p } = props;
  const heading = job === 'import' ? 'An import is running in another tab' : job === 'train' ? 'Training is running in another tab' : 'Another tab is importing or training';
  let value: number | undefined;
  let max = 100;
  let text = 'Waiting for it to report progress…';
  if (p && isIteration(p)) {
    max = props.total ?? p.iterations;
    value = p.iteration;
    const fit = p.fit === 'validation' ? ' (validation run)' : p.fit === 'final' ? ' (model on all ratings)' : '';
    text = `Iteration ${p.iteration} of ${max}${fit}: training RMSE ${p.trainRmse.toFixed(4)}`;
  } else if (p) {
    value = Math.round(p.fraction * 100);
    // What the other tab's import is doing, as its own progress says it ("Reading ratings: 13,905 rows, 21%"), never "0 rows".
    text = importStatusText('its files', p);
  }
  return (
    <section className="panel progress other-tab" aria-labelledby="other-tab-h" data-testid="other-tab">
      <h2 id="other-tab-h">{heading}</h2>
      <progress max={max} value={value} aria-label="Progress in the other tab" />
      <p aria-live="polite" data-testid="other-tab-status">
        {text}
      </p>
      <p className="muted">
        {props.ownJob ? `Your import of ${props.ownJob} starts as soon as it ends.` : 'This tab goes on by itself as soon as it ends.'} Only one tab
        imports or trains at a time, so they never get in each other's way.
      </p>
      {props.ownJob && (
        <button type="button" onClick={props.onCancel}>
          Don't import {props.ownJob}
        </button>
      )}
    </section>
  );
}
