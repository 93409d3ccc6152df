// Streaming import of a MovieLens release from byte sources (a zip or loose files) into a chunk store: movie list first,
// then the ratings file slice by slice through the byte-level parser and the DatasetBuilder; memory stays O(chunk).
import { DatasetBuilder } from './datasetBuilder';
import type { BuiltDataset, RatingChunk } from './datasetTypes';
import { ImportError } from './errors';
import { checkFileSize, filesToRead, limitedChunks } from './fileLimits';
import { parseMovieList } from './movieList';
import { RatingsParser } from './ratingsParser';
import { detectRelease, type ReleaseLayout } from './release';
import { SLICE_BYTES, collect, sliceSource, type ByteSource } from './source';
import { defaultInflater, readZipDirectory, zipEntryChunks, type Inflater } from './zipReader';

/** Where chunks go (IndexedDB in the worker, an array in tests). `get` reads back a stored chunk for the final pass. */
export interface ChunkStore {
  put(chunk: RatingChunk): Promise<void>;
  get(seq: number): Promise<RatingChunk>;
}

export interface StreamProgress {
  /** open: directory and movie list; ratings: the ratings file; finish: duplicate pass and statistics. */
  stage: 'open' | 'ratings' | 'finish';
  /** Uncompressed bytes of the ratings file read so far, and its size. */
  bytesDone: number;
  bytesTotal: number;
  rows: number;
  seconds: number;
}

export interface StreamImportOptions {
  inflater?: Inflater;
  chunkRows?: number;
  /** Bytes read from a loose file at a time (default 4 MiB). */
  sliceBytes?: number;
  /** Chunk writes allowed in flight while parsing goes on (default 3). */
  inFlight?: number;
  onProgress?: (p: StreamProgress) => void;
  /** Milliseconds between progress reports (default 100). */
  progressEvery?: number;
}

/** Where an import's time went (seconds): waiting for ratings bytes, parsing, waiting for chunk writes, the final pass. */
export interface ImportTimings {
  seconds: number;
  readSeconds: number;
  parseSeconds: number;
  writeWaitSeconds: number;
  finishSeconds: number;
}

export interface ImportedRelease extends BuiltDataset {
  layout: ReleaseLayout;
  ratingsBytes: number;
  timings: ImportTimings;
}

export interface OpenFile {
  size: number;
  chunks(): AsyncGenerator<Uint8Array>;
}

/** Lists the files of a zip (from its central directory) or of loose sources, by path. */
async function openFiles(sources: ByteSource[], label: string, inflater: Inflater, slice: number): Promise<Map<string, OpenFile>> {
  const zips = sources.filter((s) => s.name.toLowerCase().endsWith('.zip'));
  if (zips.length > 1) throw new ImportError(label, undefined, 'expected one zip at a time');
  const files = new Map<string, OpenFile>();
  if (zips.length === 1) {
    const zip = zips[0];
    for (const e of await readZipDirectory(zip)) {
      if (!e.path.endsWith('/')) files.set(e.path, { size: e.size, chunks: () => zipEntryChunks(zip, e, inflater) });
    }
  } else {
    for (const s of sources) files.set(s.name, { size: s.size, chunks: () => sliceSource(s, 0, s.size, slice) });
  }
  return files;
}

/** Keeps up to `depth` writes in flight; the first failure is rethrown at the next add() or drain(). */
class WriteQueue {
  private readonly pending: Promise<void>[] = [];
  constructor(private readonly depth: number) {}

  async add(p: Promise<void>): Promise<void> {
    p.catch(() => {}); // observed when awaited below
    this.pending.push(p);
    while (this.pending.length > this.depth) await this.pending.shift();
  }

  async drain(): Promise<void> {
    while (this.pending.length) await this.pending.shift();
  }

