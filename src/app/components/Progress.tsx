// Progress panels for the first-visit import and training, with Cancel.
import type { ImportProgress, PrepareProgress } from '../../client/workerTypes';
import { kernelAndWorkers, prepareStatus } from '../format';
import type { IterationInfo } from '../../engine/types';
import { importRateText, importStatusText } from './importStatus';

export function ImportProgressView(props: { label: string; progress: ImportProgress | null; onCancel: () => void }) {
  const p = props.progress;
  const pct = p ? Math.round(p.fraction * 100) : 0;
  const rate = importRateText(p);
  return (
    <section className="panel progress" aria-labelledby="import-h">
      <h2 id="import-h">
        Importing <bdi>{props.label}</bdi>
      </h2>
      <progress max={100} value={pct} aria-label="Import progress" />
      <p aria-live="polite" data-testid="import-status">
        {importStatusText(props.label, p)}
      </p>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
      {rate !== null && (
        <p className="muted" data-testid="import-rate">
          {rate}
        </p>
      )}
    </section>
  );
}

export function TrainingProgressView(props: { iterations: IterationInfo[]; total: number; prepare?: PrepareProgress | null; onCancel: () => void }) {
  const last = props.iterations.at(-1);
  const done = last?.iteration ?? 0;
  return (
    <section className="panel progress" aria-labelledby="train-h">
      <h2 id="train-h">Training your recommender</h2>
      <progress max={props.total} value={done} aria-label="Training progress" />
      <p aria-live="polite" data-testid="train-status">
        {last ? `Iteration ${done} of ${props.total}: training RMSE ${last.trainRmse.toFixed(4)}` : prepareStatus(props.prepare)}
      </p>
      {/* Above the lines that appear as it trains (as in the import's), so it stays where a finger is about to tap it. */}
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
      {last?.workers !== undefined && (
        <p className="muted" data-testid="train-workers">
          {last.workers > 1 ? `Training in ${last.workers} parallel workers` : 'Training in one worker'}
        </p>
      )}
      {last && (
        <p className="muted" data-testid="train-kernel">
          {kernelAndWorkers(last)}
        </p>
      )}
      {props.iterations.length > 0 && (
        <ol className="rmse-list" aria-label="Training RMSE per iteration" data-testid="rmse-list">
          {props.iterations.map((i) => (
            // The list's own number is the iteration's: said once.
            <li key={i.iteration} value={i.iteration}>
              {i.trainRmse.toFixed(4)} <span className="muted">({i.seconds.toFixed(2)} s)</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
