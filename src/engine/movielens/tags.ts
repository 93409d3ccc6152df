// Tags of a release (tags.csv, ml-10m tags.dat) → each movie's most frequent tags: counted case-folded, shown in their most common spelling.
import Papa from 'papaparse';
import { CSV_OPTIONS, unifyLineBreaks } from './csvText';
import { decodeText, decodeUtf8, type TextEncoding } from './decode';
import { ImportError, excerpt } from './errors';
import { MAX_TAG_CHARS } from './limits';

export interface TagCount {
  tag: string;
  count: number;
}

/** Tags kept per movie. */
export const TOP_TAGS = 10;

/**
 * Counts tags per movie. "Dark comedy", "dark comedy" and " DARK COMEDY " are one tag; the spelling shown is the one
 * used most often for that movie (the first to reach that count on a tie). Memory is one slot per (movie, tag).
 */
export class TagCounter {
  private readonly slots = new Map<string, number>();
  private readonly movie: number[] = [];
  private readonly folded: string[] = [];
  private readonly count: number[] = [];
  private readonly best: string[] = [];
  private readonly bestCount: number[] = [];
  /** Counts of the spellings other than the best one, for the few (movie, tag) pairs spelled more than one way. */
  private readonly others = new Map<string, number>();
  rows = 0;
  /** Tags longer than MAX_TAG_CHARS, left out, and the line of the first. */
  long = 0;
  firstLongLine = 0;

  add(movieId: number, raw: string, line = 0): void {
    const tag = raw.trim();
    if (tag === '') return;
    if (tag.length > MAX_TAG_CHARS) {
      if (this.long++ === 0) this.firstLongLine = line;
      return;
    }
    this.rows++;
    const f = tag.toLowerCase();
    const key = `${movieId}\u0000${f}`;
    let s = this.slots.get(key);
    if (s === undefined) {
      s = this.movie.length;
      this.slots.set(key, s);
      this.movie.push(movieId);
      this.folded.push(f);
      this.count.push(0);
      this.best.push(tag);
      this.bestCount.push(0);
    }
    this.count[s]++;
    if (tag === this.best[s]) {
      this.bestCount[s]++;
      return;
    }
    const alt = `${s}\u0000${tag}`;
    const c = (this.others.get(alt) ?? 0) + 1;
    if (c > this.bestCount[s]) {
      this.others.set(`${s}\u0000${this.best[s]}`, this.bestCount[s]);
      this.others.delete(alt);
      this.best[s] = tag;
      this.bestCount[s] = c;
    } else this.others.set(alt, c);
  }

  /** The note for the dataset when tags were left out for their length, or null. */
  note(file: string): string | null {
    if (this.long === 0) return null;
    const what = this.long === 1 ? '1 tag' : `${this.long.toLocaleString('en')} tags`;
    return `${what} in ${file} longer than ${MAX_TAG_CHARS} characters left out (the first on line ${this.firstLongLine})`;
  }

  /** Each tagged movie's `n` most frequent tags, most frequent first (ties by the case-folded tag). */
  top(n = TOP_TAGS): Map<number, TagCount[]> {
    const order = Array.from(this.movie.keys());
    order.sort((a, b) => this.movie[a] - this.movie[b] || this.count[b] - this.count[a] || (this.folded[a] < this.folded[b] ? -1 : this.folded[a] > this.folded[b] ? 1 : 0));
    const out = new Map<number, TagCount[]>();
    for (const s of order) {
      const id = this.movie[s];
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      if (list.length < n) list.push({ tag: this.best[s], count: this.count[s] });
    }
    return out;
  }
}

const CSV_HEADER = ['userId', 'movieId', 'tag', 'timestamp'];

function movieIdOf(text: string, file: string, line: number): number {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) throw new ImportError(file, line, `expected a whole-number movieId, found ${excerpt(text)}`);
  return Number(t);
}

/** tags.csv (userId,movieId,tag,timestamp; RFC 4180 quoting) through papaparse, row by row (no table of 1M rows in memory). */
/** `notes` receives a line when tags were left out for their length. */
export function parseTagsCsv(bytes: Uint8Array, file = 'tags.csv', n = TOP_TAGS, notes?: string[]): Map<number, TagCount[]> {
  const text = decodeUtf8(bytes, file);
  if (text.trim() === '') throw new ImportError(file, undefined, `the file is empty; expected the header "${CSV_HEADER.join(',')}"`);
  const counter = new TagCounter();
  let row = 0;
  let failure: ImportError | null = null;
  Papa.parse<string[]>(unifyLineBreaks(text), {
    ...CSV_OPTIONS,
    step: (r, parser) => {
      row++;
      const fields = r.data;
      const err = r.errors.find((e) => e.type === 'Quotes');
      if (err) failure = new ImportError(file, row, `expected a properly quoted field (${err.message})`);
      else if (row === 1) {
        if (fields.map((h) => h.trim()).join(',') !== CSV_HEADER.join(',')) {
          failure = new ImportError(file, 1, `expected the header "${CSV_HEADER.join(',')}", found ${excerpt(fields.join(','))}`);
        }
      } else if (fields.length === 1 && fields[0].trim() === '') return;
      else if (fields.length !== 4) {
        failure = new ImportError(file, row, `expected 4 fields (${CSV_HEADER.join(',')}), found ${fields.length} in ${excerpt(fields.join(','))}`);
      } else {
        try {
          counter.add(movieIdOf(fields[1], file, row), fields[2], row);
        } catch (e) {
          failure = e as ImportError;
        }
      }
      if (failure) parser.abort();
    },
  });
  if (failure) throw failure;
  const note = counter.note(file);
  if (note) notes?.push(note);
  return counter.top(n);
}

/** ml-10m tags.dat: UserID::MovieID::Tag::Timestamp (a tag may itself hold "::"). */
export function parseTagsDat(bytes: Uint8Array, file = 'tags.dat', encoding: TextEncoding = 'utf-8', n = TOP_TAGS, notes?: string[]): Map<number, TagCount[]> {
  const text = decodeText(bytes, file, encoding);
  const counter = new TagCounter();
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (raw.trim() === '') continue;
    const a = raw.indexOf('::');
    const b = a < 0 ? -1 : raw.indexOf('::', a + 2);
    const z = raw.lastIndexOf('::');
    if (a < 0 || b < 0 || z <= b) throw new ImportError(file, line, `expected 4 fields (UserID::MovieID::Tag::Timestamp), found ${excerpt(raw)}`);
    counter.add(movieIdOf(raw.slice(a + 2, b), file, line), raw.slice(b + 2, z), line);
  }
  const note = counter.note(file);
  if (note) notes?.push(note);
  return counter.top(n);
}
