// "Sort by": the ranked list ("Best for you", the default) or the star model's predicted rating (shown when both models exist).
import './SortControl.css';

export type SortBy = 'best' | 'predicted';

export function SortControl({ value, onChange }: { value: SortBy; onChange: (v: SortBy) => void }) {
  const options: { id: SortBy; label: string }[] = [
    { id: 'best', label: 'Best for you' },
    { id: 'predicted', label: 'Predicted rating' },
  ];
  return (
    <fieldset className="sort-by" data-testid="sort-by">
      <legend>Sort by</legend>
      <span className="sort-by-options">
        {options.map((o) => (
          <label key={o.id} className={value === o.id ? 'on' : undefined}>
            <input type="radio" name="sort-by" value={o.id} checked={value === o.id} onChange={() => onChange(o.id)} />
            {o.label}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
