// A Model lab results table: scrollable and focusable on narrow screens, named by its caption, one header row.
import type { ReactNode } from 'react';

export function LabTable(props: { id: string; caption: string; testId: string; columns: string[]; className?: string; children: ReactNode }) {
  const captionId = `${props.id}-caption`;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className={props.className ? `lab-table ${props.className}` : 'lab-table'} data-testid={props.testId}>
        <caption id={captionId}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
