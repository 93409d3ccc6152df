// How well one movie's search key answers a query: every query word must match; whole words beat prefixes, title words beat the year.
import { numeralValue, plausibleYear } from './numerals';

/**
 * A query word ready to match: its text, KMP failure table (matching across spaces stays linear in the key), the
 * numeral it spells (1–20: "2", "ii", "two", "second") and the year it names (4 digits, 1870–2100).
 */
export interface QueryWord {
  text: string;
  /** " text ": the word itself in a key. */
  exactProbe: string;
  /** " text": a title word it starts. */
  startProbe: string;
  fail: Int32Array;
  /** " #n " when the word spells a numeral: the tag searchKey writes for a title word of that value. */
  numeralTag: string | null;
  /** " @yyyy " when the word is a plausible year: the tag searchKey writes for the movie's year. */
  yearTag: string | null;
  /** Word starts of the last |text| characters seen, reused for every key. */
  ring: Uint8Array;
  /**
   * What a key must hold for the word to run across title words: " wall e" for "walle" when "wall" is a title word
   * (a shorter word, one space, the next letter). Null: unknown, every key is scanned. TitleIndex fills it from its
   * vocabulary, so a key without any is answered by plain substring searches.
   */
  runProbes: string[] | null;
}

export function queryWord(text: string): QueryWord {
  const fail = new Int32Array(text.length);
  for (let i = 1, k = 0; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k)) k = fail[k - 1];
    if (text.charCodeAt(i) === text.charCodeAt(k)) k++;
    fail[i] = k;
  }
  const n = numeralValue(text);
  const y = plausibleYear(text);
  return { text, exactProbe: ` ${text} `, startProbe: ` ${text}`, fail, numeralTag: n === null ? null : ` #${n} `, yearTag: y === null ? null : ` @${y} `, ring: new Uint8Array(Math.max(1, text.length)), runProbes: null };
}

/** Where a key's title words end: the " | " before its tags. */
export function titleEnd(key: string): number {
  return key.lastIndexOf(' | ');
}

const SPACE = 32;
const NONE = 0;
const PREFIX = 1;
const WHOLE = 2;

/**
 * Whether `q` occurs in the key's title words read without their spaces, starting at a word start ("walle" in
 * "wall e", "spiderman" in "spider man"): WHOLE when such an occurrence also ends at a word end, PREFIX when one
 * ends inside a word, NONE otherwise. One KMP pass over the title words: linear in the key, whatever both hold.
 */
export function spanMatch(key: string, q: QueryWord): number {
  const m = q.text.length;
  const end = titleEnd(key);
  if (m === 0) return NONE;
  const { text, fail, ring } = q;
  let best = NONE;
  let k = 0;
  let z = 0;
  let wordStart = true;
  for (let i = 1; i < end; i++) {
    const c = key.charCodeAt(i);
    if (c === SPACE) {
      wordStart = true;
      continue;
    }
    ring[z % m] = wordStart ? 1 : 0;
    wordStart = false;
    while (k > 0 && text.charCodeAt(k) !== c) k = fail[k - 1];
    if (text.charCodeAt(k) === c) k++;
    if (k === m) {
      if (ring[(z - m + 1) % m] === 1) {
        if (key.charCodeAt(i + 1) === SPACE) return WHOLE;
        best = PREFIX;
      }
      k = fail[k - 1];
    }
    z++;
  }
  return best;
}

/** How one query word meets a key, best first: a whole title word (or its numeral), the year, the start of a title word. */
export const WORD_MATCH = { none: 0, prefix: 1, year: 2, whole: 3 } as const;

export function wordMatch(key: string, q: QueryWord): number {
  // The exact word is the common case and a native search; numerals and years by their tags (a title word never
  // holds # or @, so no search of one meets the other).
  if (key.includes(q.exactProbe)) return WORD_MATCH.whole;
  if (q.numeralTag !== null && key.includes(q.numeralTag)) return WORD_MATCH.whole;
  let span = NONE;
  if (q.runProbes === null || q.runProbes.some((p) => key.includes(p))) span = spanMatch(key, q);
  else if (key.includes(q.startProbe)) span = PREFIX;
  if (span === WHOLE) return WORD_MATCH.whole;
  if (q.yearTag !== null && key.includes(q.yearTag)) return WORD_MATCH.year;
  return span === PREFIX ? WORD_MATCH.prefix : WORD_MATCH.none;
}

/**
 * The match quality of a key for the query, or -1 when a word does not match: (n + 1 when every word matches whole,
 * as a word, its numeral or the year) + (how many words match in the title rather than the year). So "et" puts
 * E.T. (the words "e" "t") before Eternal Sunshine, and "2001" the Space Odyssey before Shrek (2001).
 */
export function matchQuality(key: string, words: readonly QueryWord[]): number {
  let whole = true;
  let inTitle = 0;
  for (let k = 0; k < words.length; k++) {
    const m = wordMatch(key, words[k]);
    if (m === WORD_MATCH.none) return -1;
    if (m === WORD_MATCH.prefix) whole = false;
    if (m !== WORD_MATCH.year) inTitle++;
  }
  return (whole ? words.length + 1 : 0) + inTitle;
}
