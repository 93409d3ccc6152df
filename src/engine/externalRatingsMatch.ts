// Matches IMDb/Letterboxd rows to a MovieLens catalogue: IMDb (then TMDB) ids through links.csv, else normalized title + year.
import { displayTitle, normalizeForSearch } from './movielens/titles';
import { firstLineBreak, isSpace, scanSteps } from './movielens/textScan';
import type { ExternalExport, ExternalRow, SkippedRow } from './externalRatings';

/** What matching needs of a catalogue movie (MovieLens title without the year, as stored). */
export interface CatalogueMovie {
  movieId: number;
  title: string;
  year: number | null;
  /** links.csv imdbId as stored ("0114709"), or null. */
  imdbId: string | null;
  /** links.csv tmdbId as stored ("862"), or null; absent: not known. */
  tmdbId?: string | null;
  /** Ratings in the dataset: orders the candidates of an ambiguous row. */
  count: number;
}

export type RowMatch =
  | { kind: 'matched'; row: ExternalRow; movieId: number; note: string | null }
  | { kind: 'ambiguous'; row: ExternalRow; candidates: number[]; why: string }
  | { kind: 'unmatched'; row: ExternalRow | SkippedRow; reason: string };

/** The most candidates an ambiguous row offers. */
export const MAX_CANDIDATES = 8;

const ARTICLES = new Set(['the', 'a', 'an', 'les', 'la', 'le', 'l', 'il', 'el', 'die', 'das', 'der', 'los', 'las', 'une', 'un']);

/** The form titles are compared in: accents, case and punctuation ignored, "&" = "and", a leading article dropped. */
export function titleKey(text: string): string {
  const words = normalizeForSearch(text.replace(/&/g, ' and ')).split(' ').filter(Boolean);
  if (words.length > 1 && ARTICLES.has(words[0])) words.shift();
  return words.join(' ');
}

/** The keys a name is found by: its title key, and the same without spaces ("Old Boy" = "Oldboy"). */
function nameKeys(name: string): string[] {
  const key = titleKey(displayTitle(name));
  const squashed = key.replace(/ /g, '');
  return squashed === key ? [key] : [key, squashed];
}

/**
 * Every name a MovieLens title goes by: "City of Lost Children, The (Cité des enfants perdus, La)" is
 * "The City of Lost Children" and "La Cité des enfants perdus"; "Seven (a.k.a. Se7en)" is also "Se7en".
 * Peels one closing "(…)" (no parentheses inside) at a time from the end: linear in the title's length.
 */
export function movieLensNames(title: string): string[] {
  const names = [title];
  let end = title.length; // the main title is title[0, end)
  const breakAt = firstLineBreak(title);
  const alternates: string[] = [];
  while (end >= 4 && title.charCodeAt(end - 1) === 0x29) {
    let open = end - 2;
    while (open >= 0 && title.charCodeAt(open) !== 0x28 && title.charCodeAt(open) !== 0x29) open--;
    if (open < 0 || title.charCodeAt(open) !== 0x28 || open === end - 2) break;
    let main = open;
    while (main > 0 && isSpace(title.charCodeAt(main - 1))) main--;
    scanSteps.count += end - main;
    // What stays must be one line ending in a non-space character, as the pattern "^(.*\S)\s*\(([^()]+)\)$" asked.
    if (main === 0 || breakAt < main) break;
    alternates.push(title.slice(open + 1, end - 1).replace(/^a\.k\.a\.\s*/i, ''));
    end = main;
  }
  if (end !== title.length) names.push(title.slice(0, end));
  for (let k = alternates.length - 1; k >= 0; k--) names.push(alternates[k]);
  return [...new Set(names.map(displayTitle))];
}

const COLON = 0x3a;
const isDash = (c: number) => c === 0x2d || c === 0x2013;

/** Where a subtitle separator (spaces, ":" and spaces; or spaces, a hyphen or en dash, spaces) starting at q ends, or -1. */
function separatorEnd(s: string, q: number): { end: number; spaces: number } {
  let r = q;
  while (r < s.length && isSpace(s.charCodeAt(r))) r++;
  const c = s.charCodeAt(r);
  let end = -1;
  if (c === COLON || (r > q && isDash(c))) {
    let e = r + 1;
    while (e < s.length && isSpace(s.charCodeAt(e))) e++;
    if (e > r + 1) end = e;
    scanSteps.count += e - r;
  }
  scanSteps.count += r - q + 1;
  return { end, spaces: r };
}

