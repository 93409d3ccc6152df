// Review of an IMDb/Letterboxd import before anything is saved: matches, choices for ambiguous rows, conflicts, misses.
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { planImport, type ImportEntry } from '../../engine/externalRatingsPlan';
import type { ImportCandidate, ImportPreview, ImportRowView } from '../../client/workerTypes';
import './ImportReview.css';

const label = (m: { title: string; year: number | null }) => (m.year !== null ? `${m.title} (${m.year})` : m.title);
const starsText = (n: number) => `${n} ${n === 1 ? 'star' : 'stars'}`;

/** Stars drawn read-only, with the number for screen readers. */
function ReadStars({ value }: { value: number }) {
  return (
    <span className="read-stars" role="img" aria-label={starsText(value)} title={starsText(value)}>
      ☆☆☆☆☆
      <span className="on" style={{ width: `${(value / 5) * 100}%` }} aria-hidden="true">
        ★★★★★
      </span>
    </span>
  );
}

/** How the file wrote the rating, when it is not already in stars. */
function FileRating({ row, source }: { row: ImportRowView; source: ImportPreview['source'] }) {
  return source === 'imdb' ? <span className="from"> ({row.fileRating}/10 on IMDb)</span> : null;
}

/** "as “Se7en” in the file", when the file names the movie differently from the dataset. */
function AsInFile({ row, movie }: { row: ImportRowView; movie: ImportCandidate }) {
  if (row.title === movie.title && row.year === movie.year) return null;
  return <div className="from">“{label(row)}” in the file, line {row.line}</div>;
}

