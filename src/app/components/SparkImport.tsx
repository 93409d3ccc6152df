// Data screen: import a model trained with Spark MLlib ALS (its itemFactors JSON parts) plus the dataset's movies.csv.
import { withoutBidiControls } from '../bidi';
import { useId, useRef, useState } from 'react';
import { CancelledError, jobs, proxy, serving } from '../../client/engineClient';
import type { ImportProgress, SparkImportResult } from '../../client/workerTypes';
import { sparkDefaults } from '../../engine/defaults/sparkDefaults';
import { count, plural } from '../format';
import { FilePicker } from './FilePicker';
import './SparkImport.css';

/** A short description of the picked files: part files counted, the rest by name. */
function describe(files: File[]): string {
  const parts = files.filter((f) => f.name.startsWith('part-') && !f.name.endsWith('.crc')).length;
  const others = files.filter((f) => !f.name.startsWith('part-') && !f.name.startsWith('.') && f.name !== '_SUCCESS').map((f) => f.name);
  return [parts ? count(parts, 'part file') : '', ...others].filter(Boolean).join(', ');
}

/** The last import's result: the app reloads its screens after an import, so the new panel shows it once. */
let lastResult: SparkImportResult | null = null;

export function SparkImport(props: { onImported: () => void }) {
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [reg, setReg] = useState(String(sparkDefaults.regParam));
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SparkImportResult | null>(() => {
    const r = lastResult;
    lastResult = null;
    return r;
  });
  const abort = useRef<AbortController | null>(null);

  const add = (picked: File[]) => {
    setFiles((old) => [...old.filter((f) => !picked.some((p) => p.name === f.name)), ...picked]);
    setError(null);
    setDone(null);
  };

  const regParam = Number(reg);
  const regOk = Number.isFinite(regParam) && regParam > 0;

  const start = async () => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setRunning(true);
    setError(null);
    setDone(null);
    setProgress(null);
    try {
      const res = await jobs.run((api) => api.importSpark(files, { regParam }, proxy(setProgress)), ctrl.signal);
      await serving.api.reload();
      setDone(res);
      setFiles([]);
      lastResult = res;
      props.onImported();
    } catch (e) {
      setError(e instanceof CancelledError ? 'Import cancelled; nothing was stored.' : (e as Error).message);
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  return (
    <section className="panel spark-import" aria-labelledby={`${id}-h`} data-testid="spark-import">
      <h2 id={`${id}-h`}>Import a Spark ALS model</h2>
      <p className="muted">
        Trained with Spark MLlib? Pick the item factors it wrote with <code>model.itemFactors.write.json(path)</code> (the folder, its
        part files, or a zip of it) and the same dataset&rsquo;s <code>movies.csv</code>; add <code>ratings.csv</code> for rating counts (or pick the
        dataset&rsquo;s GroupLens zip for both).
        The model is stored as a new dataset; your ratings are folded in against its factors.
      </p>
      <div className="spark-pickers">
        <FilePicker text="Pick files or a zip" multiple aria-label="Spark item factors and movies.csv files" disabled={running} onFiles={add} />
        <FilePicker text="Pick the Spark output folder" multiple aria-label="Spark item factors folder" disabled={running} {...{ webkitdirectory: '' }} onFiles={add} />
        <label htmlFor={`${id}-reg`}>
          regParam{' '}
          <input id={`${id}-reg`} className="spark-reg" type="number" min="0" step="0.01" value={reg} disabled={running} onChange={(e) => setReg(e.target.value)} aria-describedby={`${id}-reg-help`} />
        </label>
      </div>
      <p id={`${id}-reg-help`} className="muted small">
        regParam: the value the Spark model was trained with; your own vector is solved with it (Spark&rsquo;s λ·n).
      </p>
      {files.length > 0 && (
        <p data-testid="spark-picked">
          Picked: {describe(files)}{' '}
          <button type="button" className="link-button" onClick={() => setFiles([])} disabled={running}>
            Clear
          </button>
        </p>
      )}
      <div className="spark-actions">
        <button type="button" onClick={() => void start()} disabled={running || files.length === 0 || !regOk}>
          Import Spark model
        </button>
        {running && (
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        )}
      </div>
      {running && (
        <div className="progress">
          <progress max={100} value={Math.round((progress?.fraction ?? 0) * 100)} aria-label="Spark import progress" />
          <p aria-live="polite" data-testid="spark-status">
            {progress
              ? progress.phase === 'unzip' || progress.phase === 'download'
                ? `Opening ${describe(files)}…`
                : `${progress.phase === 'parse' ? 'Reading the factors' : 'Saving to this device'}: ${Math.round(progress.fraction * 100)}%`
              : 'Starting…'}
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="error" data-testid="spark-error">
          {withoutBidiControls(error)}
        </p>
      )}
      {done && (
        <p role="status" data-testid="spark-done">
          Imported {done.dataset.name}: {count(done.factorRows, 'factor row')} at rank {done.rank} from {count(done.partFiles, 'part file')} in{' '}
          {done.seconds.toFixed(1)} s
          {done.droppedWithoutMovie > 0 ? `; ${count(done.droppedWithoutMovie, 'row')} had no movie in movies.csv and ${plural(done.droppedWithoutMovie, 'was', 'were')} left out` : ''}
          {done.moviesWithoutFactors > 0 ? `; ${count(done.moviesWithoutFactors, 'movie')} ${plural(done.moviesWithoutFactors, 'has', 'have')} no factors` : ''}.
        </p>
      )}
    </section>
  );
}
