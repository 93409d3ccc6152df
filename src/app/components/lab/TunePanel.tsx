// Tune: cross-validated search over rank × λ with live results sorted by RMSE (mean ± sd over the folds), or for the
// ranking model over rank × λ × confidence × α0 × star offset × frequency-scaled λ sorted by NDCG@10; ties called ties,
// and "Train with the winner" (or the simplest of the tied).
import { useState } from 'react';
import { LabTable } from './LabTable';
import { frequencyScaledLambda, labImplicitTuneDefaults, labTuneDefaults, TUNE_LIMITS } from '../../../engine/defaults/tuningDefaults';
import { IMPLICIT_TUNE_DEFAULTS, parseTuneForm, tuneConfigs, withTuneObjective, type FrequencyChoice, type Objective, type TuneForm } from './labForm';
import { cancelLab, setTuneForm, startTuning, trainWith, useLab } from './labStore';
import { offsetAndPenalty, tuneRows, verdict, verdictText } from './tuneVerdict';
import './lab.css';
import { count } from '../../format';
import { rankerParams } from '../../../engine/defaults/rankerDefaults';
import { STORED_UNOBSERVED_WEIGHT } from '../../../engine/defaults/implicitDefaults';

type TuneField = Exclude<keyof TuneForm, 'objective'>;

/** The form's fields in order: typed lists and numbers, and the one choice (frequency), a select. */
const FIELDS: { key: TuneField; label: string; hint: string; implicitOnly?: boolean }[] = [
  { key: 'ranks', label: 'Ranks', hint: 'comma-separated whole numbers' },
  { key: 'lambdas', label: 'λ values', hint: 'comma-separated' },
  { key: 'alphas', label: 'Confidence alphas', hint: 'weight per star above the offset (Rendle et al.)', implicitOnly: true },
  { key: 'unobserved', label: 'Unobserved weights (α0)', hint: 'weight of the films not rated', implicitOnly: true },
  { key: 'starOffsets', label: 'Star offsets', hint: 'stars at or below count as weak watches (0: none)', implicitOnly: true },
  {
    key: 'frequency',
    label: 'Frequency-scaled λ',
    hint: `N: all films (all people, for a film’s row). Its λ is of another scale: on ml-latest-small λ ${frequencyScaledLambda} fits it where the plain penalty takes ${rankerParams.ials.lambda}, so give it small λ values`,
    implicitOnly: true,
  },
  { key: 'folds', label: 'Folds', hint: `${TUNE_LIMITS.folds[0]} to ${TUNE_LIMITS.folds[1]}` },
  { key: 'iterations', label: 'Iterations', hint: 'per training; fewer is faster' },
];

const OBJECTIVES: { id: Objective; label: string }[] = [
  { id: 'explicit', label: 'Star model (RMSE)' },
  { id: 'implicit', label: 'Ranking model (NDCG@10)' },
];

const FREQUENCY: { id: FrequencyChoice; label: string }[] = [
  { id: 'off', label: 'Off: λ·n^ν' },
  { id: 'on', label: 'On: λ·(n + α0·N)^ν' },
  { id: 'both', label: 'Both (twice the configurations)' },
];

const f4 = (x: number) => x.toFixed(4);
const nu = rankerParams.ials.lambdaExponent;

const { ranks: gridRanks, lambdas: gridLambdas, folds: gridFolds, iterations: gridIterations } = labTuneDefaults;

