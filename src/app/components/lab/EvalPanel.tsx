// Evaluation table: the model set in the training controls against global mean, bias and popularity on a holdout.
import type { Metrics } from '../../../engine/eval/evaluate';
import { evaluationDefaults } from '../../../engine/defaults/evaluationDefaults';
import { percent } from './labForm';
import { cancelLab, startEvaluation, useLab, type EvalRun } from './labStore';
import './lab.css';
import { count } from '../../format';

const BASELINES = [
  { key: 'bias', label: 'Bias baseline', hint: 'mean + person bias + movie bias' },
  { key: 'popularity', label: 'Popularity', hint: 'most-rated first; damped mean as the rating' },
  { key: 'globalMean', label: 'Global mean', hint: 'every rating is the mean' },
] as const;

const f4 = (x: number) => x.toFixed(4);

function stepText(run: EvalRun): string {
  const s = run.step;
  if (!s) return 'Reading the ratings…';
  if (s.model === 'model') return s.iteration ? `Training the model: iteration ${s.iteration} of ${run.iterations}` : 'Training the model…';
  return `Scoring the ${BASELINES.find((b) => b.key === s.model)!.label.toLowerCase()}…`;
}

function stepValue(run: EvalRun): number {
  const s = run.step;
  if (!s) return 0;
  if (s.model === 'model') return s.iteration ?? 0;
  return run.iterations + 1 + BASELINES.findIndex((b) => b.key === s.model);
}

function Row(props: { id: string; label: string; hint: string; m: Metrics; stars: boolean }) {
  const { m } = props;
  const na = (
    <td>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not applicable</span>
    </td>
  );
  return (
    <tr data-model={props.id}>
      <th scope="row">
        {props.label}
        <br />
        <small className="muted">{props.hint}</small>
      </th>
      {props.stars ? <td data-metric="rmse">{f4(m.rmse)}</td> : na}
      {props.stars ? <td data-metric="mae">{f4(m.mae)}</td> : na}
      <td data-metric="ndcg@10">{f4(m['ndcg@10'])}</td>
      <td data-metric="recall@20">{f4(m['recall@20'])}</td>
      <td data-metric="coverage@20">{(m['coverage@20'] * 100).toFixed(1)}%</td>
      <td>{m.fitSeconds.toFixed(2)}</td>
      <td>{((m.predictSeconds + (m.rankSeconds ?? 0)) * 1000).toFixed(0)}</td>
    </tr>
  );
}

export function EvalPanel() {
  const lab = useLab();
  const run = lab.evaluation;
  const report = run?.status === 'done' ? run.report : undefined;
  const p = report?.params;
  const implicit = run?.objective === 'implicit';
  return (
    <section className="panel" aria-labelledby="lab-eval-h" data-testid="lab-eval">
      <h2 id="lab-eval-h">Evaluate against baselines</h2>
      <p className="muted">
        Trains the model set above on a seeded share of the ratings and measures it, and three baselines, on the held-out rest (the validation holdout above,{' '}
        {percent(evaluationDefaults.testFraction)}% when it is 0). Nothing is stored.
      </p>
      <div className="lab-actions">
        <button type="button" onClick={() => void startEvaluation()} disabled={lab.busy !== null}>
          Evaluate
        </button>
        {lab.busy === 'eval' && (
          <button type="button" onClick={cancelLab}>
            Cancel
          </button>
        )}
      </div>
      {run?.status === 'running' && <progress max={run.iterations + 4} value={stepValue(run)} aria-label="Evaluation progress" />}
      {run && (
        <p aria-live="polite" role={run.status === 'error' ? 'alert' : undefined} className={run.status === 'error' ? 'error' : undefined} data-testid="lab-eval-status">
          {run.status === 'running' ? stepText(run) : run.status === 'done' && report ? `Evaluated in ${report.seconds.toFixed(1)} s.` : run.message}
        </p>
      )}
      {report && p && (
        <p className="lab-note">
          {report.dataset}: {Math.round(report.split.kind === 'holdout' ? report.split.testFraction * 100 : 0)}% of {count(report.ratings, 'rating')} held out (seed{' '}
          {'seed' in report.split ? report.split.seed : '–'}). Lower RMSE and MAE are better; higher NDCG, recall and coverage are better.
        </p>
      )}
      {report && p && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="lab-eval-caption">
          <table className="lab-table lab-eval-table" data-testid="eval-table">
            <caption id="lab-eval-caption">Held-out results</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">RMSE</th>
                <th scope="col">MAE</th>
                <th scope="col">NDCG@10</th>
                <th scope="col">Recall@20</th>
                <th scope="col">Coverage@20</th>
                <th scope="col">Fit (s)</th>
                <th scope="col">Predict (ms)</th>
              </tr>
            </thead>
            <tbody>
              <Row
                id="model"
                label={implicit ? 'iALS (implicit)' : 'ALS'}
                hint={`rank ${p.rank}, λ ${p.lambda}, ${p.iterations} iterations`}
                m={report.model}
                stars={!implicit}
              />
              {BASELINES.map((b) => (
                <Row key={b.key} id={b.key} label={b.label} hint={b.hint} m={report.baselines[b.key]} stars />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report && (
        <p className="muted lab-note">
          Ranking: every movie a person has not rated is ranked; held-out ratings of 4 stars or more count as relevant. Coverage@20: share of the catalogue that
          appears in someone’s top 20. Predict: rating error plus ranking time.
          {implicit && ' The implicit model scores how likely a watch is, not stars, so it has no RMSE or MAE: compare its ranking columns.'}
        </p>
      )}
    </section>
  );
}
