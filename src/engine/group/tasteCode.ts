// A person's taste as short text ("PL1.…"): ratings and hidden movies packed, deflated, checksummed; strict, bounded decoding.
import { deflateSync, Inflate } from 'fflate';
import { ImportError } from '../movielens/errors';
import { crc32 } from '../movielens/crc32';
import { Base64urlError, decodeBase64url, encodeBase64url } from './base64url';

/** What a taste code carries: half-star ratings and "not interested" marks by MovieLens movieId, and an optional name. */
export interface TasteProfile {
  /** The name the person chose to show ("Sam"); null when none. */
  name: string | null;
  /** Sorted by movieId, each movie once, ratings 0.5–5 in half stars. */
  ratings: { movieId: number; rating: number }[];
  /** movieIds the person hid ("not interested"), sorted, each once. */
  hidden: number[];
}

/** Every code starts with this: "PL" (PocketLens), the format version, a dot. */
export const TASTE_CODE_PREFIX = 'PL1.';

/** Bounds a code is held to, encoding and decoding alike. */
export const TASTE_CODE_LIMITS = Object.freeze({
  /** Ratings in one code. */
  ratings: 10_000,
  /** Hidden movies in one code. */
  hidden: 10_000,
  /** UTF-8 bytes of the name. */
  nameBytes: 40,
  /** Characters of a code (a full code of 10,000 ratings and 10,000 hidden movies is far below this). */
  chars: 100_000,
  /** Bytes the packed ratings may inflate to: the largest payload the limits above allow (ids up to 2^53 take 8 bytes). */
  payloadBytes: 3 * 8 + 40 + 10_000 * 8 + 5_000 + 10_000 * 8,
});

/** Packing of the payload inside a code (byte 0 of the decoded body). */
const STORED = 0;
const DEFLATED = 1;
const CHECKSUM_BYTES = 4;

/** A taste code that cannot be read: where (1-based character of the text as given, when it is known) and what is wrong. */
export class TasteCodeError extends ImportError {
  constructor(
    readonly position: number | null,
    problem: string,
  ) {
    super('taste code', undefined, problem);
    this.name = 'TasteCodeError';
    this.message = `taste code${position !== null ? `, character ${position}` : ''}: ${problem}`;
  }
}

const isHalfStar = (x: number) => x >= 0.5 && x <= 5 && x * 2 === Math.round(x * 2);
const isMovieId = (x: number) => Number.isSafeInteger(x) && x >= 0;
/** Control characters and the bidi overrides that could make a name read as something else. */
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

