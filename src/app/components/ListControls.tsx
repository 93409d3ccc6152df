// The ranked list's three switches, each with the one line that says what it does (their effect is measured by
// `cli eval`, docs/MODEL.md), folded under one summary line so the list's first rows stay on a phone's first screen.
import { useState } from 'react';
import './SortControl.css';

export interface ListSwitches {
  gems: boolean;
  recency: boolean;
  diversity: boolean;
}

const SWITCHES: { id: keyof ListSwitches; label: string; line: string }[] = [
  { id: 'gems', label: 'Hidden gems', line: 'Less-known films you would like move up; the most-rated ones move down.' },
  { id: 'recency', label: 'Newer films first', line: 'Recent films you would like move up; a ten-year-old film gets half the lift.' },
  { id: 'diversity', label: 'Variety', line: 'No near-copies next to each other: one film of a series or franchise at a time.' },
];

/** `disabled`: the list is sorted by predicted rating, which the switches do not change (they act on the ranked list). */
export function ListControls({ value, onChange, disabled }: { value: ListSwitches; onChange: (v: ListSwitches) => void; disabled: boolean }) {
  const on = SWITCHES.filter((s) => value[s.id]).map((s) => s.label);
  // Open from the start when a switch is on (the person sees why the list looks as it does), else folded.
  const [open, setOpen] = useState(on.length > 0);
  return (
    <details className="list-controls-box" data-testid="list-controls" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Adjust the list{on.length > 0 ? `: ${on.join(', ')}` : ''}
        {disabled && <span className="muted"> (for “Best for you”)</span>}
      </summary>
      <fieldset className="list-controls" disabled={disabled}>
        <legend className="visually-hidden">{disabled ? 'Adjust “Best for you” (sort by it to use these)' : 'Adjust the list'}</legend>
        {disabled && <p className="muted">These change “Best for you”; sorted by predicted rating, the list is the star model’s order.</p>}
        {SWITCHES.map((s) => (
          <label key={s.id}>
            <input type="checkbox" name={s.id} checked={value[s.id]} onChange={(e) => onChange({ ...value, [s.id]: e.target.checked })} />
            <span>
              <span className="list-control-name">{s.label}</span>
              <small>{s.line}</small>
            </span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
