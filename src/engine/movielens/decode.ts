// Text decoding for MovieLens files: strict UTF-8 (ml-latest, ml-10m) and ISO-8859-1 (ml-100k u.item, ml-1m movies.dat).
import { ImportError } from './errors';

export type TextEncoding = 'utf-8' | 'latin1' | 'auto';

/**
 * 'UTF-16LE' or 'UTF-16BE' when the bytes look like UTF-16 text (a byte-order mark, or every other byte of the first
 * 200 zero, as Notepad's "Unicode" and Excel's "Unicode text" write), else null.
 */
export function utf16Kind(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const n = Math.min(bytes.length, 200) & ~1;
  if (n < 4) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const half = n / 2;
  if (zeroOdd >= 0.9 * half && zeroEven === 0) return 'UTF-16LE';
  if (zeroEven >= 0.9 * half && zeroOdd === 0) return 'UTF-16BE';
  return null;
}

/** The refusal for a UTF-16 file: named, with what to do, instead of mojibake. */
export function utf16Error(file: string, kind: 'UTF-16LE' | 'UTF-16BE'): ImportError {
  return new ImportError(file, undefined, `expected UTF-8 text; this file is ${kind.replace('LE', ' (little-endian)').replace('BE', ' (big-endian)')}: save it as UTF-8 (in Excel "CSV UTF-8", in Notepad "UTF-8") and pick it again`);
}

/** Strict UTF-8 without a BOM, or null when the bytes are not valid UTF-8; a file too large for a string is refused. */
function strictUtf8(bytes: Uint8Array, file: string): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    // Only a TypeError means bad bytes; anything else (a string longer than the engine allows) is about size.
    if (e instanceof TypeError) return null;
    throw new ImportError(file, undefined, `the file is too large to read as text (${bytes.length.toLocaleString('en')} bytes)`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes UTF-8 strictly (so a Latin-1 file is reported, not garbled), names UTF-16, and drops a BOM. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const wide = utf16Kind(bytes);
  if (wide) throw utf16Error(file, wide);
  const text = strictUtf8(bytes, file);
  if (text === null) throw new ImportError(file, undefined, 'expected UTF-8 text; the file has bytes that are not valid UTF-8');
  return text;
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
  const wide = utf16Kind(bytes);
  if (wide) throw utf16Error(file, wide);
  if (encoding === 'latin1') return decodeLatin1(bytes);
  if (encoding === 'utf-8') return decodeUtf8(bytes, file);
  return strictUtf8(bytes, file) ?? decodeLatin1(bytes);
}
