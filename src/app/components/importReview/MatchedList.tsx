// The directly matched rows of an import review in their own scroll box, virtualized: an export can hold thousands.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ImportPreview } from '../../../client/workerTypes';
import { AsInFile, FileRating, ReadStars, label } from './ReviewParts';

export function MatchedList({ rows, source }: { rows: ImportPreview['matched']; source: ImportPreview['source'] }) {
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