export function TunePanel() {
  const lab = useLab();
  const form = lab.tuneForm;
  const run = lab.tune;
  const [errors, setErrors] = useState<string[]>([]);
  const done = run?.status === 'done' ? verdict(run.results) : null;
  const rows = run ? tuneRows(run.results) : [];
  const configs = tuneConfigs(form);
  const implicit = form.objective === 'implicit';
  // The table follows the search that ran (its objective), not the form's current choice.
  const ranked = run?.options.objective === 'implicit';
  // The frequency column appears when the search tried the scaled penalty (off everywhere otherwise, said in the note).
  const frequencySearched = ranked && (run?.options.frequencyScaled?.includes(true) ?? false);
  return (
    <section className="panel" aria-labelledby="lab-tune-h" data-testid="lab-tune">
      <h2 id="lab-tune-h">Tune rank and λ</h2>
      <p className="muted">
        {implicit
          ? `The ranking model (“Best for you”): its iALS over rank × λ × confidence × α0 × star offset × penalty, each trained on ${labImplicitTuneDefaults.folds} per-user holdouts (20% of each person’s ratings left out) and scored by NDCG@10 on them; its λ exponent ν stays as shipped (${nu}). The default grid (${count(tuneConfigs(IMPLICIT_TUNE_DEFAULTS), 'configuration')}) takes about a minute and a half on ml-latest-small.`
          : `Cross-validated search for explicit ratings: each rank × λ pair is trained on all folds but one and scored on the one left out, once per fold. The default grid (${count(gridRanks.length * gridLambdas.length, 'configuration')}, ${count(gridFolds, 'fold')}, ${count(gridIterations, 'iteration')}) takes about a minute on ml-latest-small.`}
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
        <fieldset className="lab-objective one-line">
          <legend>Search for</legend>
          {OBJECTIVES.map((o) => (
            <label key={o.id}>
              <input type="radio" name="tune-objective" value={o.id} checked={form.objective === o.id} onChange={() => setTuneForm(withTuneObjective(form, o.id))} disabled={lab.busy !== null} />
              <span>{o.label}</span>
            </label>
          ))}
        </fieldset>
        <div className="lab-fields">
          {FIELDS.filter((f) => implicit || !f.implicitOnly).map((f) => (
            <div key={f.key} className="lab-field">
              <label htmlFor={`tune-${f.key}`}>{f.label}</label>
              {f.key === 'frequency' ? (
                <select
                  id="tune-frequency"
                  value={form.frequency}
                  onChange={(e) => setTuneForm({ ...form, frequency: e.target.value as FrequencyChoice })}
                  aria-describedby="tune-frequency-hint"
                  disabled={lab.busy !== null}
                >
                  {FREQUENCY.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`tune-${f.key}`}
                  type="text"
                  inputMode={f.key === 'ranks' || f.key === 'folds' || f.key === 'iterations' ? 'numeric' : 'decimal'}
                  value={form[f.key]}
                  onChange={(e) => setTuneForm({ ...form, [f.key]: e.target.value })}
                  aria-describedby={`tune-${f.key}-hint`}
                  disabled={lab.busy !== null}
                />
              )}
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
      {run && run.results.length > 0 && ranked && (
        <p className="lab-note">
          NDCG@10 over {run.options.folds} per-user holdouts, {run.options.iterations} iterations per training: the mean ± its standard deviation. “vs best” is the
          difference from the best mean; a configuration whose per-holdout differences from the best are within two standard errors of 0 is a tie. The star
          offset: ratings at or below it count as weak watches (confidence 1 + α·max(0, stars − offset)).
          {frequencySearched ? '' : ` The penalty is λ·n^${nu} throughout (frequency scaling off).`}
        </p>
      )}
      {run && run.results.length > 0 && !ranked && (
        <p className="lab-note">
          {run.options.folds}-fold cross-validated RMSE, {run.options.iterations} iterations per training: the mean over the folds ± its standard
          deviation. “vs best” is the difference from the best mean; a configuration within one standard error of it (the best’s sd / √
          {run.options.folds}) is a tie: the folds do not tell them apart.
        </p>
      )}
      {run && run.results.length > 0 && ranked && (
        <LabTable
          id="lab-tune"
          caption="Configurations, best first"
          testId="tune-table"
          columns={['#', 'Rank', 'λ', 'α', 'α0', 'Star offset', ...(frequencySearched ? ['Frequency-scaled λ'] : []), 'NDCG@10 (mean ± sd)', 'vs best', 'Recall@20', 'Fit per holdout (s)']}
        >
          {rows.map(({ result: r, spread }, k) => (
            <tr
              key={`${r.params.rank}-${r.params.lambda}-${r.params.implicitAlpha}-${r.params.unobservedWeight}-${r.params.starOffset}-${r.params.frequencyScaled}`}
              data-rank={r.params.rank}
              data-lambda={r.params.lambda}
              data-star-offset={r.params.starOffset}
              data-frequency={r.params.frequencyScaled ? 'on' : 'off'}
              data-tie={done && spread.tie ? '' : undefined}
            >
              <th scope="row">{k + 1}</th>
              <td>{r.params.rank}</td>
              <td>{r.params.lambda}</td>
              <td>{r.params.implicitAlpha}</td>
              <td>{r.params.unobservedWeight ?? STORED_UNOBSERVED_WEIGHT}</td>
              <td>{r.params.starOffset}</td>
              {frequencySearched && <td>{r.params.frequencyScaled ? 'on' : 'off'}</td>}
              <td>
                <span data-metric="ndcg@10">{f4(r['ndcg@10']!)}</span> <span data-metric="sd">± {f4(spread.sd)}</span>
              </td>
              <td data-metric="diff">{k === 0 ? 'best' : `−${f4(spread.diff)}`}{done && spread.tie && done.kind === 'tie' ? ' (tie)' : ''}</td>
              <td>{f4(r['recall@20']!)}</td>
              <td>{r.fitSeconds.toFixed(2)}</td>
            </tr>
          ))}
        </LabTable>
      )}
      {run && run.results.length > 0 && !ranked && (
        <LabTable id="lab-tune" caption="Configurations, best first" testId="tune-table" columns={['#', 'Rank', 'λ', 'CV RMSE (mean ± sd)', 'vs best', 'MAE', 'Fit per fold (s)']}>
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
        </LabTable>
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
            {done.kind === 'winner' ? 'Train with the winner' : 'Train the simplest of the tied'} (rank {done.pick.params.rank}, λ {done.pick.params.lambda}
            {done.pick.params.objective === 'implicit' ? `, α ${done.pick.params.implicitAlpha}, α0 ${done.pick.params.unobservedWeight ?? STORED_UNOBSERVED_WEIGHT}${offsetAndPenalty(done.pick)}` : ''})
          </button>
        </div>
      )}
    </section>
  );
}
