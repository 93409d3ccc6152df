// Worker API: a Spark MLlib ALS model (itemFactors JSON parts, loose, in a folder or a zip) + the dataset's movies.csv
// (and optionally ratings.csv) stored as a new dataset with that model; everything is checked before anything is written.
import { ImportError } from '../engine/movielens/errors';
import type { InputFile } from '../engine/movielens/files';
import type { MovieInfo } from '../engine/movielens/datasetTypes';
import { collect, type ByteSource } from '../engine/movielens/source';
import { readZipDirectory, zipEntryChunks } from '../engine/movielens/zipReader';
import { checkFileSize, limitedChunks } from '../engine/movielens/fileLimits';
import type { FileKind } from '../engine/movielens/limits';
import { parseMoviesCsv } from '../engine/movielens/textCsv';
import { baseName } from '../engine/movielens/release';
import { isSparkPart, parseSparkItemFactors, type SparkFactors } from '../engine/spark/itemFactors';
import { sparkDefaults } from '../engine/defaults/sparkDefaults';
import type { FinishInput } from '../store/datasets';
import { datasetFingerprint, saveModel } from '../store/models';
import type { ModelRecord } from '../store/schema';
import type { AlsParams } from '../engine/types';
import { bytesOf, progressMapper, sizeOf, sourceOf, writeImport } from './datasetImport';
import { estimateImportBytes, modelBytes } from './importSpace';
import { summarize } from './state';
import type { DatasetSummary, ImportFile, ImportProgress } from './apiTypes';

export interface SparkImportOptions {
  /** Spark's regParam, used for the person's fold-in (Spark's user step: regParam·n). Default: Spark's own (sparkDefaults). */
  regParam?: number;
  /** Dataset name; default from the zip or "spark-model". */
  name?: string;
}

export interface SparkImportResult {
  dataset: DatasetSummary;
  modelId: string;
  rank: number;
  /** Factor rows read from the part files. */
  factorRows: number;
  partFiles: number;
  /** Factor rows whose id is not a movieId of movies.csv (not stored). */
  droppedWithoutMovie: number;
  /** Movies of the dataset without a factor row (they get a zero vector and are never recommended). */
  moviesWithoutFactors: number;
  seconds: number;
}

/** One input file after zips are opened: its path (zip entry or name) and how to read it. */
interface Entry {
  path: string;
  size: number;
  bytes: () => Promise<Uint8Array>;
  source: () => ByteSource;
}

/** The limit a Spark import's file is held to: part files as Spark output, the release's files as the MovieLens import holds them. */
function kindOf(path: string): FileKind | null {
  const base = baseName(path).toLowerCase();
  if (isSparkPart(path)) return 'spark';
  if (base === 'ratings.csv') return 'ratings';
  if (base === 'movies.csv' || base === 'links.csv') return 'movies';
  return null;
}

/** Reads one file whole, held to its kind's size ceiling while it streams (read once, then kept). */
function wholeOnce(read: () => AsyncIterable<Uint8Array>, path: string, kind: FileKind | null): () => Promise<Uint8Array> {
  let bytes: Promise<Uint8Array> | null = null;
  return () => (bytes ??= collect(kind ? limitedChunks(read(), path, kind, false) : read()));
}

/**
 * Opens zips with the same streaming reader the MovieLens import uses (central directory first, bounded inflation,
 * CRC-32 checked), so a zip bomb is refused before it is inflated; every file is checked against its size ceiling.
 */
async function entries(files: ImportFile[]): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const f of files) {
    if (f.name.toLowerCase().endsWith('.zip')) {
      const zip = sourceOf(f);
      for (const e of await readZipDirectory(zip)) {
        const base = baseName(e.path);
        if (e.path.endsWith('/') || e.path.startsWith('__MACOSX/') || base.startsWith('._')) continue;
        const path = `${f.name}/${e.path}`;
        const kind = kindOf(e.path);
        if (kind) checkFileSize(path, kind, e.size);
        const bytes = wholeOnce(() => zipEntryChunks(zip, e), path, kind);
        out.push({ path, size: e.size, bytes, source: () => lazySource(base, e.size, bytes) });
      }
    } else {
      const kind = kindOf(f.name);
      if (kind) checkFileSize(f.name, kind, sizeOf(f));
      out.push({ path: f.name, size: sizeOf(f), bytes: () => bytesOf(f), source: () => sourceOf(f) });
    }
  }
  return out;
}

