// The year filter's two ends as a range: a range typed backwards ("From 2030 to 1989") is applied the right way round
// and the person is told so, never taken silently (it would empty the list).

export interface YearRange {
  from: number | null;
  to: number | null;
  /** Said beside the fields when the typed ends were swapped. */
  note: string | null;
}

/** A typed year: four digits, else none. */
export const parseYear = (v: string): number | null => (/^\d{4}$/.test(v.trim()) ? Number(v.trim()) : null);

export function yearRange(from: number | null, to: number | null): YearRange {
  if (from !== null && to !== null && from > to) return { from: to, to: from, note: `From ${from} to ${to} runs backwards: showing movies from ${to} to ${from}.` };
  return { from, to, note: null };
}