class Writer {
  private buf = new Uint8Array(256);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** Unsigned LEB128 up to 2^53 (multiplication, not 32-bit shifts). */
  varint(x: number): void {
    while (x >= 128) {
      this.byte((x % 128) | 128);
      x = Math.floor(x / 128);
    }
    this.byte(x);
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * Encodes a person's ratings (and hidden movies, and a name) as a taste code. Ids are sorted and delta-encoded as
 * varints, stars packed two to a byte (half stars × 2 = 1…10), then deflated when that is shorter, with a CRC-32.
 * Input the code could not carry (a rating off the half-star scale, a movie twice, more than the limits) is a RangeError.
 */
export function encodeTasteCode(profile: { ratings: readonly { movieId: number; rating: number }[]; hidden?: readonly number[]; name?: string | null }): string {
  const L = TASTE_CODE_LIMITS;
  const ratings = [...profile.ratings].sort((a, b) => a.movieId - b.movieId);
  const hidden = [...(profile.hidden ?? [])].sort((a, b) => a - b);
  if (ratings.length > L.ratings) throw new RangeError(`a taste code holds at most ${L.ratings.toLocaleString('en')} ratings, got ${ratings.length.toLocaleString('en')}`);
  if (hidden.length > L.hidden) throw new RangeError(`a taste code holds at most ${L.hidden.toLocaleString('en')} hidden movies, got ${hidden.length.toLocaleString('en')}`);
  ratings.forEach((r, k) => {
    if (!isMovieId(r.movieId)) throw new RangeError(`movieId must be a whole number from 0, got ${r.movieId}`);
    if (!isHalfStar(r.rating)) throw new RangeError(`movie ${r.movieId}: rating must be 0.5 to 5 in half stars, got ${r.rating}`);
    if (k > 0 && ratings[k - 1].movieId === r.movieId) throw new RangeError(`movie ${r.movieId} is rated twice`);
  });
  hidden.forEach((id, k) => {
    if (!isMovieId(id)) throw new RangeError(`hidden movieId must be a whole number from 0, got ${id}`);
    if (k > 0 && hidden[k - 1] === id) throw new RangeError(`movie ${id} is hidden twice`);
  });
  const name = (profile.name ?? '').trim();
  const nameBytes = new TextEncoder().encode(name);
  if (nameBytes.length > L.nameBytes) throw new RangeError(`the name is ${nameBytes.length} bytes in UTF-8; at most ${L.nameBytes}`);
  if (UNSAFE_NAME.test(name)) throw new RangeError('the name has control or text-direction characters');

  const w = new Writer();
  w.varint(ratings.length);
  w.varint(hidden.length);
  w.varint(nameBytes.length);
  w.bytes(nameBytes);
  ratings.forEach((r, k) => w.varint(k === 0 ? r.movieId : r.movieId - ratings[k - 1].movieId - 1));
  for (let k = 0; k < ratings.length; k += 2) w.byte(((ratings[k].rating * 2) << 4) | (k + 1 < ratings.length ? ratings[k + 1].rating * 2 : 0));
  hidden.forEach((id, k) => w.varint(k === 0 ? id : id - hidden[k - 1] - 1));
  const payload = w.done();

  const packed = deflateSync(payload, { level: 9 });
  const [format, data] = packed.length < payload.length ? [DEFLATED, packed] : [STORED, payload];
  const body = new Uint8Array(1 + data.length + CHECKSUM_BYTES);
  body[0] = format;
  body.set(data, 1);
  new DataView(body.buffer).setUint32(1 + data.length, crc32(body.subarray(0, 1 + data.length)));
  return TASTE_CODE_PREFIX + encodeBase64url(body);
}

/** Inflates at most `limit` bytes, feeding the input 64 bytes at a time so a crafted code stops early (never a zip bomb). */
function boundedInflate(data: Uint8Array, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new TasteCodeError(null, `the packed ratings unpack to more than ${limit.toLocaleString('en')} bytes, more than any real code holds`);
    parts.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let k = 0; k < data.length; k += 64) inflate.push(data.subarray(k, k + 64), k + 64 >= data.length);
  } catch (e) {
    if (e instanceof TasteCodeError) throw e;
    const why = (e as Error).message;
    if (/unexpected EOF/i.test(why)) throw new TasteCodeError(null, 'the packed ratings end early: the code was cut short');
    throw new TasteCodeError(null, `the packed ratings are damaged (${why})`);
  }
  if (!ended) throw new TasteCodeError(null, 'the packed ratings end early: the code was cut short');
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Reads the payload strictly: every count within its limit, every field where expected, nothing left over. */
function readPayload(p: Uint8Array): TasteProfile {
  const L = TASTE_CODE_LIMITS;
  let at = 0;
  /** Where the field being read starts: what an error points at. */
  let field = 0;
  const fail = (what: string): never => {
    throw new TasteCodeError(null, `${what} (byte ${field + 1} of ${p.length} unpacked)`);
  };
  const varint = (what: string): number => {
    field = at;
    let x = 0;
    let scale = 1;
    for (let k = 0; ; k++) {
      if (at >= p.length) return fail(`the data ends inside ${what}: the code was cut short`);
      const b = p[at++];
      x += (b & 127) * scale;
      if (b < 128) {
        if (k > 0 && b === 0) return fail(`${what} is written with a needless extra byte`);
        break;
      }
      scale *= 128;
      if (k >= 7) return fail(`${what} is longer than any movie id`);
    }
    if (!Number.isSafeInteger(x)) fail(`${what} is larger than any movie id`);
    return x;
  };
  const nRatings = varint('the number of ratings');
  if (nRatings > L.ratings) fail(`the code says it holds ${nRatings.toLocaleString('en')} ratings; at most ${L.ratings.toLocaleString('en')} are allowed`);
  const nHidden = varint('the number of hidden movies');
  if (nHidden > L.hidden) fail(`the code says it holds ${nHidden.toLocaleString('en')} hidden movies; at most ${L.hidden.toLocaleString('en')} are allowed`);
  const nameLength = varint('the length of the name');
  if (nameLength > L.nameBytes) fail(`the name is ${nameLength} bytes; at most ${L.nameBytes} are allowed`);
  field = at;
  if (at + nameLength > p.length) fail('the data ends inside the name: the code was cut short');
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(p.subarray(at, at + nameLength));
  } catch {
    return fail('the name is not valid UTF-8');
  }
  if (UNSAFE_NAME.test(name)) fail('the name has control or text-direction characters');
  at += nameLength;
  const ids: number[] = [];
  for (let k = 0; k < nRatings; k++) {
    const d = varint(`the id of rating ${k + 1}`);
    const id = k === 0 ? d : ids[k - 1] + 1 + d;
    if (!Number.isSafeInteger(id)) fail(`rating ${k + 1}: the movie id is larger than any movie id`);
    ids.push(id);
  }
  const starBytes = Math.ceil(nRatings / 2);
  field = at;
  if (at + starBytes > p.length) fail('the data ends inside the stars: the code was cut short');
  const ratings = ids.map((movieId, k) => {
    const b = p[at + (k >> 1)];
    const x2 = k % 2 === 0 ? b >> 4 : b & 15;
    if (x2 < 1 || x2 > 10) {
      field = at + (k >> 1);
      fail(`rating ${k + 1} (movie ${movieId}): expected 1 to 10 half stars, found ${x2}`);
    }
    return { movieId, rating: x2 / 2 };
  });
  if (nRatings % 2 === 1 && (p[at + starBytes - 1] & 15) !== 0) {
    field = at + starBytes - 1;
    fail('the unused half of the last star byte is not zero');
  }
  at += starBytes;
  const hidden: number[] = [];
  for (let k = 0; k < nHidden; k++) {
    const d = varint(`hidden movie ${k + 1}`);
    const id = k === 0 ? d : hidden[k - 1] + 1 + d;
    if (!Number.isSafeInteger(id)) fail(`hidden movie ${k + 1}: the movie id is larger than any movie id`);
    hidden.push(id);
  }
  field = at;
  if (at !== p.length) fail(`${p.length - at} unexpected bytes after the last field`);
  return { name: name === '' ? null : name, ratings, hidden };
}