/** A zip entry as a ByteSource for the release import: inflated (bounded, CRC-checked) on its first read. */
function lazySource(name: string, size: number, bytes: () => Promise<Uint8Array>): ByteSource {
  return {
    name,
    size,
    async read(offset, length) {
      const all = await bytes();
      return all.subarray(offset, Math.min(all.length, offset + length));
    },
  };
}

function pickOne(list: Entry[], name: string): Entry | undefined {
  const hits = list.filter((e) => baseName(e.path) === name);
  if (hits.length > 1) throw new ImportError(hits.map((h) => h.path).join(', '), undefined, `expected one ${name}, found ${hits.length}`);
  return hits[0];
}

/** Spark's explicit model has no biases: μ = 0, item biases 0, and the person's bias pinned to 0 (Spark's own user step). */
function sparkParams(rank: number, regParam: number): AlsParams {
  return { rank, lambda: regParam, lambdaExponent: 1, biasLambda: 1e12, iterations: 0, seed: 0, solver: 'exact' };
}

/** Item tables aligned with the dataset's dense movie indices; movies without a factor row keep a zero vector. */
function alignFactors(spark: SparkFactors, movies: MovieInfo[]): { itemFactors: Float32Array; missing: number } {
  const { rank } = spark;
  const rowOf = new Map<number, number>();
  spark.ids.forEach((id, row) => rowOf.set(id, row));
  const itemFactors = new Float32Array(movies.length * rank);
  let missing = 0;
  for (const m of movies) {
    const row = rowOf.get(m.movieId);
    if (row === undefined) missing++;
    else itemFactors.set(spark.factors.subarray(row * rank, (row + 1) * rank), m.index * rank);
  }
  return { itemFactors, missing };
}

/**
 * Imports a Spark ALS model: reads and checks every part file and movies.csv first (a located ImportError and
 * nothing written on any problem), then writes the dataset (`importing` → `ready`, under the import lock) and the
 * model, makes it the active dataset. Any error after the first write deletes what was written.
 */
