// Byte-level parser for every MovieLens ratings layout (ratings.csv, u.data, ratings.dat), fed chunk by chunk.
import { utf16Error, utf16Kind } from './decode';
import { ImportError, excerpt } from './errors';
import { FILE_LIMITS, formatBytes } from './limits';

/** csv: ml-latest/20m/25m/32m ratings.csv; tab: ml-100k u.data; dat: ml-1m/ml-10m ratings.dat. */
export type RatingsFormat = 'csv' | 'tab' | 'dat';

export interface RatingScale {
  min: number;
  max: number;
}

/** Receives each parsed row. Stars arrive as half-star units (4.5 stars → 9) so they stay exact. */
export interface RatingSink {
  add(userId: number, movieId: number, halfStars: number, timestamp: number): void;
}

interface Dialect {
  sep: number;
  /** true when the separator is the byte twice ("::"). */
  double: boolean;
  header: string | null;
  separatorName: string;
  example: string;
}

const DIALECTS: Record<RatingsFormat, Dialect> = {
  csv: { sep: 44, double: false, header: 'userId,movieId,rating,timestamp', separatorName: 'comma', example: 'userId,movieId,rating,timestamp' },
  tab: { sep: 9, double: false, header: null, separatorName: 'tab', example: 'user id<TAB>item id<TAB>rating<TAB>timestamp' },
  dat: { sep: 58, double: true, header: null, separatorName: '"::"', example: 'UserID::MovieID::Rating::Timestamp' },
};

const NL = 10;
const CR = 13;
const DOT = 46;
const ZERO = 48;
const FIVE = 53;
const NINE = 57;
/** A line longer than this without a newline is not a ratings file. */
const MAX_LINE = FILE_LIMITS.ratings.maxLineBytes;

/**
 * push() any number of byte chunks (split anywhere), then end(). Accepts a UTF-8 BOM, LF or CRLF, blank lines
 * and a last line without newline; anything else is an ImportError naming the file, the line and what was expected.
 */
export class RatingsParser {
  private carry: Uint8Array | null = null;
  private line = 0;
  private sawHeader: boolean;
  private readonly dialect: Dialect;
  private readonly minX2: number;
  private readonly maxX2: number;
  rows = 0;
  bytesSeen = 0;

  constructor(
    readonly file: string,
    readonly format: RatingsFormat,
    private readonly sink: RatingSink,
    readonly scale: RatingScale = { min: 0.5, max: 5 },
  ) {
    this.dialect = DIALECTS[format];
    this.sawHeader = this.dialect.header === null;
    this.minX2 = Math.round(scale.min * 2);
    this.maxX2 = Math.round(scale.max * 2);
  }

  push(chunk: Uint8Array): void {
    if (this.bytesSeen === 0) {
      const wide = utf16Kind(chunk);
      if (wide) throw utf16Error(this.file, wide);
    }
    this.bytesSeen += chunk.length;
    let buf = chunk;
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    const last = buf.lastIndexOf(NL);
    if (last >= 0) this.parse(buf, last + 1);
    // What follows the last newline waits for the next chunk; a line past the ceiling is refused, not carried on.
    if (buf.length - (last + 1) > MAX_LINE) {
      throw new ImportError(this.file, this.line + 1, `expected lines of at most ${formatBytes(MAX_LINE)}; this one runs past ${formatBytes(MAX_LINE)} without a line break (${FILE_LIMITS.ratings.real})`);
    }
    if (last + 1 < buf.length) this.carry = buf.slice(last + 1);
  }

  /** Parses a last line without newline and checks the file was not empty. */
  end(): void {
    if (this.carry && this.carry.length) {
      const tail = this.carry;
      this.carry = null;
      this.parse(tail, tail.length);
    }
    const header = this.dialect.header;
    if (!this.sawHeader) throw new ImportError(this.file, undefined, `the file is empty; expected the header "${header}"`);
    if (this.rows === 0) {
      if (header) throw new ImportError(this.file, this.line + 1, 'expected at least one rating row after the header');
      throw new ImportError(this.file, undefined, `the file is empty; expected lines of ${this.dialect.example}`);
    }
  }

