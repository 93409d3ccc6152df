// "Your ratings": a sortable virtualized list to edit or remove (with undo), CSV/backup download, restore (checked, then
// asked, with Undo), IMDb/Letterboxd import (reviewed, with Undo).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { serving } from '../../client/engineClient';
import type { MovieCard } from '../../client/workerTypes';
import type { UndoTicket } from '../../client/workerTypes';
import { postTabMessage } from '../../sync/tabSync';
import { ImportReview } from './importReview/ImportReview';
import { MyRatingsList, SORTS, sortRatings, type SortId } from './MyRatingsList';
import type { RatingsState } from '../useRatings';
import { copySettings } from '../settings';
import { stableOrder } from './myRatings/stableOrder';
import { useExternalImport, type ImportOutcome } from './myRatings/useExternalImport';
import { useRestore, type RestoreOutcome } from './restore/useRestore';
import { RestoreDialog } from './restore/RestoreDialog';
import { RestoreProgressView } from './restore/RestoreProgressView';
import { restoredText } from './restore/restoreText';
import { withoutBidiControls } from '../bidi';
import { FilePicker } from './FilePicker';
import { download } from '../download';
import { ExportMenu } from './myRatings/ExportMenu';
import './MyRatings.css';
import { count } from '../format';

/** The line under the buttons: what just happened, and Undo when it can be undone. */
interface Notice {
  text: ReactNode;
  error: boolean;
  undo?: UndoTicket;
  /** Where a restore's time went (JSON), on the element for benchmarks. */
  timings?: string;
}

const name = (file: string) => <bdi>{file}</bdi>;

function restoreNotice(o: RestoreOutcome): Notice {
  switch (o.kind) {
    case 'restored':
      return { text: <>{restoredText(o.result)} from {name(o.result.file)}.</>, error: false, undo: o.result.undo, timings: JSON.stringify(o.seconds) };
    case 'refused':
      return { text: <>Nothing was changed: {withoutBidiControls(o.message)}</>, error: true };
    case 'cancelled':
      return { text: <>Restore of {name(o.file)} cancelled: nothing was changed.</>, error: false };
    case 'interrupted':
      return { text: <>The restore from {name(o.file)} was interrupted: the backup reader crashed before writing anything, so nothing was changed.</>, error: true };
    case 'finished-anyway':
      return {
        text: <>The restore from {name(o.file)} had already been written when it {o.why === 'cancel' ? 'was cancelled' : 'was interrupted'}: the backup’s ratings are in place.</>,
        error: o.why === 'crash',
        undo: o.undo,
      };
  }
}

function importNotice(o: ImportOutcome): Notice {
  switch (o.kind) {
    case 'saved': {
      const r = o.saved;
      const kept = r.keptMine > 0 ? ` Kept your own rating for ${count(r.keptMine, 'movie')}.` : '';
      return {
        text: (
          <>
            Saved {count(r.saved, 'rating')} from {name(o.preview.file)} ({o.preview.sourceName}).{kept}
          </>
        ),
        error: false,
        ...(r.undo ? { undo: r.undo } : {}),
      };
    }
    case 'refused':
      return { text: <>{o.saving ? 'Nothing was saved' : 'Nothing was imported'}: {withoutBidiControls(o.message)}</>, error: true };
    case 'cancelled':
      return { text: <>Import of {name(o.file)} cancelled: nothing was saved.</>, error: false };
  }
}

