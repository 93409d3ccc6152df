// Test helper for the fuzz properties: valid MovieLens files generated from a seed, byte mutations that break them, and
// the one allowed way to fail (an ImportError naming the file, a line inside it where there is one, and what was expected).
import fc from 'fast-check';
import { expect } from 'vitest';
import { ImportError } from '../src/engine/movielens/errors';
import type { RatingsFormat } from '../src/engine/movielens/ratingsParser';

export const enc = (s: string) => new TextEncoder().encode(s);
/** UTF-8 decoding that keeps a BOM (so line texts match the bytes the parser saw). */
export const dec = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

/** fast-check settings shared by the fuzz files: bounded by a number of runs (never by time), so each property takes seconds. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/**
 * One fixed seed for every fuzz property, so a run checks the same inputs each time and a pass never depends on luck
 * (counts such as "at least a third refused" included). FUZZ_SEED=<n> searches elsewhere; a failure prints the seed
 * and path that replay it.
 */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_251_123);

/** fast-check parameters: `numRuns` cases from the fixed seed. */
export const fuzzParams = (numRuns: number): { numRuns: number; seed: number } => ({ numRuns, seed: SEED });

/** One rating row, in MovieLens ids and stars. */
export interface Row {
  user: number;
  movie: number;
  stars: number;
  ts: number;
}

export const rowArb: fc.Arbitrary<Row> = fc.record({
  user: fc.integer({ min: 1, max: 40 }),
  movie: fc.integer({ min: 1, max: 60 }),
  stars: fc.integer({ min: 1, max: 10 }).map((h) => h / 2),
  // Mostly real times; now and then one past 2106 (10 digits, more than 32 bits), which the store keeps as Float64.
  ts: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9_999_999_999 }) }),
});

export const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 40 });

const SEP: Record<RatingsFormat, string> = { csv: ',', tab: '\t', dat: '::' };
export const RATINGS_HEADER = 'userId,movieId,rating,timestamp';

/** A valid ratings file of `format` holding `rows` (dat and tab whole stars only when `whole`). */
export function ratingsText(rows: Row[], format: RatingsFormat, nl = '\n'): string {
  const s = SEP[format];
  const lines = rows.map((r) => [r.user, r.movie, format === 'csv' ? r.stars.toFixed(1) : String(r.stars), r.ts].join(s));
  return (format === 'csv' ? [RATINGS_HEADER, ...lines] : lines).join(nl) + nl;
}

export interface MovieSpec {
  movieId: number;
  title: string;
  year: number | null;
  genres: string[];
}

const GENRES = ['Action', 'Adventure', 'Comedy', 'Drama', 'Sci-Fi', 'Film-Noir', "Children's"];
const titleChars = fc.constantFrom(...'abc XYZ,"\'é&:-.!ü'.split(''));
export const movieSpecsArb: fc.Arbitrary<MovieSpec[]> = fc
  .uniqueArray(
    fc.record({
      movieId: fc.integer({ min: 1, max: 60 }),
      title: fc.string({ unit: titleChars, minLength: 1, maxLength: 20 }).map((t) => `T${t.trim()}`),
      year: fc.option(fc.integer({ min: 1900, max: 2030 }), { nil: null }),
      genres: fc.uniqueArray(fc.constantFrom(...GENRES), { maxLength: 3 }),
    }),
    { selector: (m) => m.movieId, minLength: 1, maxLength: 25 },
  )
  .map((ms) => ms.map((m) => ({ ...m, title: m.title.replace(/\s*\(\d{4}\)\s*$/, '') })));

const quoteCsv = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const fullTitle = (m: MovieSpec) => (m.year === null ? m.title : `${m.title} (${m.year})`);

export function moviesCsvText(ms: MovieSpec[], nl = '\n'): string {
  return ['movieId,title,genres', ...ms.map((m) => `${m.movieId},${quoteCsv(fullTitle(m))},${m.genres.join('|') || '(no genres listed)'}`)].join(nl) + nl;
}

export function linksCsvText(ms: MovieSpec[], nl = '\n'): string {
  return ['movieId,imdbId,tmdbId', ...ms.map((m) => `${m.movieId},${String(m.movieId * 11).padStart(7, '0')},${m.movieId % 3 ? m.movieId + 100 : ''}`)].join(nl) + nl;
}

/** movies.dat lines; titles must not hold "::" (GroupLens titles never do). */
export function moviesDatText(ms: MovieSpec[]): string {
  return ms.map((m) => `${m.movieId}::${fullTitle(m).replace(/:/g, ';')}::${m.genres.join('|')}`).join('\n') + '\n';
}

export const UGENRES = ['unknown', 'Action', 'Comedy', 'Drama'];
export function uGenreText(): string {
  return UGENRES.map((g, i) => `${g}|${i}`).join('\n') + '\n\n';
}

/** u.item lines over UGENRES (4 flags): titles with "|" replaced. */
export function uItemText(ms: MovieSpec[]): string {
  return (
    ms
      .map((m) => {
        const flags = UGENRES.map((g) => (m.genres.includes(g) ? 1 : 0));
        return `${m.movieId}|${fullTitle(m).replace(/\|/g, '/')}|01-Jan-1995||http://x|${flags.join('|')}`;
      })
      .join('\n') + '\n'
  );
}

/** Specs as the u.item parser sees them (genres limited to UGENRES, "unknown" dropped). */
export const uItemGenres = (m: MovieSpec) => UGENRES.filter((g) => g !== 'unknown' && m.genres.includes(g));

// ---- mutations ----