  /** Waits for every write to finish, failed or not (before an error is passed on, so cleanup comes after them). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.pending.splice(0));
  }
}

/** An opened release: its layout and files, every file it reads within its size ceiling (nothing read yet but directories). */
export interface OpenedRelease {
  layout: ReleaseLayout;
  files: Map<string, OpenFile>;
}

/**
 * Lists the files (a zip's central directory), decides the release and refuses any file it would read whose size is
 * over its ceiling (limits.ts), before a byte of content is read: the cheap first check of an import.
 */
export async function openRelease(sources: ByteSource[], label: string, opts: Pick<StreamImportOptions, 'inflater' | 'sliceBytes'> = {}): Promise<OpenedRelease> {
  const files = await openFiles(sources, label, opts.inflater ?? defaultInflater(), opts.sliceBytes ?? SLICE_BYTES);
  const layout = detectRelease([...files.keys()], label);
  for (const { path, kind } of filesToRead(layout)) checkFileSize(path, kind, files.get(path)!.size);
  return { layout, files };
}

export async function importRelease(sources: ByteSource[], label: string, store: ChunkStore, opts: StreamImportOptions = {}): Promise<ImportedRelease> {
  const t0 = performance.now();
  const every = opts.progressEvery ?? 100;
  let lastReport = -Infinity;
  const report = (p: Omit<StreamProgress, 'seconds'>, force = false) => {
    const now = performance.now();
    if (!opts.onProgress || (!force && now - lastReport < every)) return;
    lastReport = now;
    opts.onProgress({ ...p, seconds: (now - t0) / 1000 });
  };

  const { layout, files } = await openRelease(sources, label, opts);
  const ratingsFile = files.get(layout.ratings.path)!;
  report({ stage: 'open', bytesDone: 0, bytesTotal: ratingsFile.size, rows: 0 }, true);

  const texts = new Map<string, Uint8Array>();
  for (const { path, kind } of filesToRead(layout)) {
    if (kind !== 'ratings') texts.set(path, await collect(limitedChunks(files.get(path)!.chunks(), path, kind, true)));
  }
  const list = parseMovieList(layout, (path) => texts.get(path)!);
  texts.clear();

  const builder = new DatasetBuilder(list, { moviesFile: layout.movies.path.split('/').pop()!, notes: layout.notes, chunkRows: opts.chunkRows });
  const parser = new RatingsParser(layout.ratings.path, layout.ratings.format, builder);
  const writes = new WriteQueue(opts.inFlight ?? 3);
  const flush = async () => {
    for (const c of builder.takeFull()) await writes.add(store.put(c));
  };
  let done = 0;
  const timings: ImportTimings = { seconds: 0, readSeconds: 0, parseSeconds: 0, writeWaitSeconds: 0, finishSeconds: 0 };
  try {
    report({ stage: 'ratings', bytesDone: 0, bytesTotal: ratingsFile.size, rows: 0 }, true);
    // Lines are the parser's to check (it refuses one longer than the ratings line ceiling); bytes are counted here.
    const chunks = limitedChunks(ratingsFile.chunks(), layout.ratings.path, 'ratings', false);
    for (;;) {
      let t = performance.now();
      const next = await chunks.next();
      timings.readSeconds += (performance.now() - t) / 1000;
      if (next.done) break;
      t = performance.now();
      parser.push(next.value);
      timings.parseSeconds += (performance.now() - t) / 1000;
      done += next.value.length;
      t = performance.now();
      await flush();
      timings.writeWaitSeconds += (performance.now() - t) / 1000;
      report({ stage: 'ratings', bytesDone: done, bytesTotal: ratingsFile.size, rows: builder.rows });
    }
    parser.end();
    builder.end();
    const t = performance.now();
    await flush();
    await writes.drain();
    timings.writeWaitSeconds += (performance.now() - t) / 1000;
    report({ stage: 'ratings', bytesDone: done, bytesTotal: ratingsFile.size, rows: builder.rows }, true);

    report({ stage: 'finish', bytesDone: done, bytesTotal: ratingsFile.size, rows: builder.rows }, true);
    const tFinish = performance.now();
    const seqs = builder.rewriteSeqs();
    if (seqs.length) {
      const stored = await Promise.all(seqs.map((s) => store.get(s)));
      for (const c of builder.rewrite(stored)) await writes.add(store.put(c));
      await writes.drain();
    }
    timings.finishSeconds = (performance.now() - tFinish) / 1000;
  } catch (e) {
    await writes.settle();
    throw e;
  }
  const built = builder.result();
  report({ stage: 'finish', bytesDone: done, bytesTotal: ratingsFile.size, rows: built.stats.ratings }, true);
  timings.seconds = (performance.now() - t0) / 1000;
  return { ...built, layout, ratingsBytes: done, timings };
}