export function MyRatings({ mine, onOpen }: { mine: RatingsState; onOpen: (movieId: number) => void }) {
  const { ratings, removed, rate: onRate, undoRemove, reload: onRestored, edits } = mine;
  const [list, setList] = useState<MovieCard[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sort, setSort] = useState<SortId>('newest');
  const [undoing, setUndoing] = useState(false);

  useEffect(() => {
    void serving.api.ratedMovies().then(setList);
  }, [ratings]);

  // A rating made or removed here after an import or restore makes that change final (the store drops its Undo).
  const editsAtNotice = useRef(edits);
  useEffect(() => {
    if (edits !== editsAtNotice.current) setNotice((n) => (n?.undo ? { ...n, undo: undefined } : n));
  }, [edits]);
  const tell = useCallback(
    (n: Notice) => {
      editsAtNotice.current = edits;
      setNotice(n);
    },
    [edits],
  );

  const afterChange = useCallback(async () => {
    await onRestored();
    postTabMessage({ type: 'hidden' }); // a restore or its undo may change the hidden marks too
  }, [onRestored]);

  const restore = useRestore(
    useCallback(
      (o: RestoreOutcome) => {
        if (o.kind === 'restored' && o.result.settings) copySettings(o.result.settings);
        tell(restoreNotice(o));
        if (o.kind === 'restored' || o.kind === 'finished-anyway') void afterChange();
      },
      [tell, afterChange],
    ),
  );

  const imports = useExternalImport(
    useCallback(
      (o: ImportOutcome) => {
        tell(importNotice(o));
        if (o.kind === 'saved') void onRestored();
      },
      [tell, onRestored],
    ),
  );

  const undo = async (ticket: UndoTicket) => {
    setUndoing(true);
    try {
      const r = await serving.api.undo(ticket.id);
      if (r.settingsNow !== undefined) copySettings(r.settingsNow);
      const what = r.kind === 'restore' ? 'restore' : 'import';
      tell({ text: <>Undone: your ratings are as they were before the {what} of {name(r.file)} ({count(r.ratings, 'rating')}).</>, error: false });
      await afterChange();
    } catch (e) {
      tell({ text: withoutBidiControls((e as Error).message), error: true });
    } finally {
      setUndoing(false);
    }
  };

  // Rows keep their place while the person works here: an edit re-dates a rating but does not move its row.
  const shown = useRef<{ sort: SortId; ids: number[] } | null>(null);
  const sorted = useMemo(() => {
    const next = sortRatings(list, ratings, sort);
    const prev = shown.current?.sort === sort ? shown.current.ids : null;
    const out = stableOrder(prev, next, (m) => m.movieId);
    shown.current = { sort, ids: out.map((m) => m.movieId) };
    return out;
  }, [list, ratings, sort]);

  // The CSV exports are ExportMenu's; the backup stays here beside Restore.
  const downloadBackup = async () => {
    const out = await serving.api.exportRatings();
    download(`pocketlens-backup-${new Date().toISOString().slice(0, 10)}.json`, out.json, 'application/json');
  };

  const noticeLine = notice && (
    <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'error' : 'muted notice'} data-testid="my-ratings-notice" data-timings={notice.timings}>
      {notice.text}
      {notice.undo && (
        <>
          {' '}
          <button type="button" onClick={() => void undo(notice.undo!)} disabled={undoing}>
            Undo
          </button>
        </>
      )}
    </p>
  );

  if (imports.preview) {
    return (
      <section className="panel mine" id="my-ratings">
        <ImportReview preview={imports.preview} saving={imports.busy?.what === 'saving'} onSave={(entries) => void imports.save(entries)} onCancel={imports.dismiss} />
        {noticeLine}
      </section>
    );
  }

  const busy = restore.state.step !== 'idle' || imports.busy !== null;
  const gone = removed && list.every((m) => m.movieId !== removed.movieId) ? removed : null;
  return (
    <section className="panel mine" id="my-ratings" aria-labelledby="mine-h">
      <h2 id="mine-h">Your ratings ({ratings.size})</h2>
      <ExportMenu disabled={ratings.size === 0} />
      <div className="actions">
        <button type="button" onClick={() => void downloadBackup()} disabled={ratings.size === 0}>
          Download backup
        </button>
        <FilePicker
          text="Restore backup"
          accept=".json,application/json"
          aria-label="Restore backup"
          disabled={busy}
          onFile={(file) => {
            setNotice(null);
            void restore.pick(file);
          }}
        />
        <FilePicker
          text={imports.busy?.what === 'reading' ? 'Reading…' : 'Import IMDb or Letterboxd'}
          accept=".csv,text/csv"
          aria-label="Import ratings from IMDb or Letterboxd (their ratings.csv export)"
          disabled={busy}
          onFile={(file) => {
            setNotice(null);
            void imports.read(file);
          }}
        />
      </div>
      {(restore.state.step === 'checking' || restore.state.step === 'writing') && <RestoreProgressView state={restore.state} onCancel={restore.cancel} />}
      {imports.busy?.what === 'reading' && (
        <div className="restore-progress">
          <p role="status">
            Reading and matching <bdi>{imports.busy.file}</bdi>…
          </p>
          <button type="button" onClick={imports.stop}>
            Cancel
          </button>
        </div>
      )}
      {restore.state.step === 'confirm' && <RestoreDialog summary={restore.state.summary} onRestore={() => void restore.confirm()} onCancel={restore.cancel} />}
      {noticeLine}
      {gone && (
        <p role="status" className="undo">
          Rating removed.{' '}
          <button type="button" onClick={() => void undoRemove(gone)}>
            Undo
          </button>
        </p>
      )}
      {list.length === 0 ? (
        <p className="muted">Nothing yet. Your ratings stay in this browser; download a backup to keep them safe.</p>
      ) : (
        <>
          <div className="mine-tools">
            <label>
              Sort by
              <select value={sort} onChange={(e) => setSort(e.target.value as SortId)}>
                {SORTS.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <MyRatingsList list={sorted} ratings={ratings} onRate={onRate} onOpen={onOpen} />
        </>
      )}
    </section>
  );
}
