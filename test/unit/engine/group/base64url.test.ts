// Strict base64url: the same text as Node's encoder, exact round trips, and every non-canonical text refused with its position.
import fc from 'fast-check';
import { fuzzParams } from '../../../fuzz';
import { describe, expect, test } from 'vitest';
import { Base64urlError, decodeBase64url, encodeBase64url } from '../../../../src/engine/group/base64url';

const errorOf = (text: string): Base64urlError => {
  try {
    decodeBase64url(text);
  } catch (e) {
    expect(e).toBeInstanceOf(Base64urlError);
    return e as Base64urlError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
};

describe('base64url', () => {
  test('encodes exactly as Node does (no padding) and decodes back, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(text)).toEqual(bytes);
      }),
      fuzzParams(500),
    );
  });

  test('known vectors from RFC 4648 (base64url alphabet, padding dropped)', () => {
    const ascii = (s: string) => new TextEncoder().encode(s);
    for (const [plain, coded] of [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ] as const) {
      expect(encodeBase64url(ascii(plain))).toBe(coded);
      expect(decodeBase64url(coded)).toEqual(ascii(plain));
    }
    expect(encodeBase64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });

  test('refuses characters outside the alphabet, padding, a 4k+1 length and stray low bits, naming the position', () => {
    expect(errorOf('Zm9v+mFy')).toMatchObject({ index: 4, message: 'expected a base64url character (A–Z, a–z, 0–9, - or _), found "+"' });
    expect(errorOf('Zg==').index).toBe(2);
    expect(errorOf('Zm9vY').message).toMatch(/^5 characters cannot be base64url/);
    expect(errorOf('Zh')).toMatchObject({ index: 1, message: 'the last character has bits set that encode nothing: the text was changed or cut short' });
    expect(errorOf('Zm9')).toMatchObject({ index: 2 });
    expect(errorOf('Zm9vé').index).toBe(4);
  });

  test('no two texts decode to the same bytes (each byte string has one spelling)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: 0, max: 63 }), (bytes, at, v) => {
        const text = encodeBase64url(bytes);
        const k = at % text.length;
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const other = text.slice(0, k) + alphabet[v] + text.slice(k + 1);
        if (other === text) return;
        let decoded: Uint8Array | null = null;
        try {
          decoded = decodeBase64url(other);
        } catch (e) {
          expect(e).toBeInstanceOf(Base64urlError);
        }
        if (decoded) expect(decoded).not.toEqual(bytes);
      }),
      fuzzParams(500),
    );
  });
});
