// Bounded min-heap that keeps the n best (score desc, then index asc) of a stream of scored items.

import type { ScoredItem } from '../types';

/** True if (sa, ia) ranks strictly worse than (sb, ib): lower score, or equal score and larger index. */
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa < sb || (sa === sb && ia > ib);
}

export class TopK {
  private readonly scores: Float64Array;
  private readonly items: Int32Array;
  private size = 0;

  constructor(readonly capacity: number) {
    const c = Math.max(0, Math.floor(capacity));
    this.scores = new Float64Array(c);
    this.items = new Int32Array(c);
  }

  /** Offers one candidate; NaN scores are ignored. */
  push(item: number, score: number): void {
    if (score !== score) return;
    const cap = this.scores.length;
    if (cap === 0) return;
    const s = this.scores;
    const it = this.items;
    if (this.size < cap) {
      // Sift up from the new leaf.
      let pos = this.size++;
      while (pos > 0) {
        const parent = (pos - 1) >> 1;
        if (!worse(score, item, s[parent], it[parent])) break;
        s[pos] = s[parent];
        it[pos] = it[parent];
        pos = parent;
      }
      s[pos] = score;
      it[pos] = item;
      return;
    }
    // Full: replace the root (the worst kept) only if the candidate beats it.
    if (!worse(s[0], it[0], score, item)) return;
    let pos = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * pos + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && worse(s[r], it[r], s[l], it[l]) ? r : l;
      if (!worse(s[child], it[child], score, item)) break;
      s[pos] = s[child];
      it[pos] = it[child];
      pos = child;
    }
    s[pos] = score;
    it[pos] = item;
  }

  /** The kept candidates, best first. */
  result(): ScoredItem[] {
    const out: ScoredItem[] = [];
    for (let k = 0; k < this.size; k++) out.push({ item: this.items[k], score: this.scores[k] });
    out.sort((a, b) => b.score - a.score || a.item - b.item);
    return out;
  }
}

/** Marks excluded indices in a mask of length n (out-of-range entries are ignored). */
export function exclusionMask(n: number, exclude?: ArrayLike<number> | Set<number>): Uint8Array | null {
  if (!exclude) return null;
  const mask = new Uint8Array(n);
  if (exclude instanceof Set) {
    for (const i of exclude) if (i >= 0 && i < n) mask[i] = 1;
  } else {
    for (let k = 0; k < exclude.length; k++) {
      const i = exclude[k];
      if (i >= 0 && i < n) mask[i] = 1;
    }
  }
  return mask;
}
