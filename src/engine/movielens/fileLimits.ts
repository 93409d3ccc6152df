// Holds each file of a release to its ceilings (limits.ts) before and while it streams: the declared size, the bytes read so far and the longest line.
import { ImportError } from './errors';
import { FILE_LIMITS, formatBytes, type FileKind } from './limits';
import type { ReleaseLayout } from './release';

const KIND_NAMES: Record<FileKind, string> = {
  ratings: 'ratings files',
  movies: 'movie lists and links files',
  tags: 'tags files',
  spark: 'Spark item-factor part files',
};

/** The files an import reads, each with the kind of limit it is held to. */
export function filesToRead(layout: ReleaseLayout): { path: string; kind: FileKind }[] {
  const out: { path: string; kind: FileKind }[] = [{ path: layout.ratings.path, kind: 'ratings' }, { path: layout.movies.path, kind: 'movies' }];
  if (layout.links) out.push({ path: layout.links, kind: 'movies' });
  if (layout.genres) out.push({ path: layout.genres, kind: 'movies' });
  if (layout.tags) out.push({ path: layout.tags, kind: 'tags' });
  return out;
}

const ceiling = (kind: FileKind) => `PocketLens reads ${KIND_NAMES[kind]} up to ${formatBytes(FILE_LIMITS[kind].maxBytes)} (${FILE_LIMITS[kind].real})`;

/** Refuses a file whose size (a zip entry's declared inflated size, or a loose file's size) is over its kind's ceiling. */
export function checkFileSize(path: string, kind: FileKind, size: number): void {
  if (size > FILE_LIMITS[kind].maxBytes) {
    throw new ImportError(path, undefined, `the file is ${formatBytes(size)} (${size.toLocaleString('en')} bytes); ${ceiling(kind)}`);
  }
}

const NL = 10;

/**
 * Passes the chunks on while counting: more bytes than the kind's ceiling, or (when `lines`) a line longer than its
 * line ceiling, is refused at the chunk that crosses it, with the line number; nothing past it is read.
 */
export async function* limitedChunks(chunks: AsyncIterable<Uint8Array>, path: string, kind: FileKind, lines: boolean): AsyncGenerator<Uint8Array> {
  const { maxBytes, maxLineBytes } = FILE_LIMITS[kind];
  let bytes = 0;
  let line = 1;
  let lineBytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes > maxBytes) throw new ImportError(path, undefined, `the file holds more than ${formatBytes(maxBytes)} (${formatBytes(bytes)} read so far); ${ceiling(kind)}`);
    if (lines) {
      let from = 0;
      for (let nl = chunk.indexOf(NL); nl >= 0; nl = chunk.indexOf(NL, from)) {
        if (lineBytes + (nl - from) > maxLineBytes) break;
        lineBytes = 0;
        line++;
        from = nl + 1;
      }
      lineBytes += chunk.length - from;
      if (lineBytes > maxLineBytes) {
        throw new ImportError(
          path,
          line,
          `expected lines of at most ${formatBytes(maxLineBytes)}; this one runs past ${formatBytes(maxLineBytes)} without a line break (${FILE_LIMITS[kind].real})`,
        );
      }
    }
    yield chunk;
  }
}
