// Title display and search normalisation: "Matrix, The" → "The Matrix"; accents and case ignored for search. Linear in the title's length.
import { capCombiningRuns, firstLineBreak, isSpace, lastLineBreak, scanSteps } from './textScan';

/** The articles MovieLens moves to the end ("Matrix, The"), in the order they are tried. */
const ARTICLES = ['The', 'A', 'An', 'Les', 'La', 'Le', "L'", 'Il', 'El', 'Die', 'Das', 'Der', 'Los', 'Las', 'Une', 'Un'] as const;
const OPEN = 0x28;
const CLOSE = 0x29;

/**
 * Where a title's text after its trailing article may start: at the end, or at spaces followed by one "(…)" that
 * closes the title (no line break inside). `start` is the index just after the article.
 */
class TailCheck {
  private nextNonSpace: Int32Array | null = null;
  private readonly n: number;
  private readonly closes: boolean;
  private readonly lastBreak: number;

  constructor(private readonly title: string) {
    this.n = title.length;
    this.closes = title.charCodeAt(this.n - 1) === CLOSE;
    this.lastBreak = this.closes ? lastLineBreak(title) : -1;
  }

  ok(start: number): boolean {
    if (start === this.n) return true;
    if (!this.closes || !isSpace(this.title.charCodeAt(start))) return false;
    const next = (this.nextNonSpace ??= this.spans());
    const open = next[start];
    return this.title.charCodeAt(open) === OPEN && open <= this.n - 2 && open > this.lastBreak;
  }

  /** For each index, the first index at or after it that is not a space (one backward pass, built when first needed). */
  private spans(): Int32Array {
    const out = new Int32Array(this.n + 1);
    out[this.n] = this.n;
    for (let i = this.n - 1; i >= 0; i--) out[i] = isSpace(this.title.charCodeAt(i)) ? out[i + 1] : i;
    scanSteps.count += this.n;
    return out;
  }
}

/**
 * Moves a trailing article to the front, keeping any alternative title in parentheses at the end: the first
 * ", <article>" (after at least one character, before any line break) followed by the end of the title or by
 * spaces and one closing "(…)". One pass over the title, whatever it holds.
 */
export function displayTitle(title: string): string {
  let p = title.indexOf(', ', 1);
  if (p < 0) {
    scanSteps.count += title.length;
    return title;
  }
  const limit = firstLineBreak(title);
  const tail = new TailCheck(title);
  for (let from = 1; p >= 0 && p <= limit; from = p + 1, p = title.indexOf(', ', from)) {
    scanSteps.count += p - from + 1 + ARTICLES.length * 3;
    for (const art of ARTICLES) {
      const end = p + 2 + art.length;
      if (!title.startsWith(art, p + 2) || !tail.ok(end)) continue;
      const sep = art.endsWith("'") ? '' : ' ';
      return `${art}${sep}${title.slice(0, p)}${title.slice(end)}`;
    }
  }
  scanSteps.count += title.length;
  return title;
}

/** Lower case, no diacritics, punctuation as spaces: the form both titles and queries are compared in. */
export function normalizeForSearch(text: string): string {
  scanSteps.count += text.length * 5;
  // Most titles are ASCII: NFD changes nothing there, and the letters and digits are a–z and 0–9 once lower-cased.
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return capCombiningRuns(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ASCII = /^[\x00-\x7f]*$/;
