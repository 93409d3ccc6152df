// Turns reviewed import rows into the ratings to write: one per movie, the person's own kept unless they chose otherwise.

/** One reviewed row: the movie it was matched (or chosen) to, its stars and date, and the conflict choice. */
export interface ImportEntry {
  line: number;
  movieId: number;
  rating: number;
  ratedAt: number | null;
  /** For a movie the person already rated differently: true = take the imported rating, false = keep theirs. */
  takeImported: boolean;
}

/** A rating to store; `replace` false means "only if the movie is still unrated" (checked again in the transaction). */
export interface PlannedRating {
  movieId: number;
  rating: number;
  ratedAt: number;
  replace: boolean;
}

export interface ImportPlan {
  save: PlannedRating[];
  /** Rows left out because the person kept their own, different rating. */
  keptMine: number;
  /** Rows equal to a rating the person already has: nothing to write. */
  same: number;
  /** Rows for a movie another row of the file also rated: the later rating (by date, then line) wins. */
  duplicates: { line: number; keptLine: number }[];
}

/**
 * Decides what an import writes. Several rows for one movie keep the latest; an existing rating is replaced only
 * when the person chose "take imported" for that row. `now` dates rows the file gives no date.
 */
export function planImport(entries: readonly ImportEntry[], existing: ReadonlyMap<number, number>, now: number): ImportPlan {
  const latest = new Map<number, ImportEntry>();
  const duplicates: ImportPlan['duplicates'] = [];
  const when = (e: ImportEntry) => e.ratedAt ?? now;
  for (const e of entries) {
    const prev = latest.get(e.movieId);
    if (!prev) {
      latest.set(e.movieId, e);
      continue;
    }
    const newer = when(e) > when(prev) || (when(e) === when(prev) && e.line > prev.line);
    const [win, lose] = newer ? [e, prev] : [prev, e];
    latest.set(e.movieId, win);
    duplicates.push({ line: lose.line, keptLine: win.line });
  }
  const plan: ImportPlan = { save: [], keptMine: 0, same: 0, duplicates };
  for (const e of latest.values()) {
    if (!(e.rating >= 0.5 && e.rating <= 5 && e.rating * 2 === Math.round(e.rating * 2))) {
      throw new RangeError(`line ${e.line}: rating must be 0.5 to 5 in half stars, got ${e.rating}`);
    }
    const mine = existing.get(e.movieId);
    if (mine === undefined) plan.save.push({ movieId: e.movieId, rating: e.rating, ratedAt: when(e), replace: false });
    else if (mine === e.rating) plan.same++;
    else if (e.takeImported) plan.save.push({ movieId: e.movieId, rating: e.rating, ratedAt: when(e), replace: true });
    else plan.keptMine++;
  }
  return plan;
}
