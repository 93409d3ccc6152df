// What the star control does with a tap, a click and a key: pure functions, so the rules are tested without a browser.

/** The ten values of the radio group, in order. */
export const STAR_VALUES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5] as const;

/** How much of each of the five stars is lit for `value`: 1, 0.5 or 0 (null: none). */
export function starFills(value: number | null): number[] {
  return [1, 2, 3, 4, 5].map((star) => (value === null ? 0 : value >= star ? 1 : value >= star - 0.5 ? 0.5 : 0));
}

/**
 * What a press on the half star worth `half` (0.5–5) sets. A mouse, a pen or Space picks that half. A finger has the
 * whole star as one target (44 px on a phone, too small to aim at a half): the whole number of stars, or half a star
 * less when that star is already the rating (a second tap on the same star), and back again on a third.
 */
export function pressValue(current: number | null, half: number, pointer: string): number {
  if (pointer !== 'touch') return half;
  const star = Math.ceil(half);
  return current === star ? star - 0.5 : star;
}

/**
 * Where a key moves the preview from the value under focus (null: the group was just entered): arrows by half a star,
 * Home/End to the ends; null for any other key. Arrow keys never save a rating: Enter or Space does.
 */
export function previewAfterKey(key: string, from: number | null): number | null {
  const at = from ?? 0;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(5, Math.max(0.5, at + 0.5));
    case 'ArrowLeft':
    case 'ArrowDown':
      return Math.max(0.5, at - 0.5);
    case 'Home':
      return 0.5;
    case 'End':
      return 5;
    default:
      return null;
  }
}

/** The number shown beside the stars: "3.5", "4" (nothing when unrated). */
export function starText(value: number | null): string {
  return value === null ? '' : String(value);
}
