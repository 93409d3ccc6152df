// Half-star rating input: a native radio group (0.5–5) drawn as five stars split exactly in half, the number beside it,
// a clear button. A finger rates whole stars (a second tap on the same star takes half off); arrow keys only preview,
// Enter or Space saves.
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { previewAfterKey, pressValue, starFills, starText } from './stars/starLogic';
import { usePointerKind } from './stars/usePointerKind';
import { StarGlyph } from './stars/StarGlyph';
import './StarRating.css';
import { count } from '../format';

export function StarRating(props: { label: string; value: number | null; onChange: (v: number | null) => void }) {
  const name = useId();
  const hint = useId();
  const { value, onChange, label } = props;
  const [preview, setPreview] = useState<number | null>(null);
  const group = useRef<HTMLFieldSetElement>(null);
  const pointer = usePointerKind();
  const shown = preview ?? value;
  const fills = starFills(shown);

  const commit = (v: number) => {
    setPreview(null);
    if (v !== value) onChange(v);
  };
  const press = (half: number) => (e: MouseEvent<HTMLInputElement>) => commit(pressValue(value, half, pointer.kindOf(e)));

  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    const radio = e.target as HTMLInputElement;
    if (radio.type !== 'radio' || e.altKey || e.ctrlKey || e.metaKey) return;
    const next = previewAfterKey(e.key, preview ?? Number(radio.value));
    if (next !== null) {
      // The browser would check the next radio (and save it): move focus and the preview instead.
      e.preventDefault();
      setPreview(next);
      group.current?.querySelector<HTMLInputElement>(`input[value="${next}"]`)?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commit(preview ?? Number(radio.value));
    } else if (e.key === 'Escape' && preview !== null) {
      e.preventDefault();
      e.stopPropagation(); // cancels the preview, not the dialog around it
      setPreview(null);
    }
  };
  const onBlur = (e: FocusEvent<HTMLFieldSetElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setPreview(null);
  };

  return (
    <span className={`stars-input${preview !== null ? ' previewing' : ''}`}>
      <fieldset ref={group} className="stars" role="radiogroup" aria-label={label} aria-describedby={hint} onKeyDown={onKeyDown} onBlur={onBlur} onPointerDown={pointer.onPointerDown}>
        <legend className="visually-hidden">{label}</legend>
        {fills.map((fill, k) => (
          <span key={k} className="star">
            <StarGlyph fill={fill} />
            {[k + 0.5, k + 1].map((v) => (
              <label key={v} className={`half ${v % 1 ? 'left' : 'right'} ${shown !== null && v <= shown ? 'on' : ''}`} title={count(v, 'star')}>
                <input
                  type="radio"
                  name={name}
                  value={v}
                  checked={value === v}
                  onChange={() => {}}
                  onClick={press(v)}
                  aria-label={count(v, 'star')}
                  // While previewing, the previewed star is the group's one tab stop: Tab leaves the group at once (the
                  // browser would stop at the checked radio first).
                  tabIndex={preview === null ? undefined : v === preview ? 0 : -1}
                />
              </label>
            ))}
          </span>
        ))}
      </fieldset>
      <span className="stars-value" aria-hidden="true" data-testid="stars-value">
        {starText(shown)}
      </span>
      {preview !== null && (
        <span className="stars-hint" aria-hidden="true">
          Enter saves
        </span>
      )}
      <span id={hint} className="visually-hidden">
        Arrow keys choose, Enter or Space saves.
      </span>
      {value !== null && preview === null && (
        <button type="button" className="clear" onClick={() => onChange(null)} aria-label={`Remove rating for ${label.replace(/^Your rating for /, '')}`}>
          ×
        </button>
      )}
    </span>
  );
}
