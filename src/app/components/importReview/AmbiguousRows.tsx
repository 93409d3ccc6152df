// "Which movie?": each file row that matches several movies, with the candidates to pick from or skip (virtualized).
import type { ImportPreview } from '../../../client/workerTypes';
import { withoutBidiControls } from '../../bidi';
import { FileRating, Label, ReadStars, label, starsText } from './ReviewParts';
import { VirtualRows } from './VirtualRows';
import { count, thousands } from '../../format';

export function AmbiguousRows(props: {
  preview: ImportPreview;
  /** Line → the chosen movieId (absent: skipped). */
  chosen: ReadonlyMap<number, number>;
  onChoose: (line: number, movieId: number | null) => void;
}) {
  const { preview, chosen, onChoose } = props;
  return (
    <>
      <h3>Which movie? ({thousands(preview.ambiguous.length)})</h3>
      <VirtualRows
        rows={preview.ambiguous}
        keyOf={(a) => a.row.line}
        estimate={140}
        label="Rows that match several movies"
        testId="import-ambiguous"
        render={(a) => {
          const name = `pick-${a.row.line}`;
          const current = chosen.get(a.row.line) ?? null;
          return (
            <>
              <div className="row-head">
                <span>
                  <strong>
                    “<Label m={a.row} />”
                  </strong>{' '}
                  <span className="from">line {a.row.line}</span>
                </span>
                <span>
                  <ReadStars value={a.row.rating} />
                  <FileRating row={a.row} source={preview.source} />
                </span>
              </div>
              <div className="note">{withoutBidiControls(a.why)}</div>
              <fieldset>
                <legend>
                  Which is “<Label m={a.row} />”?
                </legend>
                {a.candidates.map((c) => (
                  <div key={c.movieId} className="candidate">
                    <label>
                      <input type="radio" name={name} checked={current === c.movieId} onChange={() => onChoose(a.row.line, c.movieId)} />
                      <span>
                        <Label m={c} /> <span className="from">· {count(c.count, 'MovieLens rating')}</span>
                        {c.genres.length > 0 && (
                          <span className="from">
                            {' · '}
                            {c.genres.map((g, k) => (
                              <span key={g}>
                                {k > 0 && ', '}
                                <bdi>{g}</bdi>
                              </span>
                            ))}
                          </span>
                        )}
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
            </>
          );
        }}
      />
    </>
  );
}
