// "Which movie?": each file row that matches several movies, with the candidates to pick from or skip.
import type { ImportPreview } from '../../../client/workerTypes';
import { FileRating, ReadStars, label, starsText } from './ReviewParts';
import { count } from '../../format';

export function AmbiguousRows(props: {
  preview: ImportPreview;
  /** Line → the chosen movieId (absent: skipped). */
  chosen: ReadonlyMap<number, number>;
  onChoose: (line: number, movieId: number | null) => void;
}) {
  const { preview, chosen, onChoose } = props;
  return (
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
                      <input type="radio" name={name} checked={current === c.movieId} onChange={() => onChoose(a.row.line, c.movieId)} />
                      <span>
                        {label(c)} <span className="from">· {count(c.count, 'MovieLens rating')}</span>
                        {c.genres.length > 0 && <span className="from"> · {c.genres.join(', ')}</span>}
                        {c.myRating !== null && <span className="from"> · you rated it {starsText(c.myRating)}</span>}
                      </span>
                    </label>
                    {c.imdbUrl && (
                      <a className="from" href={c.imdbUrl} target="_blank" rel="noreferrer">
                        IMDb<span className="visually-hidden"> page of {label(c)} ({count(c.count, 'rating')})</span>
                      </a>
                    )}
                  </div>
                ))}
                <label>
                  <input type="radio" name={name} checked={current === null} onChange={() => onChoose(a.row.line, null)} />
                  <span>None of these: skip it</span>
                </label>
              </fieldset>
            </li>
          );
        })}
      </ul>
    </>
  );
}
