// Turns parsed rating rows into storage chunks as they arrive: dense ids, per-movie and per-user statistics, and
// duplicate (user, movie) pairs resolved on the fly when the file is grouped by user, or in one final pass when not.
import type { BuiltDataset, MovieInfo, RatingChunk } from './datasetTypes';
import type { MovieList } from './movieList';
import type { RatingSink } from './ratingsParser';

/** Rows per stored rating chunk (262,144): the engine fills chunks of this size and the store writes them. */
export const CHUNK_ROWS = 1 << 18;

/** Ids up to this use a flat lookup table; larger ones a Map. */
const DIRECT_LIMIT = 1 << 22;

/** MovieLens id → dense index. */
class IdIndex {
  private direct = new Int32Array(1024).fill(-1);
  private readonly far = new Map<number, number>();

  get(id: number): number {
    if (id < this.direct.length) return this.direct[id];
    if (id < DIRECT_LIMIT) return -1;
    return this.far.get(id) ?? -1;
  }

  set(id: number, index: number): void {
    if (id >= DIRECT_LIMIT) {
      this.far.set(id, index);
      return;
    }
    if (id >= this.direct.length) {
      let n = this.direct.length;
      while (n <= id) n *= 2;
      const grown = new Int32Array(Math.min(n, DIRECT_LIMIT)).fill(-1);
      grown.set(this.direct);
      this.direct = grown;
    }
    this.direct[id] = index;
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number, fill?: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  if (fill !== undefined) b.fill(fill);
  b.set(a);
  return b;
}

const STRIDE = 8;
const M_USER = 0;
const M_POS = 1;
const M_TS = 2;
const M_HALF = 3;
const M_COUNT = 4;
const M_SUM = 5;

function newMovieState(movies: number): Float64Array {
  const mv = new Float64Array(movies * STRIDE);
  for (let i = 0; i < movies; i++) mv[i * STRIDE + M_USER] = -1;
  return mv;
}

const MAX_U32 = 0xffffffff;

/** A timestamp past 2106 in this chunk: its timestamps become Float64. */
function widenTimestamps(c: RatingChunk): void {
  if (c.timestamps instanceof Float64Array) return;
  const wide = new Float64Array(c.timestamps.length);
  wide.set(c.timestamps);
  c.timestamps = wide;
}

function newChunk(seq: number, rows: number): RatingChunk {
  return { seq, length: 0, users: new Int32Array(rows), items: new Int32Array(rows), ratingsX2: new Uint8Array(rows), timestamps: new Uint32Array(rows) };
}

/** Copies the rows whose stars are not 0 (dropped) into a chunk of exactly that length. */
function compact(c: RatingChunk): RatingChunk {
  let n = 0;
  for (let k = 0; k < c.length; k++) if (c.ratingsX2[k] !== 0) n++;
  const out = newChunk(c.seq, n);
  if (c.timestamps instanceof Float64Array) out.timestamps = new Float64Array(n);
  out.length = n;
  for (let k = 0, w = 0; k < c.length; k++) {
    if (c.ratingsX2[k] === 0) continue;
    out.users[w] = c.users[k];
    out.items[w] = c.items[k];
    out.ratingsX2[w] = c.ratingsX2[k];
    out.timestamps[w] = c.timestamps[k];
    w++;
  }
  return out;
}

export interface BuilderOptions {
  /** Movie file name, for placeholder titles and notes ("movies.csv", "u.item", …). */
  moviesFile: string;
  /** Notes from release detection, kept first. */
  notes?: string[];
  chunkRows?: number;
}

/**
 * Feed rows with add() (it is the parser's sink); take full chunks with takeFull() and store them; after the last
 * row call end(), store takeFull() again, read back the chunks rewriteSeqs() names, store what rewrite() returns,
 * and take result(). A chunk handed out is never changed afterwards; rows dropped later are fixed by rewrite().
 */
export class DatasetBuilder implements RatingSink {
  private readonly chunkRows: number;
  private readonly movieIndex = new IdIndex();
  private readonly userIndex = new IdIndex();
  private readonly fileMovies: number;
  private movieIds: number[];
  /**
   * Per movie, 8 numbers in one cache line: the user, row position, timestamp and stars of its latest rating
   * (duplicate detection), then its rating count and sum of half stars. Random access per row touches one line.
   */
  private mv: Float64Array;
  private userIds = new Int32Array(1024);
  private userCounts = new Int32Array(1024);
  private nUsers = 0;
  private curUser = -1;
  private curUserId = -1;
  /** A user's rows came in more than one block: duplicates need the final pass. */
  private ungrouped = false;
  private cur: RatingChunk;
  private full: RatingChunk[] = [];
  /** Chunks with seq below this were handed out. */
  private handedOut = 0;
  private pos = 0;
  private readonly hist = new Float64Array(11);
  private missing = 0;
  /** The latest timestamp kept (a dropped duplicate is never later than the row it loses to). */
  private lastTs = -Infinity;
  private duplicates = 0;
  private readonly zeroSeqs = new Set<number>();
  private readonly late = new Map<number, number[]>();
  private ended = false;
  private links: Map<number, { imdbId: string | null; tmdbId: string | null }> | null = null;

