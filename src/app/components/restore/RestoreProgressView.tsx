// A restore under way: what it does now, how far, and Cancel (nothing is changed until the one write at the end).
import type { RestoreStep } from './useRestore';
import { progressFraction, progressText } from './restoreText';
import { count } from '../../format';

export function RestoreProgressView({ state, onCancel }: { state: Exclude<RestoreStep, { step: 'idle' } | { step: 'confirm' }>; onCancel: () => void }) {
  const file = state.step === 'checking' ? state.file : state.summary.file;
  const fraction = progressFraction(state.progress);
  const what = state.step === 'writing' ? `Restoring ${count(state.summary.holds.ratings, 'rating')}` : 'Checking the backup';
  return (
    <div className="restore-progress" data-testid="restore-progress">
      <p role="status">
        {what} <bdi>{file}</bdi>: {progressText(state.progress)}…
      </p>
      <progress max={1} value={fraction} aria-label={`Restore of ${file}`} />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
