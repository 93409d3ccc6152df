// Located import errors: every message names the file, the line and what was expected there.

export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line !== undefined ? `, line ${line}` : ''}: ${problem}`);
    this.name = 'ImportError';
  }
}

/** Shortens a raw line for an error message. */
export function excerpt(text: string, max = 60): string {
  const clean = text.replace(/\r?\n$/, '');
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}
