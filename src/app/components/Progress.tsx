// Progress panels for the first-visit import and training, with Cancel.
import type { ImportProgress, PrepareProgress } from '../../client/workerTypes';
import { kernelAndWorkers, prepareStatus, thousands } from '../format';
import type { IterationInfo } from '../../engine/types';

const PHASES: Record<ImportProgress['phase'], string> = {
  download: 'Loading the sample',
  unzip: 'Unpacking',
  parse: 'Reading ratings',
  write: 'Saving to this device',
};

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);

function timeLeft(seconds: number): string {
  if (seconds < 1) return 'a second';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return `${Math.round(seconds / 60)} min`;
}

export function ImportProgressView(props: { label: string; progress: ImportProgress | null; onCancel: () => void }) {
  const p = props.progress;
  const pct = p ? Math.round(p.fraction * 100) : 0;
  return (
    <section className="panel progress" aria-labelledby="import-h">
      <h2 id="import-h">Importing {props.label}</h2>
      <progress max={100} value={pct} aria-label="Import progress" />
      <p aria-live="polite" data-testid="import-status">
        {p ? `${PHASES[p.phase]}: ${thousands(p.rows)} rows, ${pct}%` : 'Starting…'}
      </p>
      {p?.bytesTotal ? (
        <p className="muted" data-testid="import-rate">
          {mb(p.bytesDone ?? 0)} of {mb(p.bytesTotal)} MB
          {p.mbPerSecond ? `, ${p.mbPerSecond.toFixed(1)} MB/s` : ''}
          {p.secondsLeft !== undefined && p.phase === 'parse' ? `, about ${timeLeft(p.secondsLeft)} left` : ''}
        </p>
      ) : null}
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
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
        <ol className="rmse-list" aria-label="Training RMSE per iteration">
          {props.iterations.map((i) => (
            <li key={i.iteration}>
              {i.iteration}: {i.trainRmse.toFixed(4)} <span className="muted">({i.seconds.toFixed(2)} s)</span>
            </li>
          ))}
        </ol>
      )}
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </section>
  );
}
