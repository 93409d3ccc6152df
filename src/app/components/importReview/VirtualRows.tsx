// A long section of the import review in its own scroll box, virtualized: only the rows in view are in the page, so an
// export of 100,000 rows keeps a few hundred elements (each section of the review uses it).
import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export function VirtualRows<T>(props: {
  rows: readonly T[];
  /** Stable key of a row (its line in the file). */
  keyOf: (row: T) => number;
  /** A first guess of a row's height in pixels; rows are measured as they render. */
  estimate: number;
  /** The region's name for screen readers ("Matched ratings"). */
  label: string;
  testId: string;
  /** Attributes a test or a script may look for on a row (data-movie-id). */
  rowData?: (row: T) => Record<string, string | number>;
  render: (row: T) => ReactNode;
}) {
  const { rows, keyOf, estimate, label, testId, rowData, render } = props;
  const box = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => box.current, estimateSize: () => estimate, overscan: 6, getItemKey: (i) => keyOf(rows[i]) });
  return (
    <div ref={box} className="review-rows" tabIndex={0} role="region" aria-label={label}>
      <ul className="import-rows" data-testid={testId} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          return (
            <li
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              {...rowData?.(row)}
              aria-setsize={rows.length}
              aria-posinset={v.index + 1}
              style={{ transform: `translateY(${v.start}px)` }}
            >
              {render(row)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
