// Training controls (objective, rank, λ, iterations, validation holdout), live progress with Cancel, and the chart.
import type { AppStatus, ModelSummary } from '../../../client/workerTypes';
import { kernelAndWorkers } from '../../format';
import { RmseChart, errorNames } from './RmseChart';
import { defaultsFor } from '../../../engine/defaults/modelDefaults';
import { FORM_DEFAULTS, FORM_LIMITS, withObjective, type Objective, type TrainForm } from './labForm';
import { cancelLab, setForm, startTraining, useLab, type TrainRun } from './labStore';
import './lab.css';

const OBJECTIVES: { id: Objective; label: string; hint: string }[] = [
  { id: 'explicit', label: 'Explicit ratings', hint: 'predicts the stars you would give (ALS with biases)' },
  { id: 'implicit', label: 'Implicit “will watch”', hint: 'ranks what you are likely to watch; every rating counts as a watch (iALS)' },
];

/** Each input's label, hint (for the chosen objective: λ's exponent is that objective's default) and step; min and max are FORM_LIMITS. */
const FIELDS: { key: keyof typeof FORM_LIMITS; label: string; hint: (o: Objective) => string; step: string }[] = [
  { key: 'rank', label: 'Rank', hint: () => 'latent factors per movie', step: '1' },
  { key: 'lambda', label: 'λ (regularization)', hint: (o) => `penalty λ·n^${defaultsFor(o).lambdaExponent} on a row with n ratings`, step: 'any' },
  { key: 'iterations', label: 'Iterations', hint: () => 'user + movie half-steps', step: '1' },
  { key: 'holdoutPct', label: 'Validation holdout (%)', hint: () => 'ratings kept out of training to measure it; 0 trains on all', step: '1' },
];

function describeModel(m: ModelSummary): string {
  const last = m.history.at(-1);
  const names = errorNames(m.objective);
  const val = last?.validationRmse !== undefined ? `, ${names.inValidation} ${last.validationRmse.toFixed(4)} on ${Math.round(m.holdout * 100)}% held out` : '';
  return `rank ${m.params.rank}, λ ${m.params.lambda}, ${m.params.iterations} iterations, ${m.trainSeconds.toFixed(1)} s${last ? `; ${names.inTrain} ${last.trainRmse.toFixed(4)}${val}` : ''}`;
}

function runStatus(run: TrainRun): string {
  const names = errorNames(run.objective);
  const last = run.iterations.at(-1);
  if (run.status === 'running') {
    if (!last) return run.message ?? 'Preparing the rating matrix…';
    const val = last.validationRmse !== undefined ? `, ${names.inValidation} ${last.validationRmse.toFixed(4)}` : '';
    return `Iteration ${last.iteration} of ${run.total}: ${names.inTrain} ${last.trainRmse.toFixed(4)}${val}`;
  }
  if (run.status === 'done' && run.model) {
    const use = run.objective === 'implicit' ? 'Recommendations can now rank by “You’ll likely watch”.' : 'Recommendations now use it.';
    return `Trained in ${run.model.trainSeconds.toFixed(1)} s. ${use}`;
  }
  return run.message ?? '';
}

export function TrainPanel({ status }: { status: AppStatus }) {
  const lab = useLab();
  const { form, formErrors, busy } = lab;
  const run = lab.train;
  const edit = (patch: Partial<TrainForm>) => setForm({ ...form, ...patch });
  const defaults = FORM_DEFAULTS[form.objective];
  // The chart shows the latest training started here, else the stored explicit model's own history.
  const shown = run ?? (status.model ? { iterations: status.model.history, total: status.model.params.iterations, objective: status.model.objective, holdout: status.model.holdout } : null);
  const hasValidation = shown ? shown.holdout > 0 || shown.iterations.some((i) => i.validationRmse !== undefined) : false;
  return (
    <section className="panel lab-train" aria-labelledby="lab-train-h" data-testid="lab-train">
      <h2 id="lab-train-h" tabIndex={-1}>
        Train a model
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void startTraining();
        }}
        noValidate
      >
        <fieldset className="lab-objective">
          <legend>Objective</legend>
          {OBJECTIVES.map((o) => (
            <label key={o.id}>
              <input type="radio" name="lab-objective" value={o.id} checked={form.objective === o.id} onChange={() => setForm(withObjective(form, o.id))} disabled={busy !== null} />
              <span>
                <strong>{o.label}</strong> <span className="muted">— {o.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="lab-fields">
          {FIELDS.map((f) => (
            <div key={f.key} className="lab-field">
              <label htmlFor={`lab-${f.key}`}>{f.label}</label>
              <input
                id={`lab-${f.key}`}
                type="number"
                inputMode={f.step === '1' ? 'numeric' : 'decimal'}
                step={f.step}
                min={FORM_LIMITS[f.key][0]}
                max={FORM_LIMITS[f.key][1]}
                value={form[f.key]}
                onChange={(e) => edit({ [f.key]: e.target.value })}
                aria-invalid={formErrors[f.key] ? true : undefined}
                aria-describedby={`lab-${f.key}-hint`}
                disabled={busy !== null}
              />
              <small id={`lab-${f.key}-hint`} className="muted">
                {f.hint(form.objective)} (default {defaults[f.key]})
              </small>
            </div>
          ))}
        </div>
        {Object.keys(formErrors).length > 0 && (
          <ul role="alert" className="error lab-errors">
            {Object.values(formErrors).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <div className="lab-actions">
          <button type="submit" disabled={busy !== null}>
            Train
          </button>
          {busy === 'train' && (
            <button type="button" onClick={cancelLab}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {run && (
        <div className="lab-run">
          {run.status === 'running' && <progress max={run.total} value={run.iterations.length} aria-label="Training progress" />}
          <p aria-live="polite" role={run.status === 'error' ? 'alert' : undefined} className={run.status === 'error' ? 'error' : undefined} data-testid="lab-train-status">
            {runStatus(run)}
          </p>
          {run.iterations.length > 0 && (
            <p className="muted" data-testid="lab-train-kernel">
              {kernelAndWorkers(run.iterations.at(-1)!)}
            </p>
          )}
        </div>
      )}
      {shown && shown.iterations.length > 0 ? (
        <RmseChart
          iterations={shown.iterations}
          total={shown.total}
          objective={shown.objective}
          validation={hasValidation}
          caption={
            run
              ? `${run.objective === 'implicit' ? 'Implicit (iALS)' : 'Explicit'} training${run.holdout > 0 ? ` on ${100 - Math.round(run.holdout * 100)}% of the ratings, validated on the other ${Math.round(run.holdout * 100)}%` : ' on all ratings'}.${run.objective === 'implicit' ? ' iALS reports how far its scores for watched movies are from 1 (lower is better), not stars.' : ''}`
              : 'How the model in use was trained.'
          }
        />
      ) : (
        run?.status === 'running' && <p className="muted">The chart starts after the first iteration.</p>
      )}
      <h3>Stored models</h3>
      <dl className="facts" data-testid="lab-models">
        <dt>Predicted rating</dt>
        <dd>{status.model ? describeModel(status.model) : 'none'}</dd>
        <dt>You’ll likely watch</dt>
        <dd>{status.implicitModel ? describeModel(status.implicitModel) : 'none yet: train with the implicit objective'}</dd>
      </dl>
    </section>
  );
}
