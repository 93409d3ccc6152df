// Taste codes: exact round trips, real sizes, and every damaged, foreign, oversized or crafted code refused with where and why.
import fc from 'fast-check';
import { fuzzParams } from '../../../fuzz';
import { deflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { encodeBase64url } from '../../../../src/engine/group/base64url';
import { decodeTasteCode, encodeTasteCode, looksLikeTasteCode, TASTE_CODE_LIMITS, TasteCodeError, type TasteProfile } from '../../../../src/engine/group/tasteCode';
import { crc32 } from '../../../../src/engine/movielens/crc32';
import { ImportError } from '../../../../src/engine/movielens/errors';
import { createRng } from '../../../../src/engine/als/random';
import { sampleFiles, sampleZipPath } from '../../../sample';
import { parseRatingsCsv } from '../../../../src/engine/movielens/ratingsCsv';

const refusal = (code: string): TasteCodeError => {
  try {
    decodeTasteCode(code);
  } catch (e) {
    expect(e).toBeInstanceOf(TasteCodeError);
    expect(e).toBeInstanceOf(ImportError);
    return e as TasteCodeError;
  }
  throw new Error(`expected the code ${code.slice(0, 40)}… to be refused`);
};

/** Varints as the format writes them, for hand-made payloads. */
function varints(...xs: number[]): number[] {
  const out: number[] = [];
  for (let x of xs) {
    while (x >= 128) {
      out.push((x % 128) | 128);
      x = Math.floor(x / 128);
    }
    out.push(x);
  }
  return out;
}

/** A code around any payload (deflated for packing 1 unless raw) with a correct checksum: what a deliberately crafted code looks like. */
function craft(payload: ArrayLike<number>, packing = 0, opts: { raw?: boolean } = {}): string {
  const data = packing === 1 && !opts.raw ? deflateSync(Uint8Array.from(payload)) : Uint8Array.from(payload);
  const body = new Uint8Array(1 + data.length + 4);
  body[0] = packing;
  body.set(data, 1);
  new DataView(body.buffer).setUint32(1 + data.length, crc32(body.subarray(0, 1 + data.length)));
  return 'PL1.' + encodeBase64url(body);
}

const profileArb: fc.Arbitrary<TasteProfile> = fc.record({
  name: fc.option(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s)), { nil: null }),
  ratings: fc
    .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.constant(Number.MAX_SAFE_INTEGER)), { maxLength: 120 })
    .chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.integer({ min: 1, max: 10 }), { minLength: ids.length, maxLength: ids.length })))
    .map(([ids, x2]) => ids.map((movieId, k) => ({ movieId, rating: x2[k] / 2 })).sort((a, b) => a.movieId - b.movieId)),
  hidden: fc.uniqueArray(fc.integer({ min: 0, max: 300_000 }), { maxLength: 30 }).map((h) => h.sort((a, b) => a - b)),
});

describe('round trip', () => {
  test('any ratings, hidden movies and name come back exactly, sorted by movieId', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const code = encodeTasteCode({ ratings: [...p.ratings].reverse(), hidden: [...p.hidden].reverse(), name: p.name });
        expect(code).toMatch(/^PL1\.[A-Za-z0-9_-]+$/);
        expect(decodeTasteCode(code)).toEqual(p);
      }),
      fuzzParams(300),
    );
  });

  test('a code pasted with line breaks and spaces (wrapped by a chat app) reads the same', () => {
    const code = encodeTasteCode({ ratings: [{ movieId: 2571, rating: 4.5 }, { movieId: 1, rating: 3 }], hidden: [296], name: 'Sam' });
    const wrapped = `  ${code.slice(0, 10)}\n${code.slice(10, 20)} \r\n${code.slice(20)}\n`;
    expect(decodeTasteCode(wrapped)).toEqual({ name: 'Sam', ratings: [{ movieId: 1, rating: 3 }, { movieId: 2571, rating: 4.5 }], hidden: [296] });
    expect(looksLikeTasteCode(wrapped)).toBe(true);
    expect(looksLikeTasteCode('{"format":"pocketlens-backup"}')).toBe(false);
  });

  test('small for what people rate: 10 ratings in 40 characters, 100 popular movies under 300', () => {
    const ten = encodeTasteCode({ ratings: [1, 260, 296, 318, 356, 480, 593, 1196, 2571, 2959].map((movieId, k) => ({ movieId, rating: [4, 5, 4.5, 5, 4, 3.5, 4, 5, 4.5, 4][k] })) });
    expect(ten.length).toBeLessThanOrEqual(40);
    const rng = createRng(5);
    const hundred = Array.from({ length: 100 }, (_, k) => ({ movieId: 1 + k * 37, rating: (1 + rng.int(10)) / 2 }));
    expect(encodeTasteCode({ ratings: hundred }).length).toBeLessThan(300);
  });

  test.runIf(sampleZipPath)('real people (ml-latest-small): 300 of a user\'s ratings fit the largest QR code at level M (2,331 bytes)', () => {
    const raw = parseRatingsCsv(sampleFiles()['ratings.csv'], 'ratings.csv');
    const byUser = new Map<number, { movieId: number; rating: number }[]>();
    for (let k = 0; k < raw.length; k++) {
      const list = byUser.get(raw.userIds[k]) ?? [];
      list.push({ movieId: raw.movieIds[k], rating: raw.ratings[k] });
      byUser.set(raw.userIds[k], list);
    }
    const heavy = [...byUser.values()].filter((r) => r.length >= 300);
    expect(heavy.length).toBeGreaterThan(50);
    for (const ratings of heavy) {
      const code = encodeTasteCode({ ratings: ratings.slice(-300), name: 'Alexandra' });
      expect(code.length).toBeLessThanOrEqual(2331);
      expect(decodeTasteCode(code).ratings).toHaveLength(300);
    }
  });
});

