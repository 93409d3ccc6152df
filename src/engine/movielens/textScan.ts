// What the title scanners share: JavaScript's whitespace and line-break classes, a step counter (so tests check linear time by counting, not timing) and the stream-safe cap on combining marks.

/**
 * Characters the title scanners have examined (their own loops plus the length handed to each built-in pass).
 * Every scanner is linear in its input; the property tests reset this and check it stays within a constant times
 * the input's length. It is a plain counter: reading it costs nothing and nothing in the app depends on it.
 */
export const scanSteps = { count: 0 };

/** JavaScript's `\s` (WhiteSpace and LineTerminator): what `String.prototype.trim` removes. */
export function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The characters a regular expression's `.` does not match. */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Index of the first line break in `s`, or `s.length` when there is none. */
export function firstLineBreak(s: string): number {
  for (let i = 0; i < s.length; i++) if (isLineBreak(s.charCodeAt(i))) return (scanSteps.count += i + 1), i;
  scanSteps.count += s.length;
  return s.length;
}

/** Index of the last line break in `s`, or -1. */
export function lastLineBreak(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (isLineBreak(s.charCodeAt(i))) return (scanSteps.count += s.length - i), i;
  scanSteps.count += s.length;
  return -1;
}

/** Unicode's stream-safe text format (UAX #15): no more than 30 combining marks in a row. */
export const MAX_COMBINING_RUN = 30;
const MARK_RUN = /\p{M}+/gu;

/**
 * Cuts every run of more than 30 combining marks to its first 30. String.prototype.normalize sorts each run of
 * marks by insertion, so one title of 100,000 marks took seconds (quadratic); no script needs more than a few.
 */
export function capCombiningRuns(text: string): string {
  scanSteps.count += text.length * 2;
  return text.replace(MARK_RUN, (run) => (run.length > MAX_COMBINING_RUN ? Array.from(run).slice(0, MAX_COMBINING_RUN).join('') : run));
}
