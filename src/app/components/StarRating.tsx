// Half-star rating input: a labelled native radio group (0.5–5, arrow keys move and set it) drawn as five stars, plus a clear button.
import { useId } from 'react';
import './StarRating.css';
import { count } from '../format';

const VALUES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

export function StarRating(props: { label: string; value: number | null; onChange: (v: number | null) => void }) {
  const name = useId();
  const { value, onChange, label } = props;
  return (
    <span className="stars-input">
      <fieldset className="stars" role="radiogroup" aria-label={label}>
        <legend className="visually-hidden">{label}</legend>
        {VALUES.map((v) => (
          <label key={v} className={`half ${v % 1 ? 'left' : 'right'} ${value !== null && v <= value ? 'on' : ''}`} title={count(v, 'star')}>
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} aria-label={count(v, 'star')} />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      {value !== null && (
        <button type="button" className="clear" onClick={() => onChange(null)} aria-label={`Remove rating for ${label.replace(/^Your rating for /, '')}`}>
          ×
        </button>
      )}
    </span>
  );
}
