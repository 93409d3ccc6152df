// What every papaparse read of a comma-separated text file shares: CRLF and LF mixed in one file read as one line break.

/**
 * CRLF, LF, or both in one file (edited on two systems) become LF, and papaparse is told so: left to guess, it picks
 * one kind from the first lines and runs the other kind's lines together. A lone CR stays a character of its field.
 */
export function unifyLineBreaks(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** papaparse options for a comma-separated file already passed through unifyLineBreaks. */
export const CSV_OPTIONS = { header: false, delimiter: ',', newline: '\n', skipEmptyLines: false } as const;
