// Streaming zip reading from a random-access source: the central directory first (so entry order does not matter and a
// truncated archive is refused before anything is stored), then one entry at a time, inflated in slices and CRC-checked.
import { Inflate } from 'fflate';
import { crc32 } from './crc32';
import { ImportError } from './errors';
import { KiB, MAX_INFLATE_RATIO, RATIO_CHECK_AFTER, formatBytes } from './limits';
import { sliceSource, type ByteSource } from './source';

export interface ZipEntry {
  path: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** 'native': the platform's DecompressionStream (zlib in Chromium and Node, several times faster); 'fflate': pure JS. */
export type Inflater = 'native' | 'fflate';

export const defaultInflater = (): Inflater => (typeof DecompressionStream === 'function' ? 'native' : 'fflate');

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(zip: string, why: string): ImportError {
  return new ImportError(zip, undefined, `expected a complete zip archive; it is truncated or corrupt (${why})`);
}

const u64 = (v: DataView, o: number) => v.getUint32(o, true) + v.getUint32(o + 4, true) * 2 ** 32;

/** Lists the archive's entries from its central directory. */
export async function readZipDirectory(src: ByteSource): Promise<ZipEntry[]> {
  const zip = src.name;
  const head = await src.read(0, 4);
  if (head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new ImportError(zip, undefined, 'expected a zip archive (it does not start with the zip signature "PK")');
  }
  if (src.size < 22) throw corrupt(zip, `${src.size} bytes, shorter than the smallest zip archive`);
  const tailStart = Math.max(0, src.size - 22 - 65535);
  const tail = await src.read(tailStart, src.size - tailStart);
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.length);
  let e = -1;
  for (let o = tail.length - 22; o >= 0; o--) {
    if (tv.getUint32(o, true) === EOCD) {
      e = o;
      break;
    }
  }
  if (e < 0) throw corrupt(zip, 'no end-of-central-directory record');
  let count = tv.getUint16(e + 10, true);
  let cdSize = tv.getUint32(e + 12, true);
  let cdOffset = tv.getUint32(e + 16, true);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && e >= 20 && tv.getUint32(e - 20, true) === LOCATOR64) {
    const at = u64(tv, e - 20 + 8);
    const rec = await src.read(at, 56);
    const rv = new DataView(rec.buffer, rec.byteOffset, rec.length);
    if (rec.length < 56 || rv.getUint32(0, true) !== EOCD64) throw corrupt(zip, 'bad zip64 end-of-central-directory record');
    count = u64(rv, 32);
    cdSize = u64(rv, 40);
    cdOffset = u64(rv, 48);
  }
  if (cdOffset + cdSize > src.size) throw corrupt(zip, 'the central directory lies past the end of the file');
  const cd = await src.read(cdOffset, cdSize);
  const v = new DataView(cd.buffer, cd.byteOffset, cd.length);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || v.getUint32(p, true) !== CENTRAL) throw corrupt(zip, `central directory entry ${k + 1} is damaged`);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw corrupt(zip, `central directory entry ${k + 1} is damaged`);
    const entry: ZipEntry = {
      path: names.decode(cd.subarray(p + 46, p + 46 + nameLen)),
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      crc: v.getUint32(p + 16, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      localHeaderOffset: v.getUint32(p + 42, true),
    };
    // zip64 extra field: the 64-bit values of whichever fields were saturated, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (x + 4 + len > p + 46 + nameLen + extraLen) break; // a block cut short: no zip64 values in it
      if (id === 1) {
        let f = x + 4;
        const need = 8 * [entry.size, entry.compressedSize, entry.localHeaderOffset].filter((n) => n === 0xffffffff).length;
        if (need > len) throw corrupt(zip, `the zip64 field of ${entry.path} is damaged`);
        if (entry.size === 0xffffffff) (entry.size = u64(v, f)), (f += 8);
        if (entry.compressedSize === 0xffffffff) (entry.compressedSize = u64(v, f)), (f += 8);
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = u64(v, f);
      }
      x += 4 + len;
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function* inflateNative(compressed: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await compressed.next();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopped early (a limit, a bad CRC, the consumer gone): let the stream and its inflater go at once.
    reader.cancel().catch(() => {});
  }
}

