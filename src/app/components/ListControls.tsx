// The ranked list's three switches, each with the one line that says what it does (their effect is measured by `cli eval`, docs/MODEL.md).
import './SortControl.css';

export interface ListSwitches {
  gems: boolean;
  recency: boolean;
  diversity: boolean;
}

export const NO_SWITCHES: ListSwitches = { gems: false, recency: false, diversity: false };

const SWITCHES: { id: keyof ListSwitches; label: string; line: string }[] = [
  { id: 'gems', label: 'Hidden gems', line: 'Less-known films you would like move up; the most-rated ones move down.' },
  { id: 'recency', label: 'Newer films first', line: 'Recent films you would like move up; a ten-year-old film gets half the lift.' },
  { id: 'diversity', label: 'Variety', line: 'No near-copies next to each other: one film of a series or franchise at a time.' },
];

/** `disabled`: the list is sorted by predicted rating, which the switches do not change (they act on the ranked list). */
export function ListControls({ value, onChange, disabled }: { value: ListSwitches; onChange: (v: ListSwitches) => void; disabled: boolean }) {
  return (
    <fieldset className="list-controls" data-testid="list-controls" disabled={disabled}>
      <legend>{disabled ? 'Adjust “Best for you” (sort by it to use these)' : 'Adjust the list'}</legend>
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
  );
}
