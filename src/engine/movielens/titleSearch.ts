// Title search over a catalogue: every query word must start a word of the title (or be its year); accents and case ignored; most-rated first.
import { TopK } from '../als/topk';
import { MAX_QUERY_WORDS } from './limits';
import { scanSteps } from './textScan';
import { displayTitle, normalizeForSearch } from './titles';

/** Letters NFD does not split (æ, ø, ß…), folded the way people type them. */
const FOLD: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** The form titles and queries are compared in: lower case, no diacritics, apostrophes dropped ("schindler's" = "schindlers"), other punctuation a space. */
export function foldForSearch(text: string): string {
  scanSteps.count += text.length * 3;
  return normalizeForSearch(text.replace(/['’ʼ`]/g, '').toLowerCase().replace(/[æœøßłđðþı]/g, (c) => FOLD[c]));
}

/** A movie's search key: display title, the title as MovieLens writes it ("Matrix, The") and the year, padded with spaces. */
export function searchKey(title: string, year: number | null): string {
  return ` ${foldForSearch(`${displayTitle(title)} ${title} ${year ?? ''}`)} `;
}

/** The query's distinct words (at most MAX_QUERY_WORDS, in order), each to be matched at the start of a title word. */
export function queryWords(query: string): string[] {
  return [...new Set(foldForSearch(query).split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);
}

/** Reference search: scans every key. `popularity` orders the hits (higher first, ties by lower index). */
export function linearSearch(keys: readonly string[], popularity: ArrayLike<number>, query: string, limit: number): number[] {
  const needles = queryWords(query).map((w) => ` ${w}`);
  if (needles.length === 0) return [];
  const top = new TopK(limit);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (needles.every((w) => key.includes(w))) top.push(i, popularity[i]);
  }
  return top.result().map((s) => s.item);
}

/** Above this many postings a query word is common: walking the catalogue most-rated first and stopping at `limit` is cheaper. */
const COMMON_WORD = 4096;

/**
 * Inverted index over the keys' words, sorted so a prefix is one binary search; built once per catalogue. A rare
 * prefix is answered from its postings; a common one ("s", "the") by walking titles most-rated first until `limit` match.
 */
export class TitleIndex {
  private readonly words: string[];
  private readonly postings: Int32Array[];
  private readonly stamp: Uint32Array;
  private readonly byPopularity: Int32Array;
  private epoch = 0;

  constructor(
    private readonly keys: readonly string[],
    private readonly popularity: ArrayLike<number>,
    /** Postings above which a prefix counts as common (a parameter so tests can reach both paths on small data). */
    private readonly commonWord = COMMON_WORD,
  ) {
    const byWord = new Map<string, number[]>();
    for (let i = 0; i < keys.length; i++) {
      for (const w of keys[i].split(' ')) {
        if (!w) continue;
        const list = byWord.get(w);
        if (!list) byWord.set(w, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map((w) => Int32Array.from(byWord.get(w)!));
    this.stamp = new Uint32Array(keys.length);
    this.byPopularity = Int32Array.from(keys.keys()).sort((a, b) => popularity[b] - popularity[a] || a - b);
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

  /** The words starting with `prefix`: [from, to) in the sorted word list, and how many postings they hold. */
  private range(prefix: string): { from: number; to: number; size: number } {
    const from = this.lowerBound(prefix);
    let to = from;
    let size = 0;
    while (to < this.words.length && this.words[to].startsWith(prefix)) size += this.postings[to++].length;
    return { from, to, size };
  }

  /** Same answer as linearSearch with this index's popularity: the `limit` most-rated titles where every query word starts a word. */
  search(query: string, limit: number): number[] {
    const words = queryWords(query);
    if (words.length === 0 || limit <= 0) return [];
    // Drive from the rarest word's postings; check the other words against the candidate's key.
    const ranges = words.map((w) => this.range(w));
    let driver = 0;
    for (let k = 1; k < ranges.length; k++) if (ranges[k].size < ranges[driver].size) driver = k;
    if (ranges[driver].size > this.commonWord) return this.walk(words.map((w) => ` ${w}`), limit);
    const others = words.filter((_, k) => k !== driver).map((w) => ` ${w}`);
    const popularity = this.popularity;
    if (++this.epoch === 0xffffffff) (this.stamp.fill(0), (this.epoch = 1));
    const top = new TopK(limit);
    const { from, to } = ranges[driver];
    for (let r = from; r < to; r++) {
      const list = this.postings[r];
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        if (this.stamp[i] === this.epoch) continue;
        this.stamp[i] = this.epoch;
        const key = this.keys[i];
        if (others.every((w) => key.includes(w))) top.push(i, popularity[i]);
      }
    }
    return top.result().map((s) => s.item);
  }

  /** Most-rated first, stopping at the `limit`-th match: the order TopK would give, without scoring everything. */
  private walk(needles: string[], limit: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.byPopularity.length && out.length < limit; k++) {
      const i = this.byPopularity[k];
      const key = this.keys[i];
      if (needles.every((w) => key.includes(w))) out.push(i);
    }
    return out;
  }
}
