// Ratings parsed into growable in-memory columns (whole-file path for tests, the CLI and small files).
import { RatingsParser, type RatingScale, type RatingSink, type RatingsFormat } from './ratingsParser';

export type { RatingScale, RatingsFormat };

export interface RawRatings {
  userIds: Int32Array;
  movieIds: Int32Array;
  ratings: Float32Array;
  timestamps: Float64Array;
  length: number;
}

/** Growable columnar buffer for raw ratings. */
class Columns implements RatingSink {
  length = 0;
  userIds = new Int32Array(1024);
  movieIds = new Int32Array(1024);
  ratings = new Float32Array(1024);
  timestamps = new Float64Array(1024);

  add(u: number, m: number, halfStars: number, t: number): void {
    if (this.length === this.userIds.length) this.grow();
    const i = this.length++;
    this.userIds[i] = u;
    this.movieIds[i] = m;
    this.ratings[i] = halfStars / 2;
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
 * Parses a ratings file chunk by chunk into memory: push() any number of Uint8Array pieces, then finish().
 * `format` is csv (ratings.csv, the default), tab (ml-100k u.data) or dat (ml-1m/ml-10m ratings.dat).
 */
export class RatingsCsvParser {
  private readonly cols = new Columns();
  private readonly parser: RatingsParser;

  constructor(
    readonly file: string,
    scale?: RatingScale,
    format: RatingsFormat = 'csv',
  ) {
    this.parser = new RatingsParser(file, format, this.cols, scale);
  }

  get rows(): number {
    return this.cols.length;
  }

  get bytesSeen(): number {
    return this.parser.bytesSeen;
  }

  push(chunk: Uint8Array): void {
    this.parser.push(chunk);
  }

  finish(): RawRatings {
    this.parser.end();
    return this.cols.take();
  }
}

/** Parses a whole ratings file held in memory. */
export function parseRatingsCsv(bytes: Uint8Array, file = 'ratings.csv', scale?: RatingScale, format: RatingsFormat = 'csv'): RawRatings {
  const p = new RatingsCsvParser(file, scale, format);
  p.push(bytes);
  return p.finish();
}
