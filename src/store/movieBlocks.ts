// Movies as columnar blocks of MOVIE_BLOCK (movie list + statistics) and their top tags: MovieInfo[] ⇄ block records, no IndexedDB here.
import type { MovieInfo } from '../engine/movielens/datasetTypes';
import type { TagCount } from '../engine/movielens/tags';
import { MOVIE_BLOCK, NO_YEAR, type MovieBlockRecord, type MovieTagsRecord } from './schema';

/**
 * Splits movies into block records by dense index (movies[i].index === i; a missing index becomes a movieId −1
 * placeholder that toMovies skips).
 */
export function toMovieBlocks(dataset: string, movies: readonly (MovieInfo | undefined)[]): MovieBlockRecord[] {
  const out: MovieBlockRecord[] = [];
  for (let block = 0; block * MOVIE_BLOCK < movies.length; block++) {
    const start = block * MOVIE_BLOCK;
    const length = Math.min(MOVIE_BLOCK, movies.length - start);
    const rec: MovieBlockRecord = {
      dataset,
      block,
      length,
      movieIds: new Int32Array(length).fill(-1),
      titles: new Array<string>(length).fill(''),
      years: new Int16Array(length).fill(NO_YEAR),
      genreNames: [],
      genreStart: new Int32Array(length + 1),
      genreIds: new Uint16Array(0),
      imdbIds: new Array<string | null>(length).fill(null),
      tmdbIds: new Array<string | null>(length).fill(null),
      counts: new Int32Array(length),
      means: new Float64Array(length),
    };
    const vocab = new Map<string, number>();
    const ids: number[] = [];
    for (let k = 0; k < length; k++) {
      const m = movies[start + k];
      rec.genreStart[k] = ids.length;
      if (!m) continue;
      rec.movieIds[k] = m.movieId;
      rec.titles[k] = m.title;
      rec.years[k] = m.year ?? NO_YEAR;
      rec.imdbIds[k] = m.imdbId;
      rec.tmdbIds[k] = m.tmdbId;
      rec.counts[k] = m.count;
      rec.means[k] = m.mean;
      for (const g of m.genres) {
        let id = vocab.get(g);
        if (id === undefined) vocab.set(g, (id = vocab.size));
        ids.push(id);
      }
    }
    rec.genreStart[length] = ids.length;
    rec.genreIds = Uint16Array.from(ids);
    rec.genreNames = [...vocab.keys()];
    out.push(rec);
  }
  return out;
}

/** Writes the movies of `blocks` into `out` at their dense indices (blocks in any order). */
export function toMovies(blocks: readonly MovieBlockRecord[], out: MovieInfo[] = []): MovieInfo[] {
  for (const b of blocks) {
    const start = b.block * MOVIE_BLOCK;
    for (let k = 0; k < b.length; k++) {
      if (b.movieIds[k] < 0) continue;
      const genres: string[] = [];
      for (let g = b.genreStart[k]; g < b.genreStart[k + 1]; g++) genres.push(b.genreNames[b.genreIds[g]]);
      out[start + k] = {
        movieId: b.movieIds[k],
        index: start + k,
        title: b.titles[k],
        year: b.years[k] === NO_YEAR ? null : b.years[k],
        genres,
        imdbId: b.imdbIds[k],
        tmdbId: b.tmdbIds[k],
        count: b.counts[k],
        mean: b.means[k],
      };
    }
  }
  return out;
}

/** Tag block records for the movies (by dense index) that have tags; blocks without any tagged movie are left out. */
export function toTagBlocks(dataset: string, movieIds: ArrayLike<number>, tags: ReadonlyMap<number, readonly TagCount[]>): MovieTagsRecord[] {
  const out: MovieTagsRecord[] = [];
  if (tags.size === 0) return out;
  for (let block = 0; block * MOVIE_BLOCK < movieIds.length; block++) {
    const start = block * MOVIE_BLOCK;
    const length = Math.min(MOVIE_BLOCK, movieIds.length - start);
    const tagStart = new Int32Array(length + 1);
    const texts: string[] = [];
    const counts: number[] = [];
    for (let k = 0; k < length; k++) {
      tagStart[k] = texts.length;
      for (const t of tags.get(movieIds[start + k]) ?? []) {
        texts.push(t.tag);
        counts.push(t.count);
      }
    }
    tagStart[length] = texts.length;
    if (texts.length) out.push({ dataset, block, tagStart, tags: texts, counts: Int32Array.from(counts) });
  }
  return out;
}

/** The tags of the movie at `index` from its block's tag record (none when the block has no record). */
export function tagsAt(rec: MovieTagsRecord | undefined, index: number): TagCount[] {
  if (!rec) return [];
  const k = index - rec.block * MOVIE_BLOCK;
  if (k < 0 || k + 1 >= rec.tagStart.length) return [];
  const out: TagCount[] = [];
  for (let j = rec.tagStart[k]; j < rec.tagStart[k + 1]; j++) out.push({ tag: rec.tags[j], count: rec.counts[j] });
  return out;
}

/** Bytes of a block's typed arrays plus its strings (2 bytes a character), for the stored-size estimate. */
export function blockBytes(b: MovieBlockRecord | MovieTagsRecord): number {
  let n = 0;
  for (const v of Object.values(b)) {
    if (ArrayBuffer.isView(v)) n += v.byteLength;
    else if (Array.isArray(v)) for (const s of v) n += typeof s === 'string' ? 2 * s.length : 8;
  }
  return n;
}