/** True when the text looks like a taste code of any version ("PL" + digits + "."), so callers can tell it from a backup file. */
export function looksLikeTasteCode(text: string): boolean {
  return /^\s*PL\d+\./.test(text);
}

/**
 * Decodes a taste code. Spaces and line breaks anywhere are ignored (codes get wrapped when pasted); anything else
 * that is not exactly what `encodeTasteCode` writes is a TasteCodeError naming the character (1-based, as given)
 * or the field: not a code, another version, a bad character, cut short, a checksum that does not match, more
 * ratings or bytes than the limits, a rating off the half-star scale, bytes left over.
 */
export function decodeTasteCode(text: string): TasteProfile {
  const L = TASTE_CODE_LIMITS;
  if (text.length > L.chars) {
    throw new TasteCodeError(null, `the text is ${text.length.toLocaleString('en')} characters; a taste code is at most ${L.chars.toLocaleString('en')}`);
  }
  const where: number[] = [];
  let clean = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    clean += c;
    where.push(k + 1);
  }
  if (clean === '') throw new TasteCodeError(null, `the text is empty; expected a code starting with "${TASTE_CODE_PREFIX}"`);
  const version = /^PL(\d+)\./.exec(clean);
  if (version && version[0] !== TASTE_CODE_PREFIX) {
    throw new TasteCodeError(where[0], `this is a version ${version[1]} taste code; this PocketLens reads version 1 ("${TASTE_CODE_PREFIX}…"): update the app that reads it`);
  }
  if (!version) {
    const hint = clean.startsWith('{') ? ' (this looks like a backup file: open it as a file instead)' : '';
    throw new TasteCodeError(where[0], `expected a PocketLens taste code starting with "${TASTE_CODE_PREFIX}", found ${JSON.stringify(clean.slice(0, 12))}${hint}`);
  }
  const start = TASTE_CODE_PREFIX.length;
  let body: Uint8Array;
  try {
    body = decodeBase64url(clean.slice(start));
  } catch (e) {
    if (!(e instanceof Base64urlError)) throw e;
    throw new TasteCodeError(where[start + e.index] ?? null, e.message);
  }
  if (body.length < 1 + 1 + CHECKSUM_BYTES) throw new TasteCodeError(null, `the code is too short (${body.length} bytes after the prefix): it was cut short`);
  const end = body.length - CHECKSUM_BYTES;
  const expected = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(end);
  if (crc32(body.subarray(0, end)) !== expected) {
    throw new TasteCodeError(null, 'the checksum does not match: a character was changed, lost or added (copy the whole code again)');
  }
  const format = body[0];
  const data = body.subarray(1, end);
  if (format === STORED) {
    if (data.length > L.payloadBytes) throw new TasteCodeError(null, `the ratings take ${data.length.toLocaleString('en')} bytes, more than any real code holds`);
    return readPayload(data);
  }
  if (format === DEFLATED) return readPayload(boundedInflate(data, L.payloadBytes));
  throw new TasteCodeError(null, `unknown packing ${format}; this PocketLens reads packings 0 and 1`);
}