export async function importSpark(files: ImportFile[], options: SparkImportOptions, onProgress: (p: ImportProgress) => void): Promise<SparkImportResult> {
  const t0 = performance.now();
  const regParam = options.regParam ?? sparkDefaults.regParam;
  if (!(regParam > 0 && Number.isFinite(regParam))) throw new Error(`regParam must be a positive number, got ${regParam}`);
  onProgress({ phase: 'unzip', fraction: 0.02, rows: 0 });
  const all = await entries(files);
  const moviesEntry = pickOne(all, 'movies.csv');
  const ratingsEntry = pickOne(all, 'ratings.csv');
  const linksEntry = pickOne(all, 'links.csv');
  const parts = all.filter((e) => isSparkPart(e.path));
  if (parts.length === 0) {
    throw new ImportError(all.map((e) => e.path).join(', ') || 'the files picked', undefined, 'expected Spark part-*.json files written by model.itemFactors.write.json(path)');
  }
  if (!moviesEntry) throw new ImportError(parts.map((p) => p.path).join(', '), undefined, "expected the dataset's movies.csv next to the Spark item factors (the titles come from it)");

  // 1. Everything checked in memory first.
  onProgress({ phase: 'parse', fraction: 0.1, rows: 0 });
  const partFiles: InputFile[] = [];
  for (const p of parts) partFiles.push({ path: p.path, bytes: await p.bytes() });
  const spark = parseSparkItemFactors(partFiles);
  onProgress({ phase: 'parse', fraction: 0.25, rows: spark.ids.length });
  const movieRows = parseMoviesCsv(await moviesEntry.bytes(), moviesEntry.path);
  const movieIds = new Set(movieRows.map((m) => m.movieId));
  let droppedWithoutMovie = 0;
  for (const id of spark.ids) if (!movieIds.has(id)) droppedWithoutMovie++;
  if (droppedWithoutMovie === spark.ids.length) {
    throw new ImportError(moviesEntry.path, undefined, `expected the movieIds of the Spark model; none of its ${spark.ids.length} ids is in this file (is it the same dataset?)`);
  }

  // 2. Written through the one import path: refused up front when it does not fit (the release's files as the
  // MovieLens import counts them, plus the model's factor table), then `importing`, movies and chunks, `ready`, model.
  const name = options.name ?? (files.find((f) => f.name.toLowerCase().endsWith('.zip'))?.name.replace(/\.zip$/i, '') || 'spark-model');
  const bytes = all.reduce((s, e) => s + e.size, 0);
  const source = `Spark ALS: ${parts.length} part file${parts.length === 1 ? '' : 's'} + ${ratingsEntry ? 'movies.csv, ratings.csv' : 'movies.csv'}`;
  const releaseSources = ratingsEntry ? [moviesEntry, ratingsEntry, ...(linksEntry ? [linksEntry] : [])].map((e) => e.source()) : [];
  const needBytes = (await estimateImportBytes(ratingsEntry ? releaseSources : [moviesEntry.source()])) + modelBytes(movieRows.length, spark.rank);
  const result = await writeImport({ name, source, bytes, needBytes }, async (job) => {
    let built: Pick<FinishInput, 'movies' | 'stats' | 'notes' | 'chunkCount' | 'tags'>;
    if (ratingsEntry) built = await job.streamRelease(releaseSources, progressMapper(onProgress, 0.3, 0.9));
    else {
      const movies: MovieInfo[] = movieRows.map((m, index) => ({ ...m, index, imdbId: null, tmdbId: null, count: 0, mean: 0 }));
      built = {
        movies,
        chunkCount: 0,
        notes: ['No ratings.csv was given: rating counts and means are unknown, so the minimum-ratings filter is off.'],
        stats: { ratings: 0, users: 0, movies: movies.length, ratedMovies: 0, missingMovies: 0, duplicates: 0, mean: 0, scale: { min: 0.5, max: 5 } },
      };
    }
    onProgress({ phase: 'write', fraction: 0.92, rows: built.stats.ratings });
    const { itemFactors, missing } = alignFactors(spark, built.movies);
    const notes = [...built.notes];
    if (droppedWithoutMovie > 0) notes.push(`${droppedWithoutMovie} of ${spark.ids.length} Spark factor rows have an id that is not a movieId in ${moviesEntry.path}; they were left out.`);
    if (missing > 0) notes.push(`${missing} ${missing === 1 ? 'movie has' : 'movies have'} no Spark factors (never recommended).`);
    const model: ModelRecord = {
      id: '', // set by saveModel: one model per (dataset, objective)
      datasetId: job.id,
      params: sparkParams(spark.rank, regParam),
      rank: spark.rank,
      nUsers: 0,
      nItems: built.movies.length,
      mu: 0,
      itemBias: new Float32Array(built.movies.length),
      itemFactors,
      history: [],
      trainSeconds: 0,
      trainedAt: Date.now(),
    };
    // The model carries the fingerprint of the dataset as `ready` wrote it, so it is saved right after the flip
    // (a kill in between leaves a consistent dataset without a model: the app then trains one).
    const ready = await job.finish({ ...built, notes });
    const saved = await saveModel(job.db, { ...model, datasetFingerprint: datasetFingerprint(ready) });
    onProgress({ phase: 'write', fraction: 1, rows: built.stats.ratings });
    return { ready, modelId: saved.id, missing };
  });
  return {
    dataset: summarize(result.ready),
    modelId: result.modelId,
    rank: spark.rank,
    factorRows: spark.ids.length,
    partFiles: parts.length,
    droppedWithoutMovie,
    moviesWithoutFactors: result.missing,
    seconds: (performance.now() - t0) / 1000,
  };
}
