// Evaluation table: the model set in the training controls against global mean, bias and popularity on a holdout.
import type { Metrics } from '../../../engine/eval/evaluate';
import type { LabEvalReport } from '../../../client/workerTypes';
import { evaluationDefaults } from '../../../engine/defaults/evaluationDefaults';
import { percent } from './labForm';
import { cancelLab, startEvaluation, useLab, type EvalRun } from './labStore';
import { LabTable } from './LabTable';
import './lab.css';
import { count } from '../../format';

const BASELINES = [
  { key: 'bias', label: 'Bias baseline', hint: 'mean + person bias + movie bias' },
  { key: 'popularity', label: 'Popularity', hint: 'most-rated first; damped mean as the rating' },
  { key: 'globalMean', label: 'Global mean', hint: 'every rating is the mean' },
] as const;

const f4 = (x: number) => x.toFixed(4);

/** The ranking comparison's rows, as `cli eval` names them; defaultList is the list the app shows. */
const RANKERS = [
  { key: 'popularity', label: 'Popularity', hint: 'most-rated first' },
  { key: 'explicit', label: 'Predicted rating', hint: 'the star model (ALS) by predicted stars' },
  { key: 'ials', label: 'iALS', hint: 'implicit ALS alone (the ranker’s part)' },
  { key: 'ease', label: 'EASE', hint: 'exact item-item model over every movie (Steck 2019), a reference' },
  { key: 'defaultList', label: 'Best for you', hint: 'the list you see: EASE + iALS, controls off' },
] as const;

function stepText(run: EvalRun): string {
  const s = run.step;
  if (!s) return 'Reading the ratings…';
  if (s.model === 'model') return s.iteration ? `Training the model: iteration ${s.iteration} of ${run.iterations}` : 'Training the model…';
  if (s.model === 'rankers') return `Ranking comparison: ${RANKERS.find((r) => r.key === s.ranker)?.label ?? s.ranker}…`;
  return `Scoring the ${BASELINES.find((b) => b.key === s.model)!.label.toLowerCase()}…`;
}

function stepValue(run: EvalRun): number {
  const s = run.step;
  if (!s) return 0;
  if (s.model === 'model') return s.iteration ?? 0;
  if (s.model === 'rankers') return run.iterations + 1 + RANKERS.findIndex((r) => r.key === s.ranker);
  return run.iterations + 1 + RANKERS.length + BASELINES.findIndex((b) => b.key === s.model);
}

type RankerRow = NonNullable<LabEvalReport['rankers']>[string];

/** One row of the ranking comparison: its metrics, or why it was skipped. */
function RankerTableRow({ id, label, hint, r }: { id: string; label: string; hint: string; r: RankerRow | undefined }) {
  const mine = id === 'defaultList';
  const head = (
    <th scope="row">
      {label}
      {mine && <strong className="lab-yours"> (the list you see)</strong>}
      <br />
      <small className="muted">{hint}</small>
    </th>
  );
  if (!r) return null;
  if ('skipped' in r)
    return (
      <tr data-ranker={id}>
        {head}
        <td colSpan={6} className="muted">
          skipped: {r.skipped}
        </td>
      </tr>
    );
  const m = r.mean;
  return (
    <tr data-ranker={id} className={mine ? 'lab-yours-row' : undefined}>
      {head}
      <td data-metric="ndcg@10">{f4(m['ndcg@10'])}</td>
      <td data-metric="recall@20">{f4(m['recall@20'])}</td>
      <td data-metric="precision@10">{f4(m['precision@10'])}</td>
      <td data-metric="coverage@20">{(m['coverage@20'] * 100).toFixed(1)}%</td>
      <td data-metric="novelty@10">{m['novelty@10'].toFixed(2)}</td>
      <td>{m.fitSeconds.toFixed(2)}</td>
    </tr>
  );
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
      {run?.status === 'running' && <progress max={run.iterations + 1 + RANKERS.length + BASELINES.length} value={stepValue(run)} aria-label="Evaluation progress" />}
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
        <LabTable
          id="lab-eval"
          caption="Held-out results"
          testId="eval-table"
          className="lab-eval-table"
          columns={['Model', 'RMSE', 'MAE', 'NDCG@10', 'Recall@20', 'Coverage@20', 'Fit (s)', 'Predict (ms)']}
        >
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
        </LabTable>
      )}
      {report?.rankers && (
        <LabTable
          id="lab-rank"
          caption="Which movies to list: the ranking comparison of cli eval, same holdout"
          testId="ranking-table"
          className="lab-eval-table"
          columns={['Ranking', 'NDCG@10', 'Recall@20', 'Precision@10', 'Coverage@20', 'Novelty (bits)', 'Fit (s)']}
        >
          {RANKERS.map((r) => (
            <RankerTableRow key={r.key} id={r.key} label={r.label} hint={r.hint} r={report.rankers![r.key]} />
          ))}
        </LabTable>
      )}
      {report && (
        <p className="muted lab-note">
          Ranking: every movie a person has not rated is ranked; held-out ratings of 4 stars or more count as relevant. Coverage@20: share of the catalogue that
          appears in someone’s top 20. Predict: rating error plus ranking time. Novelty: mean self-information of the top 10 (higher: less-known films). “Best for you” is the list the app shows
          first; each of its rows still shows the star model’s predicted rating.
          {implicit && ' The implicit model scores how likely a watch is, not stars, so it has no RMSE or MAE: compare its ranking columns.'}
        </p>
      )}
    </section>
  );
}
