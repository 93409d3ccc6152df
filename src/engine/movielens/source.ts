// Random-access byte sources (a File/Blob in the worker, a file in Node, bytes in memory) that the import reads slice by slice.

export interface ByteSource {
  /** File name as the person gave it (or the zip entry path). */
  name: string;
  size: number;
  /** Bytes [offset, offset + length) clipped to the end; resolves with fewer bytes only at the end. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Optional sequential reader of [start, end), when the platform streams faster than it answers slice requests. */
  stream?(start: number, end: number): AsyncIterable<Uint8Array>;
}

export function memorySource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** Bytes the import reads from a source (or a zip entry's compressed data) at a time, unless told otherwise. */
export const SLICE_BYTES = 4 << 20;

/** Reads [start, end) of a source in slices of `slice` bytes, keeping `ahead` more slices requested while one is consumed. */
export async function* sliceSource(src: ByteSource, start = 0, end = src.size, slice = SLICE_BYTES, ahead = 3): AsyncGenerator<Uint8Array> {
  if (src.stream) {
    yield* src.stream(start, end);
    return;
  }
  let off = start;
  const queue: Promise<Uint8Array>[] = [];
  const request = () => {
    if (off >= end) return;
    const p = src.read(off, Math.min(slice, end - off));
    p.catch(() => {}); // observed when awaited; this only keeps an abandoned read-ahead from surfacing as unhandled
    queue.push(p);
    off += slice;
  };
  for (let k = 0; k <= ahead; k++) request();
  while (queue.length) {
    const part = await queue.shift()!;
    request();
    if (part.length === 0) return;
    yield part;
  }
}

/** Concatenates an async stream of chunks into one array (for the small text files). */
export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const c of chunks) {
    parts.push(c);
    n += c.length;
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
