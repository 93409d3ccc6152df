// Tune: cross-validated search over rank × λ with live results sorted by RMSE, and "Train with the winner".
import { useState } from 'react';
import { labTuneDefaults, TUNE_LIMITS } from '../../../engine/defaults/tuningDefaults';
import { parseList, parseTuneForm, type TuneForm } from './labForm';
import { cancelLab, setTuneForm, startTuning, trainWith, useLab } from './labStore';
import './lab.css';

const FIELDS: { key: keyof TuneForm; label: string; hint: string }[] = [
  { key: 'ranks', label: 'Ranks', hint: 'comma-separated whole numbers' },
  { key: 'lambdas', label: 'λ values', hint: 'comma-separated' },
  { key: 'folds', label: 'Folds', hint: `${TUNE_LIMITS.folds[0]} to ${TUNE_LIMITS.folds[1]}` },
  { key: 'iterations', label: 'Iterations', hint: 'per training; fewer is faster' },
];

const { ranks: gridRanks, lambdas: gridLambdas, folds: gridFolds, iterations: gridIterations } = labTuneDefaults;

export function TunePanel() {
  const lab = useLab();
  const form = lab.tuneForm;
  const run = lab.tune;
  const [errors, setErrors] = useState<string[]>([]);
  const winner = run?.status === 'done' ? run.results[0] : undefined;
  const count = (parseList(form.ranks)?.length ?? 0) * (parseList(form.lambdas)?.length ?? 0);
  return (
    <section className="panel" aria-labelledby="lab-tune-h" data-testid="lab-tune">
      <h2 id="lab-tune-h">Tune rank and λ</h2>
      <p className="muted">
        Cross-validated search for explicit ratings: each rank × λ pair is trained on all folds but one and scored on the one left out, once per fold. The
        default grid ({gridRanks.length * gridLambdas.length} configurations, {gridFolds} folds, {gridIterations} iterations) takes about a minute on ml-latest-small.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseTuneForm(form);
          setErrors(parsed.errors ?? []);
          if (parsed.options) void startTuning(parsed.options);
        }}
        noValidate
      >
        <div className="lab-fields">
          {FIELDS.map((f) => (
            <div key={f.key} className="lab-field">
              <label htmlFor={`tune-${f.key}`}>{f.label}</label>
              <input
                id={`tune-${f.key}`}
                type="text"
                inputMode={f.key === 'lambdas' ? 'decimal' : 'numeric'}
                value={form[f.key]}
                onChange={(e) => setTuneForm({ ...form, [f.key]: e.target.value })}
                aria-describedby={`tune-${f.key}-hint`}
                disabled={lab.busy !== null}
              />
              <small id={`tune-${f.key}-hint`} className="muted">
                {f.hint}
              </small>
            </div>
          ))}
        </div>
        {errors.length > 0 && (
          <ul role="alert" className="error lab-errors">
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <div className="lab-actions">
          <button type="submit" disabled={lab.busy !== null}>
            Tune{count > 0 ? ` (${count} configurations)` : ''}
          </button>
          {lab.busy === 'tune' && (
            <button type="button" onClick={cancelLab}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {run?.status === 'running' && <progress max={run.total} value={run.done} aria-label="Tuning progress" />}
      {run && (
        <p aria-live="polite" role={run.status === 'error' ? 'alert' : undefined} className={run.status === 'error' ? 'error' : undefined} data-testid="lab-tune-status">
          {run.status === 'running'
            ? `${run.done} of ${run.total} configurations done (${run.options.folds} folds each)…`
            : run.status === 'done' && run.report && winner
              ? `Done in ${run.report.seconds.toFixed(1)} s. Best: rank ${winner.params.rank}, λ ${winner.params.lambda}, CV RMSE ${winner.rmse.toFixed(4)}.`
              : run.message}
        </p>
      )}
      {run && run.results.length > 0 && (
        <p className="lab-note">
          {run.options.folds}-fold cross-validated RMSE, {run.options.iterations} iterations per training.
        </p>
      )}
      {run && run.results.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="lab-tune-caption">
          <table className="lab-table" data-testid="tune-table">
            <caption id="lab-tune-caption">Configurations, best first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Rank</th>
                <th scope="col">λ</th>
                <th scope="col">CV RMSE</th>
                <th scope="col">MAE</th>
                <th scope="col">Fit per fold (s)</th>
              </tr>
            </thead>
            <tbody>
              {run.results.map((r, k) => (
                <tr key={`${r.params.rank}-${r.params.lambda}`} data-rank={r.params.rank} data-lambda={r.params.lambda}>
                  <th scope="row">{k + 1}</th>
                  <td>{r.params.rank}</td>
                  <td>{r.params.lambda}</td>
                  <td data-metric="rmse">{r.rmse.toFixed(4)}</td>
                  <td>{r.mae.toFixed(4)}</td>
                  <td>{r.fitSeconds.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {winner && (
        <div className="lab-actions">
          <button
            type="button"
            disabled={lab.busy !== null}
            onClick={() => {
              document.getElementById('lab-train-h')?.focus();
              void trainWith(winner);
            }}
          >
            Train with the winner (rank {winner.params.rank}, λ {winner.params.lambda})
          </button>
        </div>
      )}
    </section>
  );
}
