// Zip bombs and oversized files made at test time (never committed): a deflate stream of one repeated megabyte, a zip around it declaring its true sizes (or lying), and loose files written or served lazily.
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { ByteSource } from '../src/engine/movielens/source';

const MiB = 1 << 20;
export const GiB = 1 << 30;

/** A zip entry: small text, or `size` bytes of one repeated byte after an optional prefix (a header line). */
export type BombEntry =
  | { path: string; text: string; method?: number }
  | { path: string; fill: number; size: number; prefix?: string; declaredSize?: number; method?: number };

const enc = (s: string) => new TextEncoder().encode(s);
/** Compressed, not final: deflate blocks that can be followed by more (zlib's sync flush). */
const deflatePiece = (b: Uint8Array) => new Uint8Array(deflateRawSync(b, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
/** The empty final block that ends a deflate stream. */
const FINAL_BLOCK = new Uint8Array([3, 0]);

interface Packed {
  path: string;
  method: number;
  crc: number;
  size: number;
  declaredSize: number;
  parts: Uint8Array[];
  compressedSize: number;
}

/** Deflates an entry: a repeated megabyte is compressed once and its blocks repeated, so 3 GiB costs ~3 MB and ~2 s of CRC. */
function pack(e: BombEntry): Packed {
  if (e.method === 0) {
    if (!('text' in e)) throw new Error('stored entries are small texts');
    const b = enc(e.text);
    return { path: e.path, method: 0, crc: crc32(b) >>> 0, size: b.length, declaredSize: b.length, parts: [b], compressedSize: b.length };
  }
  const parts: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  const add = (plain: Uint8Array, times = 1) => {
    if (plain.length === 0) return;
    const block = deflatePiece(plain);
    for (let k = 0; k < times; k++) {
      crc = crc32(plain, crc);
      parts.push(block);
    }
    size += plain.length * times;
  };
  if ('text' in e) add(enc(e.text));
  else {
    add(enc(e.prefix ?? ''));
    const mb = new Uint8Array(MiB).fill(e.fill);
    add(mb, Math.floor(e.size / MiB));
    add(mb.subarray(0, e.size % MiB));
  }
  parts.push(FINAL_BLOCK);
  if (size >= 2 ** 32) throw new Error('bombs stay under 4 GiB (no zip64 here)');
  const declaredSize = 'declaredSize' in e && e.declaredSize !== undefined ? e.declaredSize : size;
  return { path: e.path, method: e.method ?? 8, crc: crc >>> 0, size, declaredSize, parts, compressedSize: parts.reduce((s, p) => s + p.length, 0) };
}

function header(sig: number, fields: [number, 2 | 4][], name: Uint8Array): Uint8Array {
  const len = 4 + fields.reduce((s, [, w]) => s + w, 0);
  const out = new Uint8Array(len + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, sig, true);
  let o = 4;
  for (const [x, w] of fields) {
    if (w === 2) v.setUint16(o, x, true);
    else v.setUint32(o, x >>> 0, true);
    o += w;
  }
  out.set(name, len);
  return out;
}

const packed = new Map<string, Packed>();
/** pack() once per distinct entry in a test run (the CRC of 3 GiB takes a couple of seconds). */
const packOnce = (e: BombEntry): Packed => {
  const key = JSON.stringify(e);
  let p = packed.get(key);
  if (!p) packed.set(key, (p = pack(e)));
  return p;
};

/** The zip's bytes in order: local header + data per entry, central directory, end record. */
export function zipBombParts(entries: BombEntry[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries.map(packOnce)) {
    const name = enc(e.path);
    const common: [number, 2 | 4][] = [[20, 2], [0, 2], [e.method, 2], [0, 2], [0x21, 2], [e.crc, 4], [e.compressedSize, 4], [e.declaredSize, 4], [name.length, 2], [0, 2]];
    const local = header(0x04034b50, common, name);
    central.push(header(0x02014b50, [[20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]], name));
    out.push(local, ...e.parts);
    offset += local.length + e.compressedSize;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  out.push(...central, header(0x06054b50, [[0, 2], [0, 2], [central.length, 2], [central.length, 2], [cdSize, 4], [offset, 4], [0, 2]], new Uint8Array(0)));
  return out;
}

export function zipBombBytes(entries: BombEntry[]): Uint8Array {
  const parts = zipBombParts(entries);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}

/** Writes `size` bytes of one repeated byte (after `prefix`) to a file, a megabyte at a time. */
export function writeRepeatedFile(path: string, fill: number, size: number, prefix = ''): void {
  const fd = openSync(path, 'w');
  try {
    if (prefix) writeSync(fd, enc(prefix));
    const mb = new Uint8Array(MiB).fill(fill);
    for (let left = size; left > 0; left -= MiB) writeSync(fd, mb, 0, Math.min(MiB, left));
  } finally {
    closeSync(fd);
  }
}

/** A loose file of `size` repeated bytes that is never held in memory; `read` counts the bytes handed out. */
export function repeatedSource(name: string, fill: number, size: number, prefix = ''): ByteSource & { bytesRead: number } {
  const head = enc(prefix);
  const src = {
    name,
    size: head.length + size,
    bytesRead: 0,
    read: async (offset: number, length: number) => {
      const n = Math.max(0, Math.min(length, head.length + size - offset));
      const out = new Uint8Array(n).fill(fill);
      for (let i = offset; i < head.length && i - offset < n; i++) out[i - offset] = head[i];
      src.bytesRead += n;
      return out;
    },
  };
  return src;
}

/** A source over bytes in memory that counts what is read from it. */
export function countingSource(name: string, bytes: Uint8Array): ByteSource & { bytesRead: number } {
  const src = {
    name,
    size: bytes.length,
    bytesRead: 0,
    read: async (offset: number, length: number) => {
      const out = bytes.subarray(offset, Math.min(bytes.length, offset + length));
      src.bytesRead += out.length;
      return out;
    },
  };
  return src;
}
