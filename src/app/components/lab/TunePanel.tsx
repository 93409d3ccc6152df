// Tune: cross-validated search over rank × λ with live results sorted by RMSE (mean ± sd over the folds), ties called
// ties, and "Train with the winner" (or the simplest of the tied).
import { useState } from 'react';
import { labTuneDefaults, TUNE_LIMITS } from '../../../engine/defaults/tuningDefaults';
import { parseList, parseTuneForm, type TuneForm } from './labForm';
import { cancelLab, setTuneForm, startTuning, trainWith, useLab } from './labStore';
import { tuneRows, verdict, verdictText } from './tuneVerdict';
import './lab.css';
import { count } from '../../format';

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
  const done = run?.status === 'done' ? verdict(run.results) : null;
  const rows = run ? tuneRows(run.results) : [];
  const configs = (parseList(form.ranks)?.length ?? 0) * (parseList(form.lambdas)?.length ?? 0);
  return (
    <section className="panel" aria-labelledby="lab-tune-h" data-testid="lab-tune">
      <h2 id="lab-tune-h">Tune rank and λ</h2>
      <p className="muted">
        Cross-validated search for explicit ratings: each rank × λ pair is trained on all folds but one and scored on the one left out, once per fold. The
        default grid ({count(gridRanks.length * gridLambdas.length, 'configuration')}, {count(gridFolds, 'fold')}, {count(gridIterations, 'iteration')}) takes about a minute on ml-latest-small.
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
            Tune{configs > 0 ? ` (${count(configs, 'configuration')})` : ''}
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
            ? `${run.done} of ${count(run.total, 'configuration')} done (${count(run.options.folds, 'fold')} each)…`
            : run.status === 'done' && run.report && done
              ? verdictText(done, run.results, run.report.seconds)
              : run.message}
        </p>
      )}
      {run && run.results.length > 0 && (
        <p className="lab-note">
          {run.options.folds}-fold cross-validated RMSE, {run.options.iterations} iterations per training: the mean over the folds ± its standard
          deviation. “vs best” is the difference from the best mean; a configuration within one standard error of it (the best’s sd / √
          {run.options.folds}) is a tie: the folds do not tell them apart.
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
                <th scope="col">CV RMSE (mean ± sd)</th>
                <th scope="col">vs best</th>
                <th scope="col">MAE</th>
                <th scope="col">Fit per fold (s)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ result: r, spread }, k) => (
                <tr
                  key={`${r.params.rank}-${r.params.lambda}`}
                  data-rank={r.params.rank}
                  data-lambda={r.params.lambda}
                  data-folds={r.foldRmse.join(' ')}
                  data-tie={done && spread.tie ? '' : undefined}
                >
                  <th scope="row">{k + 1}</th>
                  <td>{r.params.rank}</td>
                  <td>{r.params.lambda}</td>
                  <td>
                    <span data-metric="rmse">{r.rmse.toFixed(4)}</span> <span data-metric="sd">± {spread.sd.toFixed(4)}</span>
                  </td>
                  <td data-metric="diff">{k === 0 ? 'best' : `+${spread.diff.toFixed(4)}`}{done && spread.tie && done.kind === 'tie' ? ' (tie)' : ''}</td>
                  <td>{r.mae.toFixed(4)}</td>
                  <td>{r.fitSeconds.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {done && (
        <div className="lab-actions">
          <button
            type="button"
            disabled={lab.busy !== null}
            onClick={() => {
              document.getElementById('lab-train-h')?.focus();
              void trainWith(done.pick);
            }}
          >
            {done.kind === 'winner' ? 'Train with the winner' : 'Train the simplest of the tied'} (rank {done.pick.params.rank}, λ {done.pick.params.lambda})
          </button>
        </div>
      )}
    </section>
  );
}
