// The question before a restore, asked in the page (not the browser's confirm) once the backup is checked: what it holds
// against what it replaces, and that Undo puts everything back.
import { useEffect, useRef } from 'react';
import type { BackupSummary } from '../../../client/workerTypes';
import { holdsText, keepsText, replacesText } from './restoreText';

export function RestoreDialog(props: { summary: BackupSummary; onRestore: () => void; onCancel: () => void }) {
  const { summary, onRestore, onCancel } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const keeps = keepsText(summary);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="restore-q"
      aria-describedby="restore-what"
      data-testid="restore-dialog"
      onCancel={(e) => {
        e.preventDefault(); // Esc: the same as Cancel, through React
        onCancel();
      }}
    >
      <h2 id="restore-q">
        Restore <bdi>{summary.file}</bdi>?
      </h2>
      <div id="restore-what">
        <p data-testid="restore-holds">The backup holds {holdsText(summary.holds)}.</p>
        <p data-testid="restore-replaces">
          Restoring it replaces {replacesText(summary)}.{keeps && ` ${keeps}`}
        </p>
        <p className="muted">Undo puts everything back as it is now, until you rate or hide another movie.</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onRestore} autoFocus>
          Restore
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
