// The directly matched rows of an import review, virtualized: an export can hold thousands.
import type { ImportPreview } from '../../../client/workerTypes';
import { AsInFile, FileRating, ReadStars, Label } from './ReviewParts';
import { withoutBidiControls } from '../../bidi';
import { VirtualRows } from './VirtualRows';

export function MatchedList({ rows, source }: { rows: ImportPreview['matched']; source: ImportPreview['source'] }) {
  return (
    <VirtualRows
      rows={rows}
      keyOf={(m) => m.row.line}
      estimate={44}
      label="Matched ratings"
      testId="import-matched"
      rowData={(m) => ({ 'data-movie-id': m.movie.movieId })}
      render={(m) => (
        <>
          <div className="row-head">
            <strong>
              <Label m={m.movie} />
            </strong>
            <span>
              <ReadStars value={m.row.rating} /> {m.row.rating}
              <FileRating row={m.row} source={source} />
            </span>
          </div>
          <AsInFile row={m.row} movie={m.movie} />
          {m.note && <div className="note">{withoutBidiControls(m.note)}</div>}
        </>
      )}
    />
  );
}
