// The datasets side by side: counts and sizes, how recent each is (and how to get a newer release than the bundled
// sample), switch, delete, storage used and available, persistent storage, import another.
import { withoutBidiControls } from '../bidi';
import { useCallback, useEffect, useState } from 'react';
import { serving } from '../../client/engineClient';
import type { DatasetInfo, StorageInfo } from '../../client/workerTypes';
import { DatasetsRow } from './DatasetsRow';
import { megabytes } from '../format';
import { bundledOf, sampleAgeText } from './freshness';
import { SparkImport } from './SparkImport';
import { FilePicker } from './FilePicker';

/** Asks once per page load for persistent storage (the browser may grant it quietly, prompt, or refuse). */
let persistAsked = false;

async function askPersist(): Promise<boolean | null> {
  if (persistAsked || !navigator.storage?.persist) return null;
  persistAsked = true;
  return navigator.storage.persist().catch(() => null);
}

export function DatasetsPanel(props: { onChanged: () => void; onEmpty: () => void; onImport: (files: File[]) => void }) {
  const [list, setList] = useState<DatasetInfo[] | null>(null);
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const [l, s] = await Promise.all([serving.api.listDatasetInfo(), serving.api.storageInfo()]);
    setList(l);
    setStorage(s);
    return s;
  }, []);

  useEffect(() => {
    void refresh().then(async (s) => {
      // After the first import: ask the browser not to evict the data under storage pressure.
      if (s.persisted === false && (await askPersist()) !== null) await refresh();
    });
  }, [refresh]);

  const act = async (what: () => Promise<void>, then: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await what();
      then();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
      void refresh();
    }
  };

  const sample = list ? bundledOf(list) : undefined;
  const sampleAge = sample ? sampleAgeText(sample) : null;
  return (
    <section className="panel datasets" aria-labelledby="datasets-h" data-testid="datasets">
      <h2 id="datasets-h">Your datasets</h2>
      {storage?.usage != null && storage.quota != null && (
        <p className="muted" data-testid="storage">
          Using {megabytes(storage.usage)} of {megabytes(storage.quota)} available to this site
          {storage.persisted === true ? '; kept even when the device runs short of space.' : '; the browser may clear it if the device runs short of space.'}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {withoutBidiControls(error)}
        </p>
      )}
      {list === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <ul className="movie-list">
          {list.map((d) => (
            <DatasetsRow
              key={d.id}
              d={d}
              busy={busy}
              onUse={() => void act(() => serving.api.switchDataset(d.id), props.onChanged)}
              onDelete={() => void act(() => serving.api.removeDataset(d.id), list.length > 1 ? props.onChanged : props.onEmpty)}
            />
          ))}
        </ul>
      )}
      {sampleAge && (
        <div className="fresher" data-testid="fresher-catalogue">
          <h3>A newer catalogue</h3>
          <p>{sampleAge}</p>
          <p>
            For newer films, download <code>ml-32m.zip</code> (32 million ratings, up to 2023) or the full <code>ml-latest.zip</code> from{' '}
            <a href="https://grouplens.org/datasets/movielens/" rel="noopener noreferrer" target="_blank">
              grouplens.org/datasets/movielens
            </a>{' '}
            on this device, then choose it under “Import another MovieLens release” below. It is read and kept only in this browser, and a release that size takes
            a few minutes to import.
          </p>
        </div>
      )}
      <p className="import-another">
        <span>Import another MovieLens release (zip or loose files):</span>
        <FilePicker
          text="Choose files"
          multiple
          accept=".zip,.csv,.dat,.data,.item,.genre"
          aria-label="Import another MovieLens release"
          disabled={busy}
          onFiles={props.onImport}
        />
      </p>
      <SparkImport onImported={props.onChanged} />
    </section>
  );
}