describe('damaged codes are refused, never misread', () => {
  const code = encodeTasteCode({ ratings: Array.from({ length: 40 }, (_, k) => ({ movieId: 10 + k * 11, rating: ((k % 10) + 1) / 2 })), hidden: [5, 7], name: 'Kim' });

  test('every single changed character is refused (checksum, alphabet or prefix)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    for (let k = 0; k < code.length; k++) {
      for (const c of [alphabet[(alphabet.indexOf(code[k]) + 1) % alphabet.length], alphabet[(alphabet.indexOf(code[k]) + 29) % alphabet.length]]) {
        if (c === code[k]) continue;
        refusal(code.slice(0, k) + c + code.slice(k + 1));
      }
    }
  });

  test('a code cut short anywhere, or with characters lost or added, is refused', () => {
    for (let n = 0; n < code.length; n++) refusal(code.slice(0, n));
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('A', 'g', '-', '_', '0'), fc.boolean(), (at, c, drop) => {
        const k = 4 + (at % (code.length - 4));
        refusal(drop ? code.slice(0, k) + code.slice(k + 1) : code.slice(0, k) + c + code.slice(k));
      }),
      fuzzParams(300),
    );
  });

  test('the refusal says where and what', () => {
    expect(refusal(code.slice(0, 20) + '*' + code.slice(21)).message).toBe('taste code, character 21: expected a base64url character (A–Z, a–z, 0–9, - or _), found "*"');
    expect(refusal(`\n  ${code.slice(0, 20)}=${code.slice(21)}`).position).toBe(24);
    expect(refusal('PL2.AAAA').message).toBe('taste code, character 1: this is a version 2 taste code; this PocketLens reads version 1 ("PL1.…"): update the app that reads it');
    expect(refusal('hello there').message).toBe('taste code, character 1: expected a PocketLens taste code starting with "PL1.", found "hellothere"');
    expect(refusal('{"format": "pocketlens-backup"}').message).toMatch(/this looks like a backup file: open it as a file instead\)$/);
    expect(refusal('   ').message).toBe('taste code: the text is empty; expected a code starting with "PL1."');
    expect(refusal(code.slice(0, -3) + (code.endsWith('AAA') ? 'BAA' : 'AAA')).message).toBe(
      'taste code: the checksum does not match: a character was changed, lost or added (copy the whole code again)',
    );
    expect(refusal('PL1.AAAA').message).toMatch(/^taste code: the code is too short \(3 bytes after the prefix\)/);
  });

  test('any text at all: decoded exactly or refused with a TasteCodeError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => 'PL1.' + s), fc.uint8Array().map((b) => 'PL1.' + encodeBase64url(b))), (text) => {
        try {
          decodeTasteCode(text);
        } catch (e) {
          expect(e).toBeInstanceOf(TasteCodeError);
        }
      }),
      fuzzParams(500),
    );
  });
});