const TOKENS = ['NaN', '-1', '-0', '99999999999999999999', '1e9', '5.5', '0', '0.0', '4.25', '6', 'Infinity', '', ' ', '"', '""', '\uFEFF', '\0', '\r', '\r\n', '\n', ',', '\t', '::', ';', '|', '\u00e9', '\xff'];
const BYTES = [0, 9, 10, 13, 32, 34, 44, 45, 46, 48, 53, 57, 58, 59, 124, 0xef, 0xbb, 0xbf, 0xff, 0xc3];

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'cut'; at: number }
  | { kind: 'token'; at: number; token: string }
  | { kind: 'dupLine'; at: number }
  | { kind: 'dropLine'; at: number }
  | { kind: 'separator'; from: string; to: string }
  | { kind: 'bom' }
  | { kind: 'crlf' }
  | { kind: 'noFinalNewline' };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('insert' as const), at, bytes: fc.array(fc.oneof(fc.constantFrom(...BYTES), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('cut' as const), at }),
  fc.record({ kind: fc.constant('token' as const), at, token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('dupLine' as const), at }),
  fc.record({ kind: fc.constant('dropLine' as const), at }),
  fc.record({ kind: fc.constant('separator' as const), from: fc.constantFrom(',', '\t', '::', '|'), to: fc.constantFrom(';', ',', '\t', '::', '|', ' ') }),
  fc.constant({ kind: 'bom' as const }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'noFinalNewline' as const }),
);

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

function replaceAll(bytes: Uint8Array, from: string, to: string): Uint8Array {
  return latin1Bytes(latin1(bytes).split(from).join(to));
}
const latin1 = (b: Uint8Array) => Array.from(b, (x) => String.fromCharCode(x)).join('');
const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Line starts (byte offsets) of bytes. */
function lineStarts(b: Uint8Array): number[] {
  const out = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 10 && i + 1 < b.length) out.push(i + 1);
  return out;
}

export function mutate(input: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = input;
  for (const m of mutations) {
    const pos = 'at' in m ? Math.floor(m.at * (b.length + 1)) : 0;
    switch (m.kind) {
      case 'flip': {
        if (b.length === 0) break;
        const c = b.slice();
        c[Math.min(pos, b.length - 1)] ^= 1 << m.bit;
        b = c;
        break;
      }
      case 'insert':
        b = concat(b.subarray(0, pos), Uint8Array.from(m.bytes), b.subarray(pos));
        break;
      case 'delete':
        b = concat(b.subarray(0, pos), b.subarray(pos + m.len));
        break;
      case 'cut':
        b = b.slice(0, pos);
        break;
      case 'token': {
        // Replace the run of digits (or the byte) at pos with the token.
        let s = Math.min(pos, b.length);
        let e = s;
        while (s > 0 && b[s - 1] >= 48 && b[s - 1] <= 57) s--;
        while (e < b.length && b[e] >= 48 && b[e] <= 57) e++;
        b = concat(b.subarray(0, s), enc(m.token), b.subarray(e));
        break;
      }
      case 'dupLine':
      case 'dropLine': {
        const starts = lineStarts(b);
        const k = Math.min(starts.length - 1, Math.floor(m.at * starts.length));
        const s = starts[k];
        const e = k + 1 < starts.length ? starts[k + 1] : b.length;
        b = m.kind === 'dupLine' ? concat(b.subarray(0, e), b.subarray(s, e), b.subarray(e)) : concat(b.subarray(0, s), b.subarray(e));
        break;
      }
      case 'separator':
        b = replaceAll(b, m.from, m.to);
        break;
      case 'bom':
        b = concat(Uint8Array.of(0xef, 0xbb, 0xbf), b);
        break;
      case 'crlf':
        b = replaceAll(replaceAll(b, '\r\n', '\n'), '\n', '\r\n');
        break;
      case 'noFinalNewline':
        while (b.length && (b[b.length - 1] === 10 || b[b.length - 1] === 13)) b = b.subarray(0, b.length - 1);
        break;
    }
  }
  return b;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Splits bytes at the given fractions (sorted), for feeding a streaming parser in arbitrary pieces. */
export function splitAt(b: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * b.length)))].sort((x, y) => x - y);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(b.subarray(prev, p));
    prev = p;
  }
  out.push(b.subarray(prev));
  return out;
}

/**
 * Number of lines a reported line number may point at: LF, CRLF or a lone CR (papaparse reads old Mac files) end a line,
 * and the last line without newline counts.
 */
export function lineCount(b: Uint8Array): number {
  let n = 1;
  for (let i = 0; i < b.length; i++) if (b[i] === 10 || (b[i] === 13 && b[i + 1] !== 10)) n++;
  return n;
}

/**
 * Runs fn; returns its value, or the ImportError it threw after checking it names `file`, a line from 1 to `maxLine`
 * when it names one, and what was expected. Any other exception fails the property.
 */
export function parsesOrImportError<T>(fn: () => T, file: string, maxLine?: number): { ok: true; value: T } | { ok: false; error: ImportError } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: checkImportError(e, file, maxLine) };
  }
}

export async function parsesOrImportErrorAsync<T>(fn: () => Promise<T>, file: string | RegExp, maxLine?: number): Promise<{ ok: true; value: T } | { ok: false; error: ImportError }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: checkImportError(e, file, maxLine) };
  }
}

export function checkImportError(e: unknown, file: string | RegExp, maxLine?: number): ImportError {
  if (!(e instanceof ImportError)) throw new Error(`expected an ImportError, got ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
  if (typeof file === 'string') expect(e.file).toBe(file);
  else expect(e.file).toMatch(file);
  if (e.line !== undefined) {
    expect(Number.isInteger(e.line)).toBe(true);
    expect(e.line).toBeGreaterThanOrEqual(1);
    if (maxLine !== undefined) expect(e.line).toBeLessThanOrEqual(maxLine);
  }
  expect(e.problem).toMatch(/expected/);
  return e;
}
