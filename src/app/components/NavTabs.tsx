// The screen switcher: a labelled navigation landmark whose current entry is marked for screen readers.
import { VIEWS, type View } from '../useView';

export function NavTabs(props: { view: View; onView: (v: View) => void; counts?: Partial<Record<View, number>> }) {
  return (
    <nav className="tabs" aria-label="Screens">
      {VIEWS.map((v) => (
        <a
          key={v.id}
          href={v.id === 'recommend' ? '#' : `#${v.id}`}
          aria-current={props.view === v.id ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            props.onView(v.id);
          }}
        >
          {v.label}
          {props.counts?.[v.id] !== undefined && <span className="count"> ({props.counts[v.id]})</span>}
        </a>
      ))}
    </nav>
  );
}
