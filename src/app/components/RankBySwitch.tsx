// The switch between the star-predicting list and the implicit "You'll likely watch" list (shown when both models exist).
import './RankBySwitch.css';

export type RankBy = 'explicit' | 'implicit';

export function RankBySwitch({ value, onChange }: { value: RankBy; onChange: (v: RankBy) => void }) {
  const options: { id: RankBy; label: string }[] = [
    { id: 'explicit', label: 'Predicted rating' },
    { id: 'implicit', label: 'You’ll likely watch' },
  ];
  return (
    <fieldset className="rank-by" data-testid="rank-by">
      <legend>Rank by</legend>
      <span className="rank-by-options">
        {options.map((o) => (
          <label key={o.id} className={value === o.id ? 'on' : undefined}>
            <input type="radio" name="rank-by" value={o.id} checked={value === o.id} onChange={() => onChange(o.id)} />
            {o.label}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
