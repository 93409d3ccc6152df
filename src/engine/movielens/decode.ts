// Text decoding for MovieLens files: strict UTF-8 (ml-latest, ml-10m) and ISO-8859-1 (ml-100k u.item, ml-1m movies.dat).
import { ImportError } from './errors';

export type TextEncoding = 'utf-8' | 'latin1' | 'auto';

/** Decodes UTF-8 strictly (so a Latin-1 file is reported, not garbled) and drops a BOM. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new ImportError(file, undefined, 'expected UTF-8 text; the file has bytes that are not valid UTF-8');
  }
}

/** ISO-8859-1: every byte is the code point of the same number (no Windows-1252 remapping). */
export function decodeLatin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let o = 0; o < bytes.length; o += 8192) {
    parts.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(o, o + 8192))));
  }
  return parts.join('');
}

/** 'auto' reads UTF-8 when the bytes are valid UTF-8 and ISO-8859-1 otherwise (ml-1m vs ml-10m movies.dat). */
export function decodeText(bytes: Uint8Array, file: string, encoding: TextEncoding): string {
  if (encoding === 'latin1') return decodeLatin1(bytes);
  if (encoding === 'utf-8') return decodeUtf8(bytes, file);
  try {
    return decodeUtf8(bytes, file);
  } catch {
    return decodeLatin1(bytes);
  }
}
