// "Already rated differently": for each such movie, keep the person's rating or take the imported one (virtualized).
import type { ImportPreview } from '../../../client/workerTypes';
import type { Resolved } from './reviewPlan';
import { AsInFile, FileRating, Label, ReadStars, label } from './ReviewParts';
import { VirtualRows } from './VirtualRows';
import { thousands } from '../../format';

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
      <h3>Already rated differently ({thousands(conflicts.length)})</h3>
      <VirtualRows
        rows={conflicts}
        keyOf={(r) => r.row.line}
        estimate={90}
        label="Movies you rated differently"
        testId="import-conflicts"
        render={(r) => {
          const name = `conflict-${r.row.line}`;
          const taken = take.has(r.row.line);
          return (
            <>
              <div className="row-head">
                <strong>
                  <Label m={r.movie} />
                </strong>
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
            </>
          );
        }}
      />
    </>
  );
}