  /** Parses the lines in buf[0, end): end is just past a newline, or the end of the file's last line. */
  private parse(buf: Uint8Array, end: number): void {
    const sink = this.sink;
    const sep = this.dialect.sep;
    const step = this.dialect.double ? 2 : 1;
    const double = this.dialect.double;
    const minX2 = this.minX2;
    const maxX2 = this.maxX2;
    let line = this.line;
    let rows = this.rows;
    let p = 0;
    let c = 0;
    // A UTF-8 BOM at the start of a file without header (u.data, ratings.dat); ratings.csv's header() skips its own.
    if (line === 0 && this.dialect.header === null && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3;
    while (p < end) {
      line++;
      const start = p;
      c = buf[p];
      if (c === NL || (c === CR && (p + 1 === end || buf[p + 1] === NL))) {
        p = c === NL ? p + 1 : p + 2; // blank line
        continue;
      }
      if (!this.sawHeader) {
        this.line = line;
        p = this.header(buf, p, end);
        continue;
      }
      // field 1: userId
      let user = 0;
      let nd = 0;
      while ((c = buf[p]) >= ZERO && c <= NINE) {
        user = user * 10 + (c - ZERO);
        nd++;
        p++;
      }
      if (nd === 0 || nd > 9 || c !== sep || (double && buf[p + 1] !== sep)) this.fail(buf, start, end, line, 'expected a whole-number userId as field 1');
      p += step;
      // field 2: movieId
      let movie = 0;
      nd = 0;
      while ((c = buf[p]) >= ZERO && c <= NINE) {
        movie = movie * 10 + (c - ZERO);
        nd++;
        p++;
      }
      if (nd === 0 || nd > 9 || c !== sep || (double && buf[p + 1] !== sep)) this.fail(buf, start, end, line, 'expected a whole-number movieId as field 2');
      p += step;
      // field 3: rating, digits[.digits], kept as half stars
      const ratingStart = p;
      let whole = 0;
      nd = 0;
      while ((c = buf[p]) >= ZERO && c <= NINE) {
        whole = whole * 10 + (c - ZERO);
        nd++;
        p++;
      }
      let half = whole * 2;
      let offGrid = false;
      if (c === DOT && nd > 0) {
        p++;
        c = buf[p];
        if (c >= ZERO && c <= NINE) {
          if (c === FIVE) half++;
          else if (c !== ZERO) offGrid = true;
          p++;
          while ((c = buf[p]) >= ZERO && c <= NINE) {
            if (c !== ZERO) offGrid = true;
            p++;
          }
        } else nd = 0;
      }
      if (nd === 0 || c !== sep || (double && buf[p + 1] !== sep)) this.fail(buf, start, end, line, 'expected a numeric rating as field 3');
      if (offGrid || half < minX2 || half > maxX2 || nd > 3) {
        const found = Number(new TextDecoder().decode(buf.subarray(ratingStart, p)));
        this.fail(buf, start, end, line, `expected a rating from ${this.scale.min} to ${this.scale.max} in half-star steps, found ${found}`);
      }
      p += step;
      // field 4: timestamp, whole seconds since 1970, then the end of the line
      let ts = 0;
      nd = 0;
      while ((c = buf[p]) >= ZERO && c <= NINE) {
        ts = ts * 10 + (c - ZERO);
        nd++;
        p++;
      }
      if (c === CR) c = buf[++p];
      if (nd === 0 || nd > 10 || (p < end && c !== NL)) this.fail(buf, start, end, line, 'expected a whole-number timestamp as field 4 and nothing after it');
      p++;
      rows++;
      sink.add(user, movie, half, ts);
    }
    this.line = line;
    this.rows = rows;
  }

  /** Checks the header line starting at p; returns the position after it. */
  private header(buf: Uint8Array, p: number, end: number): number {
    let eol = buf.indexOf(NL, p);
    if (eol < 0 || eol > end) eol = end;
    let start = p;
    if (buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    const text = new TextDecoder().decode(buf.subarray(start, eol)).replace(/\r$/, '');
    const header = this.dialect.header!;
    if (text.trim() !== '') {
      if (text.trim() !== header) {
        const hint = /\t|::|;/.test(text) ? ' (wrong separator? ratings.csv is comma separated)' : '';
        throw new ImportError(this.file, this.line, `expected the header "${header}", found ${excerpt(text)}${hint}`);
      }
      this.sawHeader = true;
    }
    return eol + 1;
  }

  private fail(buf: Uint8Array, start: number, end: number, line: number, what: string): never {
    let eol = buf.indexOf(NL, start);
    if (eol < 0 || eol > end) eol = end;
    const text = new TextDecoder().decode(buf.subarray(start, eol)).replace(/\r$/, '');
    const sepText = this.dialect.double ? '::' : String.fromCharCode(this.dialect.sep);
    const hint = text.includes(sepText) ? '' : ` (wrong separator? ${baseName(this.file)} is ${this.dialect.separatorName} separated)`;
    // A row cut short names the missing field rather than blaming the last one present.
    const fields = text.split(sepText).length;
    const problem = fields > 1 && fields < 4 ? `expected 4 fields (${this.dialect.example}), found ${fields}` : what;
    throw new ImportError(this.file, line, `${problem} in ${excerpt(text)}${hint}`);
  }
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}