/** The directly matched rows in their own scroll box, virtualized: an export can hold thousands. */
function MatchedList({ rows, source }: { rows: ImportPreview['matched']; source: ImportPreview['source'] }) {
  const box = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => box.current, estimateSize: () => 44, overscan: 8, getItemKey: (i) => rows[i].row.line });
  return (
    <div ref={box} className="matched-list" tabIndex={0} role="region" aria-label="Matched ratings">
      <ul className="import-rows" data-testid="import-matched" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const m = rows[v.index];
          return (
            <li key={v.key} ref={virtualizer.measureElement} data-index={v.index} data-movie-id={m.movie.movieId} aria-setsize={rows.length} aria-posinset={v.index + 1} style={{ transform: `translateY(${v.start}px)` }}>
              <div className="row-head">
                <strong>{label(m.movie)}</strong>
                <span>
                  <ReadStars value={m.row.rating} /> {m.row.rating}
                  <FileRating row={m.row} source={source} />
                </span>
              </div>
              <AsInFile row={m.row} movie={m.movie} />
              {m.note && <div className="note">{m.note}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface Resolved {
  row: ImportRowView;
  movie: ImportCandidate;
  note: string | null;
}

export function ImportReview(props: { preview: ImportPreview; saving: boolean; onSave: (entries: ImportEntry[]) => void; onCancel: () => void }) {
  const { preview, saving, onSave, onCancel } = props;
  /** Ambiguous rows: line → chosen movieId (absent = skip). */
  const [chosen, setChosen] = useState<Map<number, number>>(new Map());
  /** Conflicting rows where the person takes the imported rating (absent = keep mine). */
  const [take, setTake] = useState<Set<number>>(new Set());

  const resolved: Resolved[] = useMemo(() => {
    const out: Resolved[] = preview.matched.map((m) => ({ row: m.row, movie: m.movie, note: m.note }));
    for (const a of preview.ambiguous) {
      const id = chosen.get(a.row.line);
      const movie = a.candidates.find((c) => c.movieId === id);
      if (movie) out.push({ row: a.row, movie, note: null });
    }
    return out;
  }, [preview, chosen]);

  const conflicts = resolved.filter((r) => r.movie.myRating !== null && r.movie.myRating !== r.row.rating);
  const same = resolved.filter((r) => r.movie.myRating === r.row.rating);
  const fresh = preview.matched.filter((m) => m.movie.myRating === null);

  const entries: ImportEntry[] = resolved.map((r) => ({ line: r.row.line, movieId: r.movie.movieId, rating: r.row.rating, ratedAt: r.row.ratedAt, takeImported: take.has(r.row.line) }));
  const existing = new Map(resolved.filter((r) => r.movie.myRating !== null).map((r) => [r.movie.movieId, r.movie.myRating!]));
  const plan = planImport(entries, existing, 0);
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
    <section className="import-review" aria-labelledby="import-h" data-testid="import-review">
      <h2 id="import-h">
        Review {preview.file} ({preview.sourceName})
      </h2>
      <p className="summary">
        {preview.rows} {preview.rows === 1 ? 'row' : 'rows'}: {preview.matched.length} matched, {preview.ambiguous.length} to choose, {conflicts.length} already rated differently,{' '}
        {preview.unmatched.length} not matched. Nothing is saved until you press Save.
      </p>

      {preview.ambiguous.length > 0 && (
        <>
          <h3>Which movie? ({preview.ambiguous.length})</h3>
          <ul className="import-rows" data-testid="import-ambiguous">
            {preview.ambiguous.map((a) => {
              const name = `pick-${a.row.line}`;
              const current = chosen.get(a.row.line) ?? null;
              return (
                <li key={a.row.line}>
                  <div className="row-head">
                    <span>
                      <strong>“{label(a.row)}”</strong> <span className="from">line {a.row.line}</span>
                    </span>
                    <span>
                      <ReadStars value={a.row.rating} />
                      <FileRating row={a.row} source={preview.source} />
                    </span>
                  </div>
                  <div className="note">{a.why}</div>
                  <fieldset>
                    <legend>Which is “{label(a.row)}”?</legend>
                    {a.candidates.map((c) => (
                      <div key={c.movieId} className="candidate">
                        <label>
                          <input type="radio" name={name} checked={current === c.movieId} onChange={() => choose(a.row.line, c.movieId)} />
                          <span>
                            {label(c)} <span className="from">· {c.count.toLocaleString('en')} MovieLens {c.count === 1 ? 'rating' : 'ratings'}</span>
                            {c.genres.length > 0 && <span className="from"> · {c.genres.join(', ')}</span>}
                            {c.myRating !== null && <span className="from"> · you rated it {starsText(c.myRating)}</span>}
                          </span>
                        </label>
                        {c.imdbUrl && (
                          <a className="from" href={c.imdbUrl} target="_blank" rel="noreferrer">
                            IMDb<span className="visually-hidden"> page of {label(c)} ({c.count} ratings)</span>
                          </a>
                        )}
                      </div>
                    ))}
                    <label>
                      <input type="radio" name={name} checked={current === null} onChange={() => choose(a.row.line, null)} />
                      <span>None of these: skip it</span>
                    </label>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </>
      )}

      {conflicts.length > 0 && (
        <>
          <h3>Already rated differently ({conflicts.length})</h3>
          <ul className="import-rows" data-testid="import-conflicts">
            {conflicts.map((r) => {
              const name = `conflict-${r.row.line}`;
              const taken = take.has(r.row.line);
              return (
                <li key={r.row.line}>
                  <div className="row-head">
                    <strong>{label(r.movie)}</strong>
                  </div>
                  <AsInFile row={r.row} movie={r.movie} />
                  <fieldset className="inline">
                    <legend className="visually-hidden">Which rating to keep for {label(r.movie)}?</legend>
                    <label>
                      <input type="radio" name={name} checked={!taken} onChange={() => setTaken(r.row.line, false)} />
                      <span>
                        Keep mine: <ReadStars value={r.movie.myRating!} /> {r.movie.myRating}
                      </span>
                    </label>
                    <label>
                      <input type="radio" name={name} checked={taken} onChange={() => setTaken(r.row.line, true)} />
                      <span>
                        Take imported: <ReadStars value={r.row.rating} /> {r.row.rating}
                        <FileRating row={r.row} source={preview.source} />
                      </span>
                    </label>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <h3>Ready to save ({fresh.length})</h3>
      {fresh.length === 0 ? (
        <p className="muted">No new movies matched directly.</p>
      ) : (
        <MatchedList rows={fresh} source={preview.source} />
      )}
      {same.length > 0 && (
        <p className="muted">
          {same.length} {same.length === 1 ? 'movie is' : 'movies are'} already rated the same: nothing to change.
        </p>
      )}

      {preview.unmatched.length > 0 && (
        <>
          <h3>Not matched ({preview.unmatched.length})</h3>
          <ul className="import-rows" data-testid="import-unmatched">
            {preview.unmatched.map((u) => (
              <li key={u.row.line}>
                <strong>“{label(u.row)}”</strong> <span className="from">line {u.row.line}</span>
                <div className="note">{u.reason}</div>
              </li>
            ))}
          </ul>
        </>
      )}

      <div className="import-bar">
        <button type="button" className="primary" disabled={n === 0 || saving} onClick={() => onSave(entries)}>
          {saving ? 'Saving…' : `Save ${n} ${n === 1 ? 'rating' : 'ratings'}`}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        {plan.keptMine > 0 && (
          <span className="muted">
            Keeping your own rating for {plan.keptMine} {plan.keptMine === 1 ? 'movie' : 'movies'}.
          </span>
        )}
      </div>
    </section>
  );
}
