// Imports into memory: importToMemory (the CLI: the streaming import, every check, into arrays) and buildDataset over whole files (tests, small files).
import { DatasetBuilder } from './datasetBuilder';
import { importRelease, type StreamImportOptions } from './importRelease';
import type { ByteSource } from './source';
import type { DatasetRatings, DatasetStats, MovieInfo, RatingChunk } from './datasetTypes';
import type { MovieLensFiles } from './files';
import { parseMovieList } from './movieList';
import { RatingsParser } from './ratingsParser';
import type { TagCount } from './tags';

export type { DatasetRatings, DatasetStats, MovieInfo };

export interface ParsedDataset {
  movies: MovieInfo[];
  /** Dense user index → MovieLens userId. */
  userIds: Int32Array;
  ratings: DatasetRatings;
  stats: DatasetStats;
  notes: string[];
  /** Each tagged movie's most frequent tags by MovieLens movieId (empty without a tags file). */
  tags: Map<number, TagCount[]>;
}

export interface BuildProgress {
  phase: 'parse';
  bytesDone: number;
  bytesTotal: number;
  rows: number;
}

const SLICE = 1 << 20;

/** Concatenates chunks (dropped rows already removed) into one set of columns with stars as floats. */
export function joinChunks(chunks: RatingChunk[]): DatasetRatings {
  const n = chunks.reduce((s, c) => s + c.length, 0);
  const out: DatasetRatings = { users: new Int32Array(n), items: new Int32Array(n), ratings: new Float32Array(n), timestamps: new Float64Array(n), length: n };
  let off = 0;
  for (const c of chunks) {
    out.users.set(c.users.subarray(0, c.length), off);
    out.items.set(c.items.subarray(0, c.length), off);
    out.timestamps.set(c.timestamps.subarray(0, c.length), off);
    for (let i = 0; i < c.length; i++) out.ratings[off + i] = c.ratingsX2[i] / 2;
    off += c.length;
  }
  return out;
}

export function buildDataset(files: MovieLensFiles, onProgress?: (p: BuildProgress) => void): ParsedDataset {
  const byPath = new Map([files.movies, files.links, files.genres, files.tags].filter((f) => f !== undefined).map((f) => [f.path, f.bytes]));
  const list = parseMovieList(files.layout, (path) => byPath.get(path)!);
  const builder = new DatasetBuilder(list, { moviesFile: files.movies.path.split('/').pop()!, notes: files.notes });
  const parser = new RatingsParser(files.ratings.path, files.layout.ratings.format, builder);
  const bytes = files.ratings.bytes;
  const chunks: RatingChunk[] = [];
  for (let off = 0; off < bytes.length; off += SLICE) {
    parser.push(bytes.subarray(off, Math.min(bytes.length, off + SLICE)));
    for (const c of builder.takeFull()) chunks.push(c);
    onProgress?.({ phase: 'parse', bytesDone: Math.min(bytes.length, off + SLICE), bytesTotal: bytes.length, rows: parser.rows });
  }
  parser.end();
  builder.end();
  for (const c of builder.takeFull()) chunks.push(c);
  const seqs = builder.rewriteSeqs();
  for (const c of builder.rewrite(seqs.map((s) => chunks[s]))) chunks[c.seq] = c;
  const built = builder.result();
  return { movies: built.movies, userIds: built.userIds, ratings: joinChunks(chunks), stats: built.stats, notes: built.notes, tags: built.tags };
}

/**
 * The streaming import (zip reader with CRC and size checks, every limit) into memory instead of IndexedDB: what the
 * CLI reads a release with, so a file the app refuses is refused on the command line with the same message.
 */
export async function importToMemory(sources: ByteSource[], label: string, opts: StreamImportOptions = {}): Promise<ParsedDataset> {
  const chunks: RatingChunk[] = [];
  const built = await importRelease(sources, label, {
    put: async (c) => void (chunks[c.seq] = c),
    get: async (seq) => chunks[seq],
  }, opts);
  return { movies: built.movies, userIds: built.userIds, ratings: joinChunks(chunks), stats: built.stats, notes: built.notes, tags: built.tags };
}
