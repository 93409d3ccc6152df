// What an IMDb/Letterboxd review would save, from the preview and the person's choices so far: pure, no React.
import { planImport, type ImportEntry, type ImportPlan } from '../../../engine/externalRatingsPlan';
import type { ImportCandidate, ImportPreview, ImportRowView } from '../../../client/workerTypes';

/** A file row tied to one movie: matched directly, or by the person's choice among candidates. */
export interface Resolved {
  row: ImportRowView;
  movie: ImportCandidate;
  note: string | null;
}

export interface ReviewPlan {
  resolved: Resolved[];
  /** Rows whose movie the person rated differently: they choose which rating stays. */
  conflicts: Resolved[];
  /** Rows whose movie the person already rated the same. */
  same: Resolved[];
  /** Directly matched rows for movies the person has not rated. */
  fresh: ImportPreview['matched'];
  /** What Save sends. */
  entries: ImportEntry[];
  plan: ImportPlan;
}

/**
 * `chosen`: ambiguous row's line → the movieId picked (absent: skipped). `take`: conflicting rows' lines where the
 * imported rating replaces the person's (absent: keep theirs).
 */
export function reviewPlan(preview: ImportPreview, chosen: ReadonlyMap<number, number>, take: ReadonlySet<number>): ReviewPlan {
  const resolved: Resolved[] = preview.matched.map((m) => ({ row: m.row, movie: m.movie, note: m.note }));
  for (const a of preview.ambiguous) {
    const id = chosen.get(a.row.line);
    const movie = a.candidates.find((c) => c.movieId === id);
    if (movie) resolved.push({ row: a.row, movie, note: null });
  }
  const conflicts = resolved.filter((r) => r.movie.myRating !== null && r.movie.myRating !== r.row.rating);
  const same = resolved.filter((r) => r.movie.myRating === r.row.rating);
  const fresh = preview.matched.filter((m) => m.movie.myRating === null);
  const entries: ImportEntry[] = resolved.map((r) => ({ line: r.row.line, movieId: r.movie.movieId, rating: r.row.rating, ratedAt: r.row.ratedAt, takeImported: take.has(r.row.line) }));
  const existing = new Map(resolved.filter((r) => r.movie.myRating !== null).map((r) => [r.movie.movieId, r.movie.myRating!]));
  return { resolved, conflicts, same, fresh, entries, plan: planImport(entries, existing, 0) };
}
