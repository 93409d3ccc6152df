// Review of an IMDb/Letterboxd import before anything is saved: matches, choices for ambiguous rows, conflicts, misses.
// This file holds the person's choices and the layout; reviewPlan.ts works out what Save would write.
import { useMemo, useState } from 'react';
import type { ImportEntry } from '../../../engine/externalRatingsPlan';
import type { ImportPreview } from '../../../client/workerTypes';
import { reviewPlan } from './reviewPlan';
import { Label } from './ReviewParts';
import { MatchedList } from './MatchedList';
import { VirtualRows } from './VirtualRows';
import { withoutBidiControls } from '../../bidi';
import { AmbiguousRows } from './AmbiguousRows';
import { ConflictRows } from './ConflictRows';
import './ImportReview.css';
import { count, plural, thousands } from '../../format';

export function ImportReview(props: { preview: ImportPreview; saving: boolean; onSave: (entries: ImportEntry[]) => void; onCancel: () => void }) {
  const { preview, saving, onSave, onCancel } = props;
  /** Ambiguous rows: line → chosen movieId (absent = skip). */
  const [chosen, setChosen] = useState<Map<number, number>>(new Map());
  /** Conflicting rows where the person takes the imported rating (absent = keep mine). */
  const [take, setTake] = useState<Set<number>>(new Set());
  const { conflicts, same, fresh, entries, plan } = useMemo(() => reviewPlan(preview, chosen, take), [preview, chosen, take]);
  const n = plan.save.length;

  const choose = (line: number, movieId: number | null) =>
    setChosen((prev) => {
      const next = new Map(prev);
      if (movieId === null) next.delete(line);
      else next.set(line, movieId);
      return next;
    });
  const setTaken = (line: number, yes: boolean) =>
    setTake((prev) => {
      const next = new Set(prev);
      if (yes) next.add(line);
      else next.delete(line);
      return next;
    });

  return (
    <section className="import-review" aria-labelledby="import-h" data-testid="import-review" data-timings={JSON.stringify(preview.seconds)}>
      <h2 id="import-h">
        Review <bdi>{preview.file}</bdi> ({preview.sourceName})
      </h2>
      <p className="summary" data-testid="import-summary">
        {count(preview.rows, 'row')}: {thousands(preview.matched.length)} matched, {thousands(preview.ambiguous.length)} to choose, {thousands(conflicts.length)} already rated
        differently, {thousands(preview.unmatched.length)} not matched. Nothing is saved until you press Save.
      </p>

      {preview.ambiguous.length > 0 && <AmbiguousRows preview={preview} chosen={chosen} onChoose={choose} />}

      {conflicts.length > 0 && <ConflictRows conflicts={conflicts} source={preview.source} take={take} onTake={setTaken} />}

      <h3>Ready to save ({thousands(fresh.length)})</h3>
      {fresh.length === 0 ? (
        <p className="muted">No new movies matched directly.</p>
      ) : (
        <MatchedList rows={fresh} source={preview.source} />
      )}
      {same.length > 0 && (
        <p className="muted">
          {count(same.length, 'movie')} {plural(same.length, 'is', 'are')} already rated the same: nothing to change.
        </p>
      )}

      {preview.unmatched.length > 0 && (
        <>
          <h3>Not matched ({thousands(preview.unmatched.length)})</h3>
          <VirtualRows
            rows={preview.unmatched}
            keyOf={(u) => u.row.line}
            estimate={48}
            label="Rows not matched"
            testId="import-unmatched"
            render={(u) => (
              <>
                <strong>
                  “<Label m={u.row} />”
                </strong>{' '}
                <span className="from">line {u.row.line}</span>
                <div className="note">{withoutBidiControls(u.reason)}</div>
              </>
            )}
          />
        </>
      )}

      <div className="import-bar">
        <button type="button" className="primary" disabled={n === 0 || saving} onClick={() => onSave(entries)}>
          {saving ? 'Saving…' : `Save ${count(n, 'rating')}`}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        {plan.keptMine > 0 && (
          <span className="muted">
            Keeping your own rating for {count(plan.keptMine, 'movie')}.
          </span>
        )}
      </div>
    </section>
  );
}
