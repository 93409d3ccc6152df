// "Already rated differently": for each such movie, keep the person's rating or take the imported one.
import type { ImportPreview } from '../../../client/workerTypes';
import type { Resolved } from './reviewPlan';
import { AsInFile, FileRating, ReadStars, label } from './ReviewParts';

export function ConflictRows(props: {
  conflicts: Resolved[];
  source: ImportPreview['source'];
  /** Lines where the imported rating is taken. */
  take: ReadonlySet<number>;
  onTake: (line: number, yes: boolean) => void;
}) {
  const { conflicts, source, take, onTake } = props;
  return (
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
                  <input type="radio" name={name} checked={!taken} onChange={() => onTake(r.row.line, false)} />
                  <span>
                    Keep mine: <ReadStars value={r.movie.myRating!} /> {r.movie.myRating}
                  </span>
                </label>
                <label>
                  <input type="radio" name={name} checked={taken} onChange={() => onTake(r.row.line, true)} />
                  <span>
                    Take imported: <ReadStars value={r.row.rating} /> {r.row.rating}
                    <FileRating row={r.row} source={source} />
                  </span>
                </label>
              </fieldset>
            </li>
          );
        })}
      </ul>
    </>
  );
}
