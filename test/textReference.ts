// The title functions as they were before issue 15 (backtracking regular expressions): the reference the linear scanners must agree with, and the "before" of bench/text.ts.

const TRAILING_ARTICLE = /^(.+?), (The|A|An|Les|La|Le|L'|Il|El|Die|Das|Der|Los|Las|Une|Un)(\s+\(.*\))?$/;

export function regexDisplayTitle(title: string): string {
  const m = TRAILING_ARTICLE.exec(title);
  if (!m) return title;
  const sep = m[2].endsWith("'") ? '' : ' ';
  return `${m[2]}${sep}${m[1]}${m[3] ?? ''}`;
}

const YEAR = /\s*\((\d{4})(?:\s*[-–]\s*(?:\d{4})?)?\)\s*$/;

export function regexSplitTitle(raw: string): { title: string; year: number | null } {
  const trimmed = raw.trim();
  const m = YEAR.exec(trimmed);
  if (!m) return { title: trimmed, year: null };
  return { title: trimmed.slice(0, m.index).trim(), year: Number(m[1]) };
}

/** movieLensNames before the scanner, with `display` for the display step (so only the peeling is compared). */
export function regexMovieLensNames(title: string, display: (t: string) => string = regexDisplayTitle): string[] {
  const names = [title];
  let main = title;
  const alternates: string[] = [];
  for (let m = /^(.*\S)\s*\(([^()]+)\)$/.exec(main); m; m = /^(.*\S)\s*\(([^()]+)\)$/.exec(main)) {
    alternates.unshift(m[2].replace(/^a\.k\.a\.\s*/i, ''));
    main = m[1];
  }
  if (main !== title) names.push(main);
  names.push(...alternates);
  return [...new Set(names.map(display))];
}

export const regexSplitSubtitles = (name: string): string[] => name.split(/\s*:\s+|\s+[-–]\s+/);
