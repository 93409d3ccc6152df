// Keys for onboarding's single card: 1–5 whole stars, Shift+1–5 half a star less, S "haven't seen"; never while typing.
import { useEffect } from 'react';
import { shortcutStars } from '../ratingKeys';

/** True when a key press belongs to a text field (or a dialog is open), so global shortcuts must leave it alone. */
function typingOrDialog(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (document.querySelector('dialog[open]')) return true;
  if (!t) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'reset', 'range'].includes(t.type);
}

/** Listens on the document while `enabled`; `rate` and `skip` act on the card on screen. */
export function useCardKeys(enabled: boolean, rate: (stars: number) => void, skip: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingOrDialog(e)) return;
      const stars = shortcutStars(e);
      if (stars !== null) {
        e.preventDefault();
        rate(stars);
      } else if (e.code === 'KeyS' && !e.shiftKey) {
        e.preventDefault();
        skip();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled, rate, skip]);
}