  constructor(
    private readonly list: MovieList,
    private readonly opts: BuilderOptions,
  ) {
    this.chunkRows = opts.chunkRows ?? CHUNK_ROWS;
    const m = list.movies.length;
    this.fileMovies = m;
    this.movieIds = list.movies.map((r) => r.movieId);
    list.movies.forEach((r, i) => this.movieIndex.set(r.movieId, i));
    const cap = Math.max(16, m);
    this.mv = newMovieState(cap);
    this.cur = newChunk(0, this.chunkRows);
  }

  get rows(): number {
    return this.pos - this.duplicates;
  }

  add(userId: number, movieId: number, half: number, ts: number): void {
    let u: number;
    if (userId === this.curUserId) u = this.curUser;
    else {
      u = this.userIndex.get(userId);
      if (u < 0) u = this.newUser(userId);
      else this.ungrouped = true; // a user seen before, after another one
      this.curUser = u;
      this.curUserId = userId;
    }
    let i = this.movieIndex.get(movieId);
    if (i < 0) i = this.newMovie(movieId);
    const pos = this.pos;
    const mv = this.mv;
    const m = i * STRIDE;
    if (mv[m + M_USER] === u) {
      this.duplicates++;
      if (ts < mv[m + M_TS]) return; // the stored one is later: drop this row
      this.drop(mv[m + M_POS], i, u, mv[m + M_HALF]);
    } else mv[m + M_USER] = u;
    mv[m + M_POS] = pos;
    mv[m + M_TS] = ts;
    mv[m + M_HALF] = half;
    mv[m + M_COUNT]++;
    mv[m + M_SUM] += half;
    const c = this.cur;
    const k = c.length;
    c.users[k] = u;
    c.items[k] = i;
    c.ratingsX2[k] = half;
    if (ts > MAX_U32) widenTimestamps(c);
    c.timestamps[k] = ts;
    if (ts > this.lastTs) this.lastTs = ts;
    c.length = k + 1;
    this.pos = pos + 1;
    this.userCounts[u]++;
    this.hist[half]++;
    if (i >= this.fileMovies) this.missing++;
    if (k + 1 === this.chunkRows) {
      this.full.push(c);
      this.cur = newChunk(c.seq + 1, this.chunkRows);
    }
  }

  private newUser(userId: number): number {
    const u = this.nUsers++;
    if (u === this.userIds.length) {
      this.userIds = grow(this.userIds, u * 2);
      this.userCounts = grow(this.userCounts, u * 2);
    }
    this.userIds[u] = userId;
    this.userIndex.set(userId, u);
    return u;
  }