describe('crafted codes (right checksum, wrong content) are refused with the field at fault', () => {
  test('the hand-made payload format reads as the encoder writes it', () => {
    // 2 ratings, 1 hidden, name "Al"; ids 1 and 1 + 1 + 2569 = 2571; stars 8 (4) and 9 (4.5); hidden 296.
    expect(decodeTasteCode(craft([...varints(2, 1, 2), 65, 108, ...varints(1, 2569), 0x89, ...varints(296)]))).toEqual({
      name: 'Al',
      ratings: [{ movieId: 1, rating: 4 }, { movieId: 2571, rating: 4.5 }],
      hidden: [296],
    });
  });

  test('more ratings or hidden movies than the limits, a long name', () => {
    expect(refusal(craft(varints(10_001, 0, 0))).message).toBe('taste code: the code says it holds 10,001 ratings; at most 10,000 are allowed (byte 1 of 4 unpacked)');
    expect(refusal(craft(varints(0, 10_001, 0))).message).toMatch(/holds 10,001 hidden movies; at most 10,000/);
    expect(refusal(craft([...varints(0, 0, 41), ...new Array(41).fill(65)])).message).toMatch(/the name is 41 bytes; at most 40/);
  });

  test('a zip bomb stops at the size limit', () => {
    // 5 MB of zeros deflate to a few kilobytes: a short code that would unpack to 30 times the largest real payload.
    const bomb = craft(new Uint8Array(5_000_000), 1);
    expect(bomb.length).toBeLessThan(10_000);
    expect(refusal(bomb).message).toBe(`taste code: the packed ratings unpack to more than ${TASTE_CODE_LIMITS.payloadBytes.toLocaleString('en')} bytes, more than any real code holds`);
  });

  test('stars off the scale, a non-zero pad, bytes left over, bad varints, bad names, damaged deflate, unknown packing', () => {
    expect(refusal(craft([...varints(1, 0, 0, 7), 0xb0])).message).toBe('taste code: rating 1 (movie 7): expected 1 to 10 half stars, found 11 (byte 5 of 5 unpacked)');
    expect(refusal(craft([...varints(2, 0, 0, 7, 0), 0x80])).message).toMatch(/rating 2 \(movie 8\): expected 1 to 10 half stars, found 0/);
    expect(refusal(craft([...varints(1, 0, 0, 7), 0x81])).message).toMatch(/the unused half of the last star byte is not zero/);
    expect(refusal(craft([...varints(1, 0, 0, 7), 0x80, 0])).message).toMatch(/1 unexpected bytes after the last field/);
    expect(refusal(craft([0x81, 0x00, 0, 0])).message).toMatch(/the number of ratings is written with a needless extra byte/);
    expect(refusal(craft([...varints(1, 0, 0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x80])).message).toMatch(/the id of rating 1 is longer than any movie id/);
    expect(refusal(craft([...varints(2, 0, 0, Number.MAX_SAFE_INTEGER, 0), 0x88])).message).toMatch(/rating 2: the movie id is larger than any movie id/);
    expect(refusal(craft([...varints(1, 0, 0)])).message).toMatch(/the data ends inside the id of rating 1: the code was cut short/);
    expect(refusal(craft([...varints(0, 0, 2), 0xc3, 0x28])).message).toMatch(/the name is not valid UTF-8/);
    expect(refusal(craft([...varints(0, 0, 3), 0xe2, 0x80, 0xae])).message).toMatch(/the name has control or text-direction characters/);
    expect(refusal(craft([0xff, 0x01, 0x02], 1, { raw: true })).message).toMatch(/^taste code: the packed ratings are damaged \(/);
    expect(refusal(craft(deflateSync(Uint8Array.from(varints(0, 0, 0))).subarray(0, 1), 1, { raw: true })).message).toBe('taste code: the packed ratings end early: the code was cut short');
    expect(refusal(craft([0, 0, 0], 7)).message).toBe('taste code: unknown packing 7; this PocketLens reads packings 0 and 1');
  });

  test('a text longer than any code is refused before it is read', () => {
    expect(refusal('PL1.' + 'A'.repeat(TASTE_CODE_LIMITS.chars)).message).toBe('taste code: the text is 100,004 characters; a taste code is at most 100,000');
  });
});

describe('what a code cannot carry is refused when encoding', () => {
  test('off-scale ratings, a movie twice, bad ids, too many, a long or unsafe name', () => {
    expect(() => encodeTasteCode({ ratings: [{ movieId: 1, rating: 4.2 }] })).toThrow('movie 1: rating must be 0.5 to 5 in half stars, got 4.2');
    expect(() => encodeTasteCode({ ratings: [{ movieId: 1, rating: 4 }, { movieId: 1, rating: 3 }] })).toThrow('movie 1 is rated twice');
    expect(() => encodeTasteCode({ ratings: [{ movieId: -3, rating: 4 }] })).toThrow('movieId must be a whole number from 0, got -3');
    expect(() => encodeTasteCode({ ratings: [], hidden: [4, 4] })).toThrow('movie 4 is hidden twice');
    expect(() => encodeTasteCode({ ratings: Array.from({ length: 10_001 }, (_, k) => ({ movieId: k, rating: 3 })) })).toThrow('a taste code holds at most 10,000 ratings, got 10,001');
    expect(() => encodeTasteCode({ ratings: [], name: 'x'.repeat(41) })).toThrow('the name is 41 bytes in UTF-8; at most 40');
    expect(() => encodeTasteCode({ ratings: [], name: 'Sam\u202eevil' })).toThrow('the name has control or text-direction characters');
  });

  test('the largest code the limits allow still decodes (10,000 ratings and 10,000 hidden movies)', () => {
    const rng = createRng(9);
    const ratings = Array.from({ length: 10_000 }, (_, k) => ({ movieId: k * 29 + rng.int(29), rating: (1 + rng.int(10)) / 2 }));
    const hidden = Array.from({ length: 10_000 }, (_, k) => 1_000_000 + k * 3);
    const code = encodeTasteCode({ ratings, hidden, name: 'x'.repeat(40) });
    expect(code.length).toBeLessThan(TASTE_CODE_LIMITS.chars);
    expect(decodeTasteCode(code)).toEqual({ name: 'x'.repeat(40), ratings, hidden });
  });
});
