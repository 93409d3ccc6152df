// Title search over a catalogue: every query word must match the title (word starts, numerals, words run together) or its year; accents and case ignored; best match first, then most-rated.
import { TopK } from '../als/topk';
import { MAX_QUERY_WORDS } from './limits';
import { MAX_NUMERAL_LENGTH, numeralValue } from './numerals';
import { scanSteps } from './textScan';
import { matchQuality, queryWord, type QueryWord } from './titleMatch';
import { displayTitle, normalizeForSearch } from './titles';

/** Letters NFD does not split (æ, ø, ß…), folded the way people type them. */
const FOLD: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** The form titles and queries are compared in: lower case, no diacritics, apostrophes dropped ("schindler's" = "schindlers"), other punctuation a space. */
export function foldForSearch(text: string): string {
  scanSteps.count += text.length * 3;
  return normalizeForSearch(text.replace(/['’ʼ`]/g, '').toLowerCase().replace(/[æœøßłđðþı]/g, (c) => FOLD[c]));
}

/** Between a letter and a digit: "se7en" is searched as "se 7 en" and "x2" as "x 2" (a query may still type them joined). */
const LETTER_DIGIT = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu;
const HAS_DIGIT = /\p{N}/u;

/**
 * A movie's search key: the display title and the title as MovieLens writes it ("Matrix, The"), folded, letters and
 * digits apart, padded with spaces; then " | " and its tags: "#n" for each numeral a title word spells (Part II → #2)
 * and "@yyyy" for its year. Linear in the title.
 */
export function searchKey(title: string, year: number | null): string {
  let text = foldForSearch(`${displayTitle(title)} ${title}`);
  if (HAS_DIGIT.test(text)) text = text.replace(LETTER_DIGIT, ' ');
  scanSteps.count += text.length * 3;
  let tags = '';
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf(' ', from);
    if (to < 0) to = text.length;
    // Numerals are short words: only those are looked up.
    const n = to - from <= MAX_NUMERAL_LENGTH ? numeralValue(text.slice(from, to)) : null;
    if (n !== null && !tags.includes(`#${n} `)) tags += `#${n} `;
    from = to + 1;
  }
  if (year !== null) tags += `@${year} `;
  return ` ${text ? `${text} ` : ''}| ${tags}`;
}

/** The query's distinct words (at most MAX_QUERY_WORDS, in order). */
export function queryWords(query: string): string[] {
  return [...new Set(foldForSearch(query).split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);
}

/** Popularity is a rating count: a whole number below 2³¹, so quality and popularity share one exact score. */
const QUALITY = 2 ** 31;

/**
 * Reference search: scores every key. Every query word must start a title word (or a run of them read without
 * spaces: "walle", "spiderman"), spell the same numeral as one ("2" = "II" = "two"), or name the movie's year (only
 * a 4-digit year from 1870 to 2100). Best match quality first (matchQuality), then higher `popularity`, then lower index.
 */
export function linearSearch(keys: readonly string[], popularity: ArrayLike<number>, query: string, limit: number): number[] {
  const words = queryWords(query).map(queryWord);
  if (words.length === 0) return [];
  const top = new TopK(limit);
  for (let i = 0; i < keys.length; i++) {
    const q = matchQuality(keys[i], words);
    if (q >= 0) top.push(i, q * QUALITY + popularity[i]);
  }
  return top.result().map((s) => s.item);
}

/** Above this many candidate postings a query word is common: walking the catalogue most-rated first is cheaper. */
const COMMON_WORD = 4096;

/** Query words longer than this are never split into title words when the walk decides whether it may stop early. */
const MAX_SPLIT = 64;

/**
 * Inverted index over the keys' words and tags, sorted so a prefix is one binary search; built once per catalogue.
 * A query is answered from the candidates of its rarest word (the words it starts, the shorter words it runs across,
 * its numeral's and year's tags), each scored as linearSearch scores it; when even the rarest word is common, by
 * walking titles most-rated first until `limit` titles of the best quality the query can reach have matched.
 */
export class TitleIndex {
  private readonly words: string[];
  private readonly postings: Int32Array[];
  private readonly stamp: Uint32Array;
  private readonly byPopularity: Int32Array;
  private readonly longestWord: number;
  private epoch = 0;

  constructor(
    private readonly keys: readonly string[],
    private readonly popularity: ArrayLike<number>,
    /** Postings above which a word counts as common (a parameter so tests can reach both paths on small data). */
    private readonly commonWord = COMMON_WORD,
  ) {
    const byWord = new Map<string, number[]>();
    let longest = 0;
    for (let i = 0; i < keys.length; i++) {
      for (const w of keys[i].split(' ')) {
        if (!w || w === '|') continue;
        if (w.length > longest) longest = w.length;
        const list = byWord.get(w);
        if (!list) byWord.set(w, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map((w) => Int32Array.from(byWord.get(w)!));
    this.stamp = new Uint32Array(keys.length);
    this.byPopularity = Int32Array.from(keys.keys()).sort((a, b) => popularity[b] - popularity[a] || a - b);
    this.longestWord = longest;
  }

  /** First position whose word is ≥ `w`. */
  private lowerBound(w: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid] < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The postings of exactly `w`, or null. */
  private exact(w: string): Int32Array | null {
    const at = this.lowerBound(w);
    return this.words[at] === w ? this.postings[at] : null;
  }

  /** The words starting with `prefix`: [from, to) in the sorted word list, and how many postings they hold. */
  private range(prefix: string): { from: number; to: number; size: number } {
    const from = this.lowerBound(prefix);
    let to = from;
    let size = 0;
    while (to < this.words.length && this.words[to].startsWith(prefix)) size += this.postings[to++].length;
    return { from, to, size };
  }

  /** Every posting list that may hold a title matching `q` (see linearSearch), and their total length. */
  private sources(q: QueryWord): { lists: Int32Array[]; size: number; title: boolean; whole: boolean } {
    const runs = this.runSources(q.text, 0, new Map());
    const lists = [...runs.lists];
    let size = runs.size;
    // What a key must hold for the word to run across title words: a shorter word, a space, the next letter.
    const probes: string[] = [];
    for (let k = 1; k < q.text.length && k <= this.longestWord; k++) {
      if (this.exact(q.text.slice(0, k))) probes.push(` ${q.text.slice(0, k)} ${q.text[k]}`);
    }
    q.runProbes = probes;
    const numeral = q.numeralTag === null ? null : this.exact(q.numeralTag.slice(1, -1));
    const year = q.yearTag === null ? null : this.exact(q.yearTag.slice(1, -1));
    for (const l of [numeral, year]) if (l) (lists.push(l), (size += l.length));
    const whole = this.exact(q.text) !== null || numeral !== null || year !== null || (probes.length > 0 && this.splits(q.text));
    return { lists, size, title: runs.size > 0 || numeral !== null, whole };
  }

  /**
   * Postings holding every title where text[k…] starts at a word start: the words it starts, and for each shorter
   * word it runs across ("wall" of "walle"), the smaller of that word's postings and the candidates for the rest.
   */
  private runSources(text: string, k: number, memo: Map<number, { lists: Int32Array[]; size: number }>): { lists: Int32Array[]; size: number } {
    const known = memo.get(k);
    if (known) return known;
    const { from, to, size: starts } = this.range(text.slice(k));
    const lists = this.postings.slice(from, to);
    let size = starts;
    for (let j = k + 1; j < text.length && j - k <= this.longestWord; j++) {
      const word = this.exact(text.slice(k, j));
      if (!word) continue;
      // Past MAX_SPLIT characters the rest is not followed (the word's postings are a superset, and checked).
      const rest = text.length > MAX_SPLIT ? null : this.runSources(text, j, memo);
      if (!rest || word.length <= rest.size) (lists.push(word), (size += word.length));
      else {
        for (const l of rest.lists) lists.push(l);
        size += rest.size;
      }
    }
    const out = { lists, size };
    memo.set(k, out);
    return out;
  }

  /** Whether `text` is a run of whole title words ("walle" = "wall" + "e"); true for texts too long to check. */
  private splits(text: string): boolean {
    if (text.length > MAX_SPLIT) return true;
    const reach = new Uint8Array(text.length + 1);
    reach[0] = 1;
    for (let i = 0; i < text.length; i++) {
      if (!reach[i]) continue;
      for (let j = i + 1; j <= text.length; j++) if (!reach[j] && this.exact(text.slice(i, j))) reach[j] = 1;
    }
    return reach[text.length] === 1;
  }

  /** Same answer as linearSearch with this index's popularity. */
  search(query: string, limit: number): number[] {
    const words = queryWords(query).map(queryWord);
    if (words.length === 0 || limit <= 0) return [];
    const sources = words.map((q) => this.sources(q));
    let driver = 0;
    for (let k = 1; k < sources.length; k++) if (sources[k].size < sources[driver].size) driver = k;
    if (sources[driver].size > this.commonWord) {
      // The best quality any title can reach: no title can beat `limit` of those seen earlier (more rated).
      const best = (sources.every((s) => s.whole) ? words.length + 1 : 0) + sources.filter((s) => s.title).length;
      return this.walk(words, limit, best);
    }
    const popularity = this.popularity;
    if (++this.epoch === 0xffffffff) (this.stamp.fill(0), (this.epoch = 1));
    const top = new TopK(limit);
    for (const list of sources[driver].lists) {
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        if (this.stamp[i] === this.epoch) continue;
        this.stamp[i] = this.epoch;
        const q = matchQuality(this.keys[i], words);
        if (q >= 0) top.push(i, q * QUALITY + popularity[i]);
      }
    }
    return top.result().map((s) => s.item);
  }

  /** Most-rated first, stopping once `limit` titles of quality `best` have matched: the order TopK would give. */
  private walk(words: QueryWord[], limit: number, best: number): number[] {
    const top = new TopK(limit);
    let atBest = 0;
    for (let k = 0; k < this.byPopularity.length && atBest < limit; k++) {
      const i = this.byPopularity[k];
      const q = matchQuality(this.keys[i], words);
      if (q < 0) continue;
      top.push(i, q * QUALITY + this.popularity[i]);
      if (q >= best) atBest++;
    }
    return top.result().map((s) => s.item);
  }
}
