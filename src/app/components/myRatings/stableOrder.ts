// Rows stay where they are while the person works on the list: an edit re-dates a rating, but the row does not jump away
// from under the cursor; rows that appear (an Undo, a rating made elsewhere) take their place by the sort.

/**
 * `next` (the list in the chosen order) rearranged so the rows already shown (`shown`, ids in screen order) keep their
 * order; each row not shown before goes right after the nearest row before it in `next` that was shown (or first).
 * Rows gone from `next` are dropped. `shown` null: `next` as it is.
 */
export function stableOrder<T>(shown: readonly number[] | null, next: readonly T[], idOf: (t: T) => number): T[] {
  if (!shown) return [...next];
  const byId = new Map(next.map((t) => [idOf(t), t] as const));
  const wasShown = new Set(shown);
  // New rows grouped by the shown row they follow (−1: before every shown row), in `next` order.
  const after = new Map<number, T[]>();
  let anchor = -1;
  for (const t of next) {
    const id = idOf(t);
    if (wasShown.has(id)) anchor = id;
    else {
      let group = after.get(anchor);
      if (!group) after.set(anchor, (group = []));
      group.push(t);
    }
  }
  const out: T[] = [...(after.get(-1) ?? [])];
  for (const id of shown) {
    const t = byId.get(id);
    if (t === undefined) continue;
    out.push(t, ...(after.get(id) ?? []));
  }
  return out;
}
