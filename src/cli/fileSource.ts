// Node files as engine ByteSources (read on demand, streamed for long runs), and zip entries through the app's own zip reader.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type { InputFile } from '../engine/movielens/files';
import { collect, type ByteSource } from '../engine/movielens/source';
import { readZipDirectory, zipEntryChunks } from '../engine/movielens/zipReader';

export interface FileSource extends ByteSource {
  close(): void;
}

/** A file on disk as a ByteSource named `name` (what messages call it); close() when done. */
export function fileSource(path: string, name: string): FileSource {
  const fd = openSync(path, 'r');
  const size = statSync(path).size;
  return {
    name,
    size,
    read: async (offset, length) => {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, buf, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
    stream: async function* (start, end) {
      if (end <= start) return;
      for await (const chunk of createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 })) {
        const b = chunk as Buffer;
        yield new Uint8Array(b.buffer, b.byteOffset, b.length);
      }
    },
    close: () => closeSync(fd),
  };
}

/** Every file entry of a zip, read through the app's zip reader (CRC-32 checked, methods named), as whole files. */
export async function readZipFiles(path: string, name: string): Promise<InputFile[]> {
  const src = fileSource(path, name);
  try {
    const out: InputFile[] = [];
    for (const e of await readZipDirectory(src)) {
      if (!e.path.endsWith('/') && !e.path.startsWith('__MACOSX/')) out.push({ path: e.path, bytes: await collect(zipEntryChunks(src, e)) });
    }
    return out;
  } finally {
    src.close();
  }
}
