// Worker API: IMDb / Letterboxd ratings exports → a review of matches against the active dataset → one strict save.
import { parseExternalRatings, SOURCE_NAMES, type ExternalSource } from '../engine/externalRatings';
import { CatalogueIndex, matchExternalRatings } from '../engine/externalRatingsMatch';
import { planImport, type ImportEntry } from '../engine/externalRatingsPlan';
import { decodeText } from '../engine/movielens/decode';
import { displayTitle } from '../engine/movielens/titles';
import { openDb } from '../store/db';
import { checkStars } from '../store/profile';
import { importRatings, type UndoTicket } from '../store/personal';
import { myRatings } from './cards';
import { getServing, type Serving } from './state';

/** A catalogue movie a row may be: the title as the dataset shows it, and the person's current rating. */
export interface ImportCandidate {
  movieId: number;
  title: string;
  year: number | null;
  /** Ratings in the dataset (tells two same-named movies apart). */
  count: number;
  genres: string[];
  /** A plain outbound link to the IMDb page (links.csv), to tell same-named movies apart; nothing is fetched. */
  imdbUrl: string | null;
  myRating: number | null;
}

/** A row as the file has it. */
export interface ImportRowView {
  line: number;
  title: string;
  year: number | null;
  /** Stars on the MovieLens scale (IMDb's 1–10 halved). */
  rating: number;
  /** The rating as the file writes it. */
  fileRating: string;
  ratedAt: number | null;
}

export interface ImportPreview {
  source: ExternalSource;
  /** "IMDb" or "Letterboxd". */
  sourceName: string;
  file: string;
  /** Data rows in the file. */
  rows: number;
  matched: { row: ImportRowView; movie: ImportCandidate; note: string | null }[];
  ambiguous: { row: ImportRowView; candidates: ImportCandidate[]; why: string }[];
  unmatched: { row: { line: number; title: string; year: number | null }; reason: string }[];
  /** Where the worker's time went: reading the file, parsing it, loading the catalogue (first time), matching. */
  seconds: { read: number; parse: number; catalogue: number; match: number };
}

export interface ImportSaved {
  /** Ratings written. */
  saved: number;
  keptMine: number;
  same: number;
  duplicates: number;
  /** Undo reverts exactly this import (null: nothing was written). */
  undo: UndoTicket | null;
}

const indexes = new WeakMap<Serving, CatalogueIndex>();

function catalogue(s: Serving): CatalogueIndex {
  let index = indexes.get(s);
  if (!index) {
    index = new CatalogueIndex(s.movies.map((m) => ({ movieId: m.movieId, title: m.title, year: m.year, imdbId: m.imdbId, tmdbId: m.tmdbId, count: m.count })));
    indexes.set(s, index);
  }
  return index;
}

/**
 * Reads an export (File, or its text for tests and the CLI) and matches it against the active dataset.
 * Nothing is stored: the person reviews the result and `saveExternalImport` writes what they chose.
 */
export async function previewExternalImport(file: File | { name: string; text: string }): Promise<ImportPreview> {
  const t0 = performance.now();
  const text = 'text' in file && typeof file.text === 'string' ? file.text : decodeText(new Uint8Array(await (file as File).arrayBuffer()), file.name, 'auto');
  const t1 = performance.now();
  const data = parseExternalRatings(text, file.name);
  const t2 = performance.now();
  const s = await getServing();
  if (!s) throw new Error('No dataset is loaded: import a MovieLens dataset before your IMDb or Letterboxd ratings.');
  const index = catalogue(s);
  const t3 = performance.now();
  const matches = matchExternalRatings(data, index);
  const t4 = performance.now();
  const mine = await myRatings();
  const candidate = (movieId: number): ImportCandidate => {
    const m = s.movies[s.byMovieId.get(movieId)!];
    return { movieId, title: displayTitle(m.title), year: m.year, count: m.count, genres: m.genres, imdbUrl: m.imdbId ? `https://www.imdb.com/title/tt${m.imdbId}/` : null, myRating: mine.get(movieId) ?? null };
  };
  const seconds = { read: (t1 - t0) / 1000, parse: (t2 - t1) / 1000, catalogue: (t3 - t2) / 1000, match: (t4 - t3) / 1000 };
  const preview: ImportPreview = { source: data.source, sourceName: SOURCE_NAMES[data.source], file: file.name, rows: data.rows.length + data.skipped.length, matched: [], ambiguous: [], unmatched: [], seconds };
  for (const m of matches) {
    if (m.kind === 'unmatched') {
      preview.unmatched.push({ row: { line: m.row.line, title: m.row.title, year: m.row.year }, reason: m.reason });
      continue;
    }
    const { line, title, year, rating, fileRating, ratedAt } = m.row;
    const row = { line, title, year, rating, fileRating, ratedAt };
    if (m.kind === 'matched') preview.matched.push({ row, movie: candidate(m.movieId), note: m.note });
    else preview.ambiguous.push({ row, candidates: m.candidates.map(candidate), why: m.why });
  }
  return preview;
}

/**
 * Writes the reviewed rows in one strict transaction, keeping the ratings as they were for Undo; the person's own
 * ratings stay unless a row says takeImported, and movies now rated leave the watchlist. `file` names the import in the Undo message.
 */
export async function saveExternalImport(entries: ImportEntry[], file = 'the import'): Promise<ImportSaved> {
  const s = await getServing();
  for (const e of entries) {
    if (s && !s.byMovieId.has(e.movieId)) throw new Error(`line ${e.line}: movie ${e.movieId} is not in the active dataset`);
  }
  for (const e of entries) checkStars(e.rating, e.movieId);
  const plan = planImport(entries, await myRatings(), Date.now());
  const ticket: UndoTicket = { id: crypto.randomUUID(), kind: 'import', file, at: Date.now() };
  const saved = await importRatings(await openDb(), plan.save, ticket);
  return { saved, keptMine: plan.keptMine + (plan.save.length - saved), same: plan.same, duplicates: plan.duplicates.length, undo: saved > 0 ? ticket : null };
}