  private newMovie(movieId: number): number {
    const i = this.movieIds.length;
    this.movieIds.push(movieId);
    this.movieIndex.set(movieId, i);
    if ((i + 1) * STRIDE > this.mv.length) {
      const mv = newMovieState(i * 2);
      mv.set(this.mv);
      this.mv = mv;
    }
    return i;
  }

  /** Takes back a row already emitted: its statistics now, its storage slot at rewrite time. */
  private drop(pos: number, i: number, u: number, half: number): void {
    this.mv[i * STRIDE + M_COUNT]--;
    this.mv[i * STRIDE + M_SUM] -= half;
    this.userCounts[u]--;
    this.hist[half]--;
    if (i >= this.fileMovies) this.missing--;
    const seq = Math.floor(pos / this.chunkRows);
    const off = pos - seq * this.chunkRows;
    if (seq >= this.handedOut) {
      const c = seq === this.cur.seq ? this.cur : this.full.find((f) => f.seq === seq)!;
      c.ratingsX2[off] = 0;
      this.zeroSeqs.add(seq);
    } else {
      const offs = this.late.get(seq) ?? [];
      offs.push(off);
      this.late.set(seq, offs);
    }
  }

  /** Full chunks ready to store, in order (after end(): every remaining chunk). */
  takeFull(): RatingChunk[] {
    const out = this.full;
    this.full = [];
    if (out.length) this.handedOut = out[out.length - 1].seq + 1;
    return out;
  }

  /** No more rows: the partial chunk joins the ones to take. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.cur.length > 0) this.full.push(this.cur);
  }

  get chunkCount(): number {
    return this.ended ? this.handedOut + this.full.length : this.cur.seq;
  }

  /** Chunks to read back and pass to rewrite(): those holding dropped rows, or all of them when users were not grouped. */
  rewriteSeqs(): number[] {
    if (this.ungrouped) return Array.from({ length: this.chunkCount }, (_, s) => s);
    return [...new Set([...this.zeroSeqs, ...this.late.keys()])].sort((a, b) => a - b);
  }

  /** Given the stored chunks rewriteSeqs() named (in that order), returns their final versions to store in their place. */
  rewrite(chunks: RatingChunk[]): RatingChunk[] {
    for (const c of chunks) for (const off of this.late.get(c.seq) ?? []) c.ratingsX2[off] = 0;
    if (this.ungrouped) this.dedupeAll(chunks);
    return chunks.map(compact);
  }

  /** Keeps the latest rating of each (user, movie) over all chunks (stable: a tie keeps the later row). */
  private dedupeAll(chunks: RatingChunk[]): void {
    const nUsers = this.nUsers;
    const start = new Int32Array(nUsers + 1);
    for (const c of chunks) {
      for (let k = 0; k < c.length; k++) if (c.ratingsX2[k] !== 0) start[c.users[k] + 1]++;
    }
    for (let u = 0; u < nUsers; u++) start[u + 1] += start[u];
    // Rows grouped by user, in file order within each user: chunk number and offset packed in one float.
    const order = new Float64Array(start[nUsers]);
    const fill = start.slice(0, nUsers);
    chunks.forEach((c, ci) => {
      for (let k = 0; k < c.length; k++) if (c.ratingsX2[k] !== 0) order[fill[c.users[k]]++] = ci * this.chunkRows + k;
    });
    const mark = new Int32Array(this.movieIds.length).fill(-1);
    const markAt = new Float64Array(this.movieIds.length);
    for (let u = 0; u < nUsers; u++) {
      for (let r = start[u]; r < start[u + 1]; r++) {
        const at = order[r];
        const c = chunks[Math.floor(at / this.chunkRows)];
        const k = at % this.chunkRows;
        const i = c.items[k];
        if (mark[i] !== u) {
          mark[i] = u;
          markAt[i] = at;
          continue;
        }
        const pc = chunks[Math.floor(markAt[i] / this.chunkRows)];
        const pk = markAt[i] % this.chunkRows;
        this.duplicates++;
        if (c.timestamps[k] >= pc.timestamps[pk]) {
          this.uncount(pc, pk);
          markAt[i] = at;
        } else this.uncount(c, k);
      }
    }
  }

