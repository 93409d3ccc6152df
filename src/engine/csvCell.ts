// One CSV cell for files people open elsewhere: RFC 4180 quoting and OWASP's guard against spreadsheet formulas.

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"): = + - @, tab, carriage return. */
const TRIGGER = /^'*[=+\-@\t\r]/;

/**
 * Prefixes a single quote to a text that a spreadsheet would run as a formula. Quotes already in front of a trigger
 * get one more, so `unguardFormula` gives back exactly the original text for every string.
 */
export function guardFormula(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/** The inverse of guardFormula: drops the one quote it added (a text of quotes followed by a trigger character). */
export function unguardFormula(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** RFC 4180: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text cell: guarded against formulas, then quoted as RFC 4180 asks. */
export function csvText(text: string): string {
  return csvField(guardFormula(text));
}
