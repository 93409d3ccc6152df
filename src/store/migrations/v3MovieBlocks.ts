// The movie-block encoder exactly as schema 3 shipped it, frozen for the v2 → v3 migration.
//
// WHY A COPY: the live encoder (store/movieBlocks.ts toMovieBlocks) writes whatever block layout the current schema
// uses. If the migration called it, a later block-format change would silently change what this historical
// migration writes, and a v2 database upgraded by a newer app would get blocks that no migration after v3 expects.
// So this file must never follow the live encoder, nor import its types or constants from schema.ts: a new layout
// gets a new migration (v4 …) that reads these v3 records and writes its own.

/** A per-movie record as schema 1 and 2 stored it in the `movies` store (keyed [dataset, movieId]). */
export interface V2MovieRecord {
  dataset: string;
  movieId: number;
  index: number;
  title: string;
  year: number | null;
  genres: string[];
  imdbId: string | null;
  tmdbId: string | null;
  count: number;
  mean: number;
}

/** A movie as the v3 encoder takes it: the v2 record without its dataset key. */
export type V3Movie = Omit<V2MovieRecord, 'dataset'>;

/** A `movieBlocks` record of schema 3 (keyed [dataset, block]). */
export interface V3MovieBlock {
  dataset: string;
  block: number;
  length: number;
  movieIds: Int32Array;
  titles: string[];
  years: Int16Array;
  genreNames: string[];
  genreStart: Int32Array;
  genreIds: Uint16Array;
  imdbIds: (string | null)[];
  tmdbIds: (string | null)[];
  counts: Int32Array;
  means: Float64Array;
}

/** Movies per block in schema 3. */
export const V3_MOVIE_BLOCK = 4096;
/** The year column's "no year" in schema 3. */
export const V3_NO_YEAR = -1;

/**
 * Splits movies into schema-3 block records by dense index (movies[i].index === i; a missing index becomes a
 * movieId −1 placeholder). Genres are ids into the block's own genre list, movie k's at genreStart[k]…genreStart[k+1].
 */
export function toV3MovieBlocks(dataset: string, movies: readonly (V3Movie | undefined)[]): V3MovieBlock[] {
  const out: V3MovieBlock[] = [];
  for (let block = 0; block * V3_MOVIE_BLOCK < movies.length; block++) {
    const start = block * V3_MOVIE_BLOCK;
    const length = Math.min(V3_MOVIE_BLOCK, movies.length - start);
    const rec: V3MovieBlock = {
      dataset,
      block,
      length,
      movieIds: new Int32Array(length).fill(-1),
      titles: new Array<string>(length).fill(''),
      years: new Int16Array(length).fill(V3_NO_YEAR),
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
      rec.years[k] = m.year ?? V3_NO_YEAR;
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