/** `name.split(/\s*:\s+|\s+[-–]\s+/)` in one pass (the pattern rescanned every run of spaces from each of its positions). */
export function splitSubtitles(s: string): string[] {
  const out: string[] = [];
  let p = 0;
  let q = 0;
  while (q < s.length) {
    const { end, spaces } = separatorEnd(s, q);
    if (end >= 0) {
      out.push(s.slice(p, q));
      p = q = end;
    } else q = spaces > q ? spaces : q + 1; // no separator starts anywhere in a run of spaces that this one did not
  }
  out.push(s.slice(p));
  return out;
}

/** Weaker names, only used when no full name matches: the parts of "Star Wars: Episode IV - A New Hope" around ": " / " - ". */
function partialNames(name: string): string[] {
  const parts = splitSubtitles(name).filter((p) => p.trim().length > 0);
  return parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [];
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** Lookup tables over a catalogue, built once per dataset. */
export class CatalogueIndex {
  readonly byImdb = new Map<number, number[]>();
  readonly byTmdb = new Map<number, number[]>();
  readonly byName = new Map<string, number[]>();
  readonly byPartial = new Map<string, number[]>();
  /** True when the dataset has IMDb links (ml-latest*, ml-20m…); ml-100k/ml-1m/ml-10m have none. */
  readonly hasImdb: boolean;
  /** True when the dataset has TMDB links. */
  readonly hasTmdb: boolean;

  constructor(readonly movies: readonly CatalogueMovie[]) {
    movies.forEach((m, i) => {
      if (m.imdbId && /^\d+$/.test(m.imdbId)) {
        const id = Number(m.imdbId);
        const list = this.byImdb.get(id);
        if (list) list.push(i);
        else this.byImdb.set(id, [i]);
      }
      if (m.tmdbId && /^\d+$/.test(m.tmdbId)) {
        const id = Number(m.tmdbId);
        const list = this.byTmdb.get(id);
        if (list) list.push(i);
        else this.byTmdb.set(id, [i]);
      }
      const names = movieLensNames(m.title);
      for (const n of names) for (const k of nameKeys(n)) push(this.byName, k, i);
      for (const n of names) for (const p of partialNames(n)) for (const k of nameKeys(p)) push(this.byPartial, k, i);
    });
    this.hasImdb = this.byImdb.size > 0;
    this.hasTmdb = this.byTmdb.size > 0;
  }
}

const NON_FILM = /^(tv ?series|tv ?mini ?series|tv ?episode|tv ?special|video ?game|podcast|music ?video|tvseries|tvminiseries|tvepisode|tvspecial|videogame)/i;

/** A row's titles (its own and IMDb's original) as lookup keys, each normalized once however many tables it is looked up in. */
interface RowKeys {
  titles: string[];
  keys: string[];
}

function rowKeys(row: ExternalRow): RowKeys {
  const titles = [row.title, ...(row.originalTitle ? [row.originalTitle] : [])];
  return { titles, keys: titles.flatMap(nameKeys) };
}

function lookup(map: Map<string, number[]>, keys: string[], out: Set<number>): void {
  for (const k of keys) for (const i of map.get(k) ?? []) out.add(i);
}

/** The catalogue positions a row's titles could be, by exact name. */
function named(index: CatalogueIndex, row: RowKeys): number[] {
  const out = new Set<number>();
  lookup(index.byName, row.keys, out);
  return [...out];
}

/** Positions by partial name only (not among `exact`, the row's exact-name positions). */
function namedInPart(index: CatalogueIndex, row: RowKeys, exact: number[]): number[] {
  const out = new Set<number>();
  lookup(index.byPartial, row.keys, out); // "Star Wars" → "Star Wars: Episode IV - A New Hope"
  lookup(index.byName, row.titles.flatMap(partialNames).flatMap(nameKeys), out); // "Birdman or (The Unexpected…)" style subtitles in the file
  for (const i of exact) out.delete(i);
  return [...out];
}

function byPopularity(index: CatalogueIndex, positions: number[], year: number | null): number[] {
  const dy = (i: number) => (year === null || index.movies[i].year === null ? 0 : Math.abs(index.movies[i].year! - year));
  return [...positions]
    .sort((a, b) => dy(a) - dy(b) || index.movies[b].count - index.movies[a].count || index.movies[a].movieId - index.movies[b].movieId)
    .slice(0, MAX_CANDIDATES)
    .map((i) => index.movies[i].movieId);
}

const label = (row: { title: string; year: number | null }) => `"${row.title}"${row.year !== null ? ` (${row.year})` : ''}`;

function byTitle(index: CatalogueIndex, row: ExternalRow, via: string | null): RowMatch {
  const keys = rowKeys(row);
  const all = named(index, keys);
  const sameYear = all.filter((i) => row.year !== null && index.movies[i].year === row.year);
  const nearYear = all.filter((i) => row.year !== null && index.movies[i].year !== null && Math.abs(index.movies[i].year! - row.year) === 1);
  const one = (i: number, note: string | null): RowMatch => ({ kind: 'matched', row, movieId: index.movies[i].movieId, note: [via, note].filter(Boolean).join('; ') || null });
  const several = (list: number[], why: string): RowMatch => ({ kind: 'ambiguous', row, candidates: byPopularity(index, list, row.year), why });
  if (sameYear.length === 1) return one(sameYear[0], null);
  if (sameYear.length > 1) return several(sameYear, `${sameYear.length} movies in this dataset are called ${label(row)}`);
  if (nearYear.length === 1) return one(nearYear[0], `year ${index.movies[nearYear[0]].year} here, ${row.year} in the file`);
  if (nearYear.length > 1) return several(nearYear, `no ${label(row)}, but ${nearYear.length} with the same title a year apart`);
  if (row.year === null && all.length === 1) return one(all[0], 'the file gives no year');
  if (row.year === null && all.length > 1) return several(all, `the file gives no year and ${all.length} movies have this title`);
  const partial = namedInPart(index, keys, all).filter((i) => row.year === null || index.movies[i].year === row.year);
  if (partial.length > 0) return several(partial, `no exact title match for ${label(row)}; check the title`);
  if (all.length > 0) {
    const years = [...new Set(all.map((i) => index.movies[i].year).filter((y) => y !== null))].sort((a, b) => a! - b!);
    return { kind: 'unmatched', row, reason: `this dataset has "${row.title}" only from ${years.join(', ')}` };
  }
  return { kind: 'unmatched', row, reason: `no movie called ${label(row)} in this dataset` };
}

function matchRow(index: CatalogueIndex, row: ExternalRow): RowMatch {
  if (row.imdbId === null) return byTitle(index, row, null);
  const tt = `tt${String(row.imdbId).padStart(7, '0')}`;
  if (!index.hasImdb) return byTitle(index, row, 'by title: this dataset has no IMDb links');
  const hits = index.byImdb.get(row.imdbId) ?? [];
  if (hits.length === 1) return { kind: 'matched', row, movieId: index.movies[hits[0]].movieId, note: null };
  if (hits.length > 1) return { kind: 'ambiguous', row, candidates: byPopularity(index, hits, row.year), why: `${hits.length} movies in this dataset link to ${tt}` };
  const what = row.titleType && NON_FILM.test(row.titleType) ? ` (${row.titleType}: MovieLens lists films)` : '';
  return { kind: 'unmatched', row, reason: `${tt} is not in this dataset${what}` };
}

/**
 * A row in Letterboxd's import layout: its IMDb id, then its TMDB id, then title + year — the file's ids may be
 * missing (a movie without links) or unknown here (another release), and its title is still the movie's.
 */
function matchByIds(index: CatalogueIndex, row: ExternalRow): RowMatch {
  const tries: [string, number | null, Map<number, number[]>][] = [
    [`tt${String(row.imdbId).padStart(7, '0')}`, row.imdbId, index.byImdb],
    [`TMDB ${row.tmdbId}`, row.tmdbId, index.byTmdb],
  ];
  const unknown: string[] = [];
  for (const [name, id, map] of tries) {
    if (id === null || map.size === 0) continue;
    const hits = map.get(id) ?? [];
    if (hits.length === 1) return { kind: 'matched', row, movieId: index.movies[hits[0]].movieId, note: null };
    if (hits.length > 1) return { kind: 'ambiguous', row, candidates: byPopularity(index, hits, row.year), why: `${hits.length} movies in this dataset link to ${name}` };
    unknown.push(name);
  }
  return byTitle(index, row, unknown.length ? `by title: ${unknown.join(' and ')} not in this dataset's links` : null);
}

/** Matches every row of an export (skipped rows come back unmatched with their reason), in file order. */
export function matchExternalRatings(data: ExternalExport, index: CatalogueIndex): RowMatch[] {
  const match = data.source === 'letterboxd-import' ? matchByIds : matchRow;
  const out: RowMatch[] = data.rows.map((row) => match(index, row));
  for (const s of data.skipped) out.push({ kind: 'unmatched', row: s, reason: s.reason });
  return out.sort((a, b) => a.row.line - b.row.line);
}