async function* inflateFflate(compressed: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  const inflate = new Inflate((data) => out.push(data));
  let next = await compressed.next();
  while (!next.done) {
    const after = await compressed.next();
    inflate.push(next.value, !!after.done);
    next = after;
    if (out.length) {
      const ready = out;
      out = [];
      yield* ready;
    }
  }
}

/**
 * Compressed bytes go to the inflater in pieces of at most this size: an inflater turns one piece into all its
 * output at once (up to ~1,032 times its size for deflate), so the piece size bounds what one step can allocate.
 */
const INFLATE_PIECE = 64 * KiB;

/** Re-slices the compressed stream into INFLATE_PIECE views (no copies) and counts what was handed on. */
async function* inPieces(chunks: AsyncGenerator<Uint8Array>, fed: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) {
    for (let o = 0; o < c.length; o += INFLATE_PIECE) {
      const piece = c.subarray(o, Math.min(c.length, o + INFLATE_PIECE));
      fed.bytes += piece.length;
      yield piece;
    }
  }
}

/** Compression methods of the zip specification (APPNOTE 4.4.5) a person may meet, by number. */
const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  19: 'IBM LZ77',
  93: 'Zstandard',
  95: 'XZ',
  96: 'JPEG',
  97: 'WavPack',
  98: 'PPMd',
  99: 'AES encryption',
};

/** The refusal for an entry compressed with anything but stored (0) or deflate (8). */
export function unsupportedMethod(zip: string, path: string, method: number): ImportError {
  const name = METHOD_NAMES[method];
  const what = name ? `${name} compression (zip method ${method})` : `compression method ${method}`;
  return new ImportError(zip, undefined, `${path} uses ${what}; expected stored or deflate entries (re-zip it with a standard zip tool, e.g. "zip -r", or the system's "Compress" command)`);
}

/**
 * The entry's uncompressed bytes in slices; a bad local header, inflate error, size or CRC mismatch is an ImportError.
 * Inflation is bounded while it runs: past the size the directory declares, or past MAX_INFLATE_RATIO bytes out per
 * byte in (once RATIO_CHECK_AFTER bytes are out), the entry is refused at once, before more is inflated.
 */
export async function* zipEntryChunks(src: ByteSource, entry: ZipEntry, inflater: Inflater = defaultInflater()): AsyncGenerator<Uint8Array> {
  const zip = src.name;
  if (entry.flags & 1) throw new ImportError(zip, undefined, `${entry.path} is encrypted; expected an unencrypted zip`);
  if (entry.method !== 0 && entry.method !== 8) throw unsupportedMethod(zip, entry.path, entry.method);
  const lh = await src.read(entry.localHeaderOffset, 30);
  const lv = new DataView(lh.buffer, lh.byteOffset, lh.length);
  if (lh.length < 30 || lv.getUint32(0, true) !== LOCAL) throw corrupt(zip, `the local header of ${entry.path} is missing`);
  const start = entry.localHeaderOffset + 30 + lv.getUint16(26, true) + lv.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > src.size) throw corrupt(zip, `${entry.path} runs past the end of the file`);
  const fed = { bytes: 0 };
  const compressed = inPieces(sliceSource(src, start, end), fed);
  const plain = entry.method === 0 ? compressed : inflater === 'native' ? inflateNative(compressed) : inflateFflate(compressed);
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of plain) {
      size += chunk.length;
      if (size > entry.size) throw corrupt(zip, `${entry.path} should hold ${entry.size} bytes, found more (${size} so far)`);
      if (size > RATIO_CHECK_AFTER && size > MAX_INFLATE_RATIO * fed.bytes) {
        throw new ImportError(
          zip,
          undefined,
          `${entry.path} inflates to more than ${MAX_INFLATE_RATIO} times its compressed size (${formatBytes(size)} from ${formatBytes(fed.bytes)} so far); real MovieLens files compress about 3–6 : 1, so this looks like a zip bomb and was not read further`,
        );
      }
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw corrupt(zip, `${entry.path} does not inflate: ${(e as Error).message}`);
  }
  if (size !== entry.size) throw corrupt(zip, `${entry.path} should hold ${entry.size} bytes, found ${size}`);
  if (crc !== entry.crc) throw corrupt(zip, `${entry.path} fails its CRC-32 check`);
}
