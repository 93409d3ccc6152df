// Average or least misery: two radios, each with the one line that says what it does.
import type { GroupRule } from '../../../client/workerTypes';

export const RULES: { id: GroupRule; label: string; hint: string }[] = [
  { id: 'average', label: 'Average', hint: 'The best total: one person’s favourite can make up for another’s shrug.' },
  { id: 'misery', label: 'Least misery', hint: 'Ranked by the least keen person, so nobody sits through a film they would not enjoy.' },
];

export function RuleSwitch({ value, onChange }: { value: GroupRule; onChange: (r: GroupRule) => void }) {
  return (
    <fieldset className="night-rule" data-testid="night-rule">
      <legend>Rank the list by</legend>
      {RULES.map((r) => (
        <label key={r.id} className={value === r.id ? 'on' : undefined}>
          <input type="radio" name="night-rule" value={r.id} checked={value === r.id} onChange={() => onChange(r.id)} />
          <span>
            <strong>{r.label}</strong>
            <span className="night-rule-hint">{r.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
