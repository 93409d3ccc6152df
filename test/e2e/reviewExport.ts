// A large Letterboxd export for the review tests and benchmark, generated at test time: rows of films the catalogue
// does not have (a few it does, so each section of the review shows).
export const LB_HEADER = 'Date,Name,Year,Letterboxd URI,Rating';

/** `rows` data rows: every 1,000th is Heat (1995), which ml-latest-small has; the rest are unknown films. */
export function bigLetterboxd(rows: number): { name: string; mimeType: string; buffer: Buffer; matched: number } {
  const lines = [LB_HEADER];
  let matched = 0;
  for (let i = 0; i < rows; i++) {
    if (i % 1000 === 999) {
      lines.push(`2021-01-01,Heat,1995,https://boxd.it/h${i},4`);
      matched++;
    } else lines.push(`2021-01-${String((i % 28) + 1).padStart(2, '0')},Unknown Film Number ${i},${1950 + (i % 70)},https://boxd.it/u${i},${((i % 10) + 1) / 2}`);
  }
  return { name: 'letterboxd-big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n'), matched };
}
