// Fast byte-level parser for ml-latest style ratings.csv (userId,movieId,rating,timestamp), streaming by chunks.
import { ImportError, excerpt } from './errors';

export interface RawRatings {
  userIds: Int32Array;
  movieIds: Int32Array;
  ratings: Float32Array;
  timestamps: Float64Array;
  length: number;
}

export interface RatingScale {
  min: number;
  max: number;
}

const HEADER = 'userId,movieId,rating,timestamp';
const NL = 10;
const CR = 13;
const COMMA = 44;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Growable columnar buffer for raw ratings. */
class Columns {
  length = 0;
  userIds = new Int32Array(1024);
  movieIds = new Int32Array(1024);
  ratings = new Float32Array(1024);
  timestamps = new Float64Array(1024);

  push(u: number, m: number, r: number, t: number): void {
    if (this.length === this.userIds.length) this.grow();
    const i = this.length++;
    this.userIds[i] = u;
    this.movieIds[i] = m;
    this.ratings[i] = r;
    this.timestamps[i] = t;
  }

  private grow(): void {
    const n = this.userIds.length * 2;
    const u = new Int32Array(n);
    u.set(this.userIds);
    this.userIds = u;
    const m = new Int32Array(n);
    m.set(this.movieIds);
    this.movieIds = m;
    const r = new Float32Array(n);
    r.set(this.ratings);
    this.ratings = r;
    const t = new Float64Array(n);
    t.set(this.timestamps);
    this.timestamps = t;
  }

  take(): RawRatings {
    const n = this.length;
    return {
      userIds: this.userIds.slice(0, n),
      movieIds: this.movieIds.slice(0, n),
      ratings: this.ratings.slice(0, n),
      timestamps: this.timestamps.slice(0, n),
      length: n,
    };
  }
}

/**
 * Parses ratings.csv bytes chunk by chunk: push() any number of Uint8Array pieces, then finish().
 * Accepts a UTF-8 BOM, LF or CRLF, and a last line without newline; anything else is an ImportError.
 */
export class RatingsCsvParser {
  private readonly cols = new Columns();
  private carry: Uint8Array | null = null;
  private line = 0;
  private sawHeader = false;
  bytesSeen = 0;

  constructor(
    readonly file: string,
    readonly scale: RatingScale = { min: 0.5, max: 5 },
  ) {}

  get rows(): number {
    return this.cols.length;
  }

  push(chunk: Uint8Array): void {
    this.bytesSeen += chunk.length;
    let buf = chunk;
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    const last = buf.lastIndexOf(NL);
    if (last < 0) {
      this.carry = buf.slice();
      return;
    }
    this.parseLines(buf, last + 1);
    if (last + 1 < buf.length) this.carry = buf.slice(last + 1);
  }

  finish(): RawRatings {
    if (this.carry && this.carry.length) {
      const tail = this.carry;
      this.carry = null;
      this.parseLines(tail, tail.length, true);
    }
    if (!this.sawHeader) throw new ImportError(this.file, undefined, `the file is empty; expected the header "${HEADER}"`);
    return this.cols.take();
  }

  /** Parses complete lines in buf[0, end); `end` is just past a newline unless `final`. */
  private parseLines(buf: Uint8Array, end: number, final = false): void {
    let pos = 0;
    while (pos < end) {
      let eol = final ? end : buf.indexOf(NL, pos);
      if (eol < 0 || eol > end) eol = end;
      this.line++;
      let stop = eol;
      if (stop > pos && buf[stop - 1] === CR) stop--;
      if (!this.sawHeader) this.header(buf, pos, stop);
      else if (stop > pos) this.row(buf, pos, stop);
      pos = eol + 1;
    }
  }

  private header(buf: Uint8Array, start: number, stop: number): void {
    if (buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    const text = new TextDecoder().decode(buf.subarray(start, stop));
    if (text.trim() === '') return; // blank lines before the header are tolerated
    if (text.trim() !== HEADER) {
      const hint = text.includes('\t') || text.includes('::') || text.includes(';') ? ' (wrong separator? ratings.csv is comma separated)' : '';
      throw new ImportError(this.file, this.line, `expected the header "${HEADER}", found ${excerpt(text)}${hint}`);
    }
    this.sawHeader = true;
  }

  private fail(buf: Uint8Array, start: number, stop: number, what: string): never {
    const text = new TextDecoder().decode(buf.subarray(start, stop));
    throw new ImportError(this.file, this.line, `${what} in ${excerpt(text)}`);
  }

  private row(buf: Uint8Array, start: number, stop: number): void {
    let p = start;
    // userId
    let user = 0;
    let digits = 0;
    while (p < stop) {
      const c = buf[p];
      if (c < ZERO || c > NINE) break;
      user = user * 10 + (c - ZERO);
      digits++;
      p++;
    }
    if (digits === 0 || digits > 9 || buf[p] !== COMMA) this.fail(buf, start, stop, 'expected a whole-number userId as field 1');
    p++;
    // movieId
    let movie = 0;
    digits = 0;
    while (p < stop) {
      const c = buf[p];
      if (c < ZERO || c > NINE) break;
      movie = movie * 10 + (c - ZERO);
      digits++;
      p++;
    }
    if (digits === 0 || digits > 9 || buf[p] !== COMMA) this.fail(buf, start, stop, 'expected a whole-number movieId as field 2');
    p++;
    // rating: digits[.digits]
    let whole = 0;
    digits = 0;
    while (p < stop) {
      const c = buf[p];
      if (c < ZERO || c > NINE) break;
      whole = whole * 10 + (c - ZERO);
      digits++;
      p++;
    }
    let rating = whole;
    if (buf[p] === DOT && p < stop) {
      p++;
      let scale = 0.1;
      let frac = 0;
      let fd = 0;
      while (p < stop) {
        const c = buf[p];
        if (c < ZERO || c > NINE) break;
        frac += (c - ZERO) * scale;
        scale *= 0.1;
        fd++;
        p++;
      }
      if (fd === 0) digits = 0;
      rating = Math.round((whole + frac) * 1e6) / 1e6;
    }
    if (digits === 0 || buf[p] !== COMMA) this.fail(buf, start, stop, 'expected a numeric rating as field 3');
    if (rating < this.scale.min || rating > this.scale.max || rating * 2 !== Math.round(rating * 2)) {
      this.fail(buf, start, stop, `expected a rating from ${this.scale.min} to ${this.scale.max} in half-star steps, found ${rating}`);
    }
    p++;
    // timestamp: whole seconds since 1970
    let ts = 0;
    digits = 0;
    while (p < stop) {
      const c = buf[p];
      if (c < ZERO || c > NINE) break;
      ts = ts * 10 + (c - ZERO);
      digits++;
      p++;
    }
    if (digits === 0 || digits > 10 || p !== stop) this.fail(buf, start, stop, 'expected a whole-number timestamp as field 4 and nothing after it');
    this.cols.push(user, movie, rating, ts);
  }
}

/** Parses a whole ratings.csv held in memory. */
export function parseRatingsCsv(bytes: Uint8Array, file = 'ratings.csv', scale?: RatingScale): RawRatings {
  const p = new RatingsCsvParser(file, scale);
  p.push(bytes);
  return p.finish();
}