  private uncount(c: RatingChunk, k: number): void {
    const i = c.items[k];
    const half = c.ratingsX2[k];
    this.mv[i * STRIDE + M_COUNT]--;
    this.mv[i * STRIDE + M_SUM] -= half;
    this.userCounts[c.users[k]]--;
    this.hist[half]--;
    if (i >= this.fileMovies) this.missing--;
    c.ratingsX2[k] = 0;
  }

  /** Movies from dense index `start` on, as known so far; with `rated` false their count and mean are left 0. */
  movieInfos(start = 0, rated = true): MovieInfo[] {
    this.links ??= new Map(this.list.links.map((l) => [l.movieId, l]));
    const out: MovieInfo[] = [];
    for (let index = start; index < this.movieIds.length; index++) {
      const movieId = this.movieIds[index];
      const row = index < this.fileMovies ? this.list.movies[index] : null;
      const link = this.links.get(movieId);
      const count = rated ? this.mv[index * STRIDE + M_COUNT] : 0;
      out.push({
        movieId,
        index,
        title: row ? row.title : `Movie ${movieId} (not in ${this.opts.moviesFile})`,
        year: row ? row.year : null,
        genres: row ? row.genres : [],
        imdbId: link?.imdbId ?? null,
        tmdbId: link?.tmdbId ?? null,
        count,
        mean: count > 0 ? this.mv[index * STRIDE + M_SUM] / 2 / count : 0,
      });
    }
    return out;
  }

  /** Movies in the movie list (the rest were met in the ratings only). */
  get listedMovies(): number {
    return this.fileMovies;
  }

  result(): BuiltDataset {
    const movies = this.movieInfos();
    let ratings = 0;
    let total = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let h = 1; h <= 10; h++) {
      if (this.hist[h] === 0) continue;
      ratings += this.hist[h];
      total += (this.hist[h] * h) / 2;
      min = Math.min(min, h / 2);
      max = h / 2;
    }
    let newest: number | null = null;
    for (const m of movies) if (m.year !== null && (newest === null || m.year > newest)) newest = m.year;
    const userCounts = this.userCounts.slice(0, this.nUsers);
    const sorted = userCounts.slice().sort();
    const notes = [...(this.opts.notes ?? []), ...this.list.notes];
    const one = (n: number, singular: string, many: string) => `${n} ${n === 1 ? singular : many}`;
    if (this.missing) notes.push(`${one(this.missing, 'rating names a movie', 'ratings name movies')} missing from ${this.opts.moviesFile}; imported under placeholder titles`);
    if (this.duplicates) notes.push(`${one(this.duplicates, 'repeated (user, movie) rating', 'repeated (user, movie) ratings')} dropped, keeping the latest by timestamp`);
    return {
      movies,
      userIds: this.userIds.slice(0, this.nUsers),
      userCounts,
      stats: {
        ratings,
        users: this.nUsers,
        movies: movies.length,
        ratedMovies: movies.reduce((s, m) => s + (m.count > 0 ? 1 : 0), 0),
        missingMovies: this.missing,
        duplicates: this.duplicates,
        mean: ratings ? total / ratings : 0,
        scale: { min, max },
        perUser: { min: sorted[0] ?? 0, median: sorted[sorted.length >> 1] ?? 0, max: sorted[sorted.length - 1] ?? 0 },
        ...(ratings > 0 && Number.isFinite(this.lastTs) ? { lastRatingAt: this.lastTs } : {}),
        ...(newest !== null ? { newestMovieYear: newest } : {}),
      },
      notes,
      chunkCount: this.chunkCount,
      tags: this.list.tags,
    };
  }
}
