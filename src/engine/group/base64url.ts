// Strict base64url (RFC 4648 §5, no padding): encodes bytes, and decodes only the canonical text, naming the bad position.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let k = 0; k < 64; k++) VALUE[ALPHABET.charCodeAt(k)] = k;

/** Bytes → base64url without padding. */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  let k = 0;
  for (; k + 3 <= bytes.length; k += 3) {
    const v = (bytes[k] << 16) | (bytes[k + 1] << 8) | bytes[k + 2];
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
  }
  const rest = bytes.length - k;
  if (rest === 1) {
    const v = bytes[k] << 16;
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63];
  } else if (rest === 2) {
    const v = (bytes[k] << 16) | (bytes[k + 1] << 8);
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63];
  }
  return out;
}

/** Why a text is not canonical base64url: the 0-based index of the offending character and what was expected. */
export class Base64urlError extends Error {
  constructor(
    readonly index: number,
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'Base64urlError';
  }
}

/**
 * base64url without padding → bytes. Refuses any character outside A–Z a–z 0–9 - _ (padding "=" included), a
 * length that leaves a single character over, and unused low bits that are not zero (so each byte string has
 * exactly one text: a changed character never decodes to the same bytes).
 */
export function decodeBase64url(text: string): Uint8Array {
  const n = text.length;
  if (n % 4 === 1) throw new Base64urlError(n - 1, `${n} characters cannot be base64url (a length of 4k + 1 is never produced): the text looks cut short or has an extra character`);
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  const at = (k: number): number => {
    const c = text.charCodeAt(k);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) throw new Base64urlError(k, `expected a base64url character (A–Z, a–z, 0–9, - or _), found ${JSON.stringify(text[k])}`);
    return v;
  };
  let o = 0;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const v = (at(k) << 18) | (at(k + 1) << 12) | (at(k + 2) << 6) | at(k + 3);
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = n - k;
  if (rest === 2) {
    const a = at(k);
    const b = at(k + 1);
    if (b & 15) throw new Base64urlError(k + 1, 'the last character has bits set that encode nothing: the text was changed or cut short');
    out[o++] = (a << 2) | (b >> 4);
  } else if (rest === 3) {
    const a = at(k);
    const b = at(k + 1);
    const c = at(k + 2);
    if (c & 3) throw new Base64urlError(k + 2, 'the last character has bits set that encode nothing: the text was changed or cut short');
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}
