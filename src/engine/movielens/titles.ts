// Title display and search normalisation: "Matrix, The" → "The Matrix"; accents and case ignored for search.

const TRAILING_ARTICLE = /^(.+?), (The|A|An|Les|La|Le|L'|Il|El|Die|Das|Der|Los|Las|Une|Un)(\s+\(.*\))?$/;

/** Moves a trailing article to the front, keeping any alternative title in parentheses at the end. */
export function displayTitle(title: string): string {
  const m = TRAILING_ARTICLE.exec(title);
  if (!m) return title;
  const sep = m[2].endsWith("'") ? '' : ' ';
  return `${m[2]}${sep}${m[1]}${m[3] ?? ''}`;
}

/** Lower case, no diacritics, punctuation as spaces: the form both titles and queries are compared in. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
