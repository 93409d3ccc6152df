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

/** Shortens a raw line for an error message (cut before anything else is done with it: a line may be megabytes). */
export function excerpt(text: string, max = 60): string {
  const head = text.length > max + 2 ? text.slice(0, max + 2) : text;
  const clean = head.length === text.length ? head.replace(/\r?\n$/, '') : head;
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}
