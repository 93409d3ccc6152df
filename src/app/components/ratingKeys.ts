// Rating keyboard shortcuts shared by onboarding and search: 1–5 whole stars, Shift+1–5 half a star less (Shift+4 = 3.5).

/** The stars a key press asks for, or null. Physical digit keys (top row or keypad), so Shift works on any layout. */
export function shortcutStars(e: Pick<KeyboardEvent, 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): number | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const m = /^(?:Digit|Numpad)([1-5])$/.exec(e.code);
  if (!m) return null;
  const whole = Number(m[1]);
  return e.shiftKey ? whole - 0.5 : whole;
}
