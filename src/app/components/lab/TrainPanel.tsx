// Training controls (objective, rank, λ, iterations, the ranking model's confidence, star offset, α0 and penalty, validation holdout), live progress with Cancel, and the chart.
import type { AppStatus } from '../../../client/workerTypes';
import { count, kernelAndWorkers } from '../../format';
import { RmseChart } from './RmseChart';
import { describeModel, runCaption, runStatus, storedChart } from './trainText';
import { defaultsFor } from '../../../engine/defaults/modelDefaults';
import { FORM_DEFAULTS, FORM_LIMITS, withObjective, type Objective, type TrainField, type TrainForm } from './labForm';
import { frequencyScaledLambda } from '../../../engine/defaults/tuningDefaults';
import { rankerParams } from '../../../engine/defaults/rankerDefaults';
import { cancelLab, setForm, startTraining, useLab } from './labStore';
import './lab.css';

const OBJECTIVES: { id: Objective; label: string; hint: string }[] = [
  { id: 'explicit', label: 'Explicit ratings', hint: 'predicts the stars you would give (ALS with biases)' },
  { id: 'implicit', label: 'Ranking (“Best for you”)', hint: 'implicit ALS (iALS, every rating a watch) plus EASE over the most-rated movies: orders the list you see' },
];

/** A typed number (min and max: FORM_LIMITS), or the one switch (frequency-scaled λ). */
type Field =
  | { key: TrainField; label: string; hint: (o: Objective) => string; step: string; implicitOnly?: boolean }
  | { key: 'frequencyScaled'; label: string; hint: (o: Objective) => string; implicitOnly: true };

const nu = rankerParams.ials.lambdaExponent;

/**
 * Each field's label, hint (for the chosen objective: λ's exponent is that objective's default) and step, in order.
 * The ranking-only fields (iALS's confidence, star offset, α0 and penalty) show for the ranking objective.
 */
const FIELDS: Field[] = [
  { key: 'rank', label: 'Rank', hint: () => 'latent factors per movie', step: '1' },
  { key: 'lambda', label: 'λ (regularization)', hint: (o) => `penalty λ·n^${defaultsFor(o).lambdaExponent} on a row with n ratings`, step: 'any' },
  { key: 'iterations', label: 'Iterations', hint: () => 'user + movie half-steps', step: '1' },
  { key: 'alpha', label: 'Confidence α', hint: () => 'weight per star above the offset: a rating weighs α0 + α·max(0, stars − offset)', step: 'any', implicitOnly: true },
  { key: 'starOffset', label: 'Star offset', hint: () => 'stars at or below count as a plain watch (0: every star counts)', step: 'any', implicitOnly: true },
  { key: 'unobserved', label: 'Unobserved weight α0', hint: () => 'Rendle’s α0: weight of the movies a person has not rated', step: 'any', implicitOnly: true },
  {
    key: 'frequencyScaled',
    label: 'Frequency-scaled λ',
    hint: () =>
      `a switch: penalty λ·(n + α0·N)^${nu} instead of λ·n^${nu} (N: all movies, or all people for a movie’s row). Its λ is of another scale: about ${frequencyScaledLambda} where the plain penalty takes ${rankerParams.ials.lambda}`,
    implicitOnly: true,
  },
  {
    key: 'holdoutPct',
    label: 'Validation holdout (%)',
    hint: () => 'ratings kept out of a first run to draw its validation curve; the model in use is then fitted on all ratings. 0: one fit, no validation',
    step: '1',
  },
];

export function TrainPanel({ status }: { status: AppStatus }) {
  const lab = useLab();
  const { form, formErrors, busy } = lab;
  const run = lab.train;
  const edit = (patch: Partial<TrainForm>) => setForm({ ...form, ...patch });
  const defaults = FORM_DEFAULTS[form.objective];
  const implicit = form.objective === 'implicit';
  // The chart shows the latest training started here (its validation run when it has one), else the stored explicit
  // model's validation run or own history.
  const stored = status.model ? { ...storedChart(status.model), total: status.model.params.iterations, objective: status.model.objective } : null;
  const shown = run ? { iterations: run.iterations, total: run.total, objective: run.objective, holdout: run.holdout, caption: runCaption(run) } : stored;
  const hasValidation = shown ? shown.holdout > 0 || shown.iterations.some((i) => i.validationRmse !== undefined) : false;
  const ratings = status.active?.ratings ?? 0;
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
          {FIELDS.filter((f) => implicit || !f.implicitOnly).map((f) =>
            f.key === 'frequencyScaled' ? (
              <div key={f.key} className="lab-field lab-switch">
                <label>
                  <input
                    id="lab-frequencyScaled"
                    type="checkbox"
                    role="switch"
                    checked={form.frequencyScaled}
                    onChange={(e) => edit({ frequencyScaled: e.target.checked })}
                    aria-describedby="lab-frequencyScaled-hint"
                    disabled={busy !== null}
                  />
                  {f.label}
                </label>
                <small id="lab-frequencyScaled-hint" className="muted">
                  {f.hint(form.objective)} (default {defaults.frequencyScaled ? 'on' : 'off'})
                </small>
              </div>
            ) : (
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
            ),
          )}
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
          {run.status === 'running' && (
            <progress max={run.total * (run.holdout > 0 ? 2 : 1)} value={run.iterations.length + run.final.length} aria-label="Training progress" />
          )}
          <p aria-live="polite" role={run.status === 'error' ? 'alert' : undefined} className={run.status === 'error' ? 'error' : undefined} data-testid="lab-train-status">
            {runStatus(run, ratings)}
          </p>
          {run.iterations.length > 0 && (
            <p className="muted" data-testid="lab-train-kernel">
              {kernelAndWorkers(run.final.at(-1) ?? run.iterations.at(-1)!)}
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
          caption={shown.caption}
        />
      ) : (
        run?.status === 'running' && <p className="muted">The chart starts after the first iteration.</p>
      )}
      <h3>Stored models</h3>
      <dl className="facts" data-testid="lab-models">
        <dt>Predicted rating</dt>
        <dd>{status.model ? describeModel(status.model) : 'none'}</dd>
        <dt>Best for you (ranking)</dt>
        <dd>
          {status.ranker
            ? `${describeModel(status.ranker)} + EASE over ${count(status.ranker.ranker!.easeItems, 'movie')}`
            : status.implicitModel
              ? `${describeModel(status.implicitModel)}, without its EASE part: train with the ranking objective`
              : 'none yet: it trains after the first import, or with the ranking objective'}
        </dd>
      </dl>
    </section>
  );
}
