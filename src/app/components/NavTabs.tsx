// The screen switcher: a labelled navigation landmark (a top tab bar on desktop, a fixed bottom bar on phones) whose
// current entry is marked for screen readers; each screen has an icon here (a screen without one gets a plain dot).
import type { ReactNode } from 'react';
import { VIEWS, viewHash, type View } from '../useView';
import './NavTabs.css';

const ICONS: Partial<Record<View, ReactNode>> = {
  recommend: <path d="M12 3.5l2.5 5.3 5.8.7-4.3 4 1.1 5.8L12 16.4l-5.1 2.9 1.1-5.8-4.3-4 5.8-.7z" />,
  ratings: <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />,
  night: <path d="M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20a6 6 0 0 1 12 0M15.5 5.2a3 3 0 0 1 0 5.6M18 14.3A6 6 0 0 1 21 20" />,
  lab: <path d="M9 3h6M10 3v6.5l-5.6 9A1.7 1.7 0 0 0 5.8 21h12.4a1.7 1.7 0 0 0 1.4-2.5L14 9.5V3M7.2 15h9.6" />,
  data: (
    <>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.8" />
      <path d="M4.5 5.5v13c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8v-13M4.5 12c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8" />
    </>
  ),
};

export function NavTabs(props: { view: View; onView: (v: View) => void; counts?: Partial<Record<View, number>> }) {
  return (
    <nav className="tabs" aria-label="Screens">
      {VIEWS.map((v) => (
        <a
          key={v.id}
          href={viewHash(v.id) || '#'}
          aria-current={props.view === v.id ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            props.onView(v.id);
          }}
        >
          <svg className="tab-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            {ICONS[v.id] ?? <circle cx="12" cy="12" r="4" />}
          </svg>
          <span className="tab-label">
            {v.label}
            {props.counts?.[v.id] !== undefined && <span className="count"> ({props.counts[v.id]})</span>}
          </span>
        </a>
      ))}
    </nav>
  );
}
