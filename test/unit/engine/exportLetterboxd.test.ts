// The export that travels: Letterboxd's columns, RFC 4180 and formula-safe titles, 1 MB parts, and PocketLens's own
// import reading it back to the same ratings (ids first, then title + year).
import fc from 'fast-check';
import { fuzzParams } from '../../fuzz';
import { describe, expect, test } from 'vitest';
import type { BackupRating } from '../../../src/engine/backup';
import { exportTitle, LETTERBOXD_COLUMNS, letterboxdCsv, letterboxdWatchlistCsv, type ExportMovie } from '../../../src/engine/exportLetterboxd';
import { parseExternalRatings } from '../../../src/engine/externalRatings';
import { CatalogueIndex, matchExternalRatings, type CatalogueMovie } from '../../../src/engine/externalRatingsMatch';
import { planImport } from '../../../src/engine/externalRatingsPlan';
import { parseLinksCsv, parseMoviesCsv } from '../../../src/engine/movielens/textCsv';
import { sampleFiles, sampleZipPath } from '../../sample';
import { importErrorOf } from '../../importError';

const DAY = 86_400_000;
const CATALOGUE: (ExportMovie & { movieId: number; count: number })[] = [
  { movieId: 1, title: 'Toy Story', year: 1995, imdbId: '0114709', tmdbId: '862', count: 215 },
  { movieId: 29, title: 'City of Lost Children, The (Cité des enfants perdus, La)', year: 1995, imdbId: '0112682', tmdbId: '902', count: 38 },
  { movieId: 47, title: 'Seven (a.k.a. Se7en)', year: 1995, imdbId: '0114369', tmdbId: '807', count: 203 },
  { movieId: 1201, title: 'Good, the Bad and the Ugly, The (Buono, il brutto, il cattivo, Il)', year: 1966, imdbId: '0060196', tmdbId: '429', count: 100 },
  { movieId: 4, title: 'Film "Quoted" Title, A', year: 2001, imdbId: null, tmdbId: null, count: 2 },
  { movieId: 104, title: '+1', year: 2013, imdbId: '2395385', tmdbId: '', count: 3 },
  { movieId: 105, title: '=1+2 "sum", of it', year: 2020, imdbId: null, tmdbId: '999999', count: 1 },
  { movieId: 106, title: '@Suicide Room', year: 2011, imdbId: null, tmdbId: null, count: 1 },
];
const byId = new Map(CATALOGUE.map((m) => [m.movieId, m]));
const movieOf = (id: number) => byId.get(id);
const index = (movies = CATALOGUE) => new CatalogueIndex(movies.map(({ movieId, title, year, imdbId, tmdbId, count }): CatalogueMovie => ({ movieId, title, year, imdbId, tmdbId, count })));
const rated = (rows: [number, number, number][]): BackupRating[] => rows.map(([movieId, rating, day]) => ({ movieId, rating, ratedAt: Date.UTC(2024, 0, 1) + day * DAY + 3_600_000 }));

/** Export → the import's parse → match → plan, as the app's review does when every match is accepted. */
function roundTrip(csv: string, movies = CATALOGUE): { saved: Map<number, { rating: number; ratedAt: number }>; notMatched: number } {
  const matches = matchExternalRatings(parseExternalRatings(csv, 'pocketlens-letterboxd.csv'), index(movies));
  const entries = matches.flatMap((m) => (m.kind === 'matched' ? [{ line: m.row.line, movieId: m.movieId, rating: m.row.rating, ratedAt: m.row.ratedAt, takeImported: false }] : []));
  const plan = planImport(entries, new Map(), 0);
  return { saved: new Map(plan.save.map((p) => [p.movieId, { rating: p.rating, ratedAt: p.ratedAt }])), notMatched: matches.length - entries.length };
}

describe('layout', () => {
  const ratings = rated([
    [29, 4.5, 2],
    [1, 4, 1],
    [1201, 5, 3],
    [4, 0.5, 3],
    [105, 3, 4],
    [999_999, 2, 5],
  ]);

  test('the columns Letterboxd documents, oldest first (then by movieId), main titles, tt ids, both scales, the day rated', () => {
    const out = letterboxdCsv(ratings, movieOf);
    expect(out.csv.split('\r\n')).toEqual([
      'Title,Year,imdbID,tmdbID,Rating,Rating10,WatchedDate',
      'Toy Story,1995,tt0114709,862,4,8,2024-01-02',
      'The City of Lost Children,1995,tt0112682,902,4.5,9,2024-01-03',
      '"A Film ""Quoted"" Title",2001,,,0.5,1,2024-01-04',
      '"The Good, the Bad and the Ugly",1966,tt0060196,429,5,10,2024-01-04',
      `"'=1+2 ""sum"", of it",2020,,999999,3,6,2024-01-05`,
      '',
    ]);
    expect(LETTERBOXD_COLUMNS.slice(0, 4)).toEqual(['Title', 'Year', 'imdbID', 'tmdbID']);
    expect(out).toMatchObject({ rows: 5, missing: [999_999], parts: [out.csv] });
  });

  test('without dates Letterboxd adds no diary entries: WatchedDate is left empty', () => {
    expect(letterboxdCsv(rated([[1, 4, 0]]), movieOf, { watchedDates: false }).csv).toBe('Title,Year,imdbID,tmdbID,Rating,Rating10,WatchedDate\r\nToy Story,1995,tt0114709,862,4,8,\r\n');
  });

  test('a long export comes in parts under the size limit, each with the header, rows in order and none lost', () => {
    const many = rated(Array.from({ length: 300 }, (_, k): [number, number, number] => [CATALOGUE[k % CATALOGUE.length].movieId, 3, k]));
    const out = letterboxdCsv(many, movieOf, { maxBytes: 2_000 });
    expect(out.parts.length).toBeGreaterThan(5);
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    for (const p of out.parts) {
      expect(bytes(p)).toBeLessThanOrEqual(2_000);
      expect(p.startsWith('Title,Year,imdbID,tmdbID,Rating,Rating10,WatchedDate\r\n')).toBe(true);
    }
    const rows = out.parts.flatMap((p) => p.split('\r\n').slice(1, -1));
    expect(rows).toEqual(out.csv.split('\r\n').slice(1, -1));
    expect(() => letterboxdCsv(many, movieOf, { maxBytes: 60 })).toThrow(/a row of \d+ bytes does not fit a file of 60 bytes/);
  });

  test('titles: the name both Letterboxd and MovieLens agree on', () => {
    expect(exportTitle('Seven (a.k.a. Se7en)')).toBe('Seven');
    expect(exportTitle('Matrix, The')).toBe('The Matrix');
    expect(exportTitle("Amelie (Fabuleux destin d'Amélie Poulain, Le)")).toBe('Amelie');
    expect(exportTitle('Toy Story')).toBe('Toy Story');
  });

  test('a rating off the half-star scale is refused', () => {
    expect(() => letterboxdCsv([{ movieId: 1, rating: 4.2, ratedAt: 0 }], movieOf)).toThrow('movie 1: rating must be 0.5 to 5 in half stars, got 4.2');
  });
});

describe('the watchlist for Letterboxd', () => {
  test('Title, Year, imdbID, tmdbID in the order added: the columns Letterboxd imports as a watchlist', () => {
    const out = letterboxdWatchlistCsv(
      [
        { movieId: 1201, addedAt: 30 },
        { movieId: 47, addedAt: 10 },
        { movieId: 106, addedAt: 20 },
        { movieId: 424242, addedAt: 40 },
      ],
      movieOf,
    );
    expect(out.csv.split('\r\n')).toEqual([
      'Title,Year,imdbID,tmdbID',
      'Seven,1995,tt0114369,807',
      "'@Suicide Room,2011,,",
      '"The Good, the Bad and the Ugly",1966,tt0060196,429',
      '',
    ]);
    expect(out).toMatchObject({ rows: 3, missing: [424242], parts: [out.csv] });
  });

  test('a long watchlist comes in parts of at most the size given, each with the header', () => {
    const many = Array.from({ length: 200 }, (_, k) => ({ movieId: CATALOGUE[k % CATALOGUE.length].movieId, addedAt: k }));
    const out = letterboxdWatchlistCsv(many, movieOf, { maxBytes: 1_000 });
    expect(out.parts.length).toBeGreaterThan(3);
    for (const p of out.parts) {
      expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(1_000);
      expect(p.startsWith('Title,Year,imdbID,tmdbID\r\n')).toBe(true);
    }
    expect(out.parts.flatMap((p) => p.split('\r\n').slice(1, -1))).toEqual(out.csv.split('\r\n').slice(1, -1));
  });
});

describe('PocketLens reads its export back', () => {
  test('every rating comes back: same movie, same stars, the same day; formula guards taken off', () => {
    const ratings = rated(CATALOGUE.map((m, k): [number, number, number] => [m.movieId, 0.5 + (k % 10) / 2, k]));
    const out = letterboxdCsv(ratings, movieOf);
    const data = parseExternalRatings(out.csv, 'pocketlens-letterboxd.csv');
    expect(data.source).toBe('letterboxd-import');
    expect(data.rows.find((r) => r.tmdbId === 999999)?.title).toBe('=1+2 "sum", of it');
    expect(data.rows.find((r) => r.imdbId === 2395385)?.title).toBe('+1');
    const back = roundTrip(out.csv);
    expect(back.notMatched).toBe(0);
    expect([...back.saved].sort((a, b) => a[0] - b[0])).toEqual(ratings.map((r) => [r.movieId, { rating: r.rating, ratedAt: Math.floor(r.ratedAt / DAY) * DAY }]).sort((a, b) => (a[0] as number) - (b[0] as number)));
  });

  test('ids first: a catalogue whose titles changed still matches by imdbID, then by tmdbID; without ids, by title + year', () => {
    const csv = letterboxdCsv(rated([[1, 4, 0], [105, 3, 1], [4, 2, 2]]), movieOf).csv;
    const renamed = CATALOGUE.map((m) => (m.movieId === 1 || m.movieId === 105 ? { ...m, title: `Renamed ${m.movieId}` } : m));
    const matches = matchExternalRatings(parseExternalRatings(csv, 'x.csv'), index(renamed));
    expect(matches.map((m) => (m.kind === 'matched' ? [m.movieId, m.note] : m.kind))).toEqual([
      [1, null],
      [105, null],
      [4, null],
    ]);
    // In a release without links (ml-1m style) the title and year find them; an unknown id says so and falls back.
    const noLinks = CATALOGUE.map((m) => ({ ...m, imdbId: null, tmdbId: null }));
    expect(roundTrip(letterboxdCsv(rated(CATALOGUE.map((m, k): [number, number, number] => [m.movieId, 4, k])), movieOf).csv, noLinks).notMatched).toBe(0);
    const other = matchExternalRatings(parseExternalRatings('Title,Year,imdbID,tmdbID,Rating\r\nToy Story,1995,tt9999999,,4\r\n', 'x.csv'), index());
    expect(other[0]).toMatchObject({ kind: 'matched', movieId: 1, note: "by title: tt9999999 not in this dataset's links" });
  });

  test('any titles (commas, quotes, line breaks, formula starts, accents) and years survive the trip by title alone', () => {
    const title = fc
      .tuple(fc.constantFrom('', '=', '+', '-', '@', "'=", '"'), fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('', ', The', ' "Q"', '\nII'))
      .map(([a, b, c]) => `${a}${b}${c}`)
      .filter((t) => t.trim() === t && !t.includes('\r') && /\p{L}/u.test(t));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(title, fc.integer({ min: 1900, max: 2030 })), { minLength: 1, maxLength: 12, selector: ([t]) => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') }), (movies) => {
        const catalogue = movies.map(([t, year], k) => ({ movieId: 10 + k, title: t, year, imdbId: null, tmdbId: null, count: 1 }));
        const lookup = new Map(catalogue.map((m) => [m.movieId, m]));
        const ratings = catalogue.map((m, k) => ({ movieId: m.movieId, rating: 0.5 + (k % 10) / 2, ratedAt: k * DAY }));
        const csv = letterboxdCsv(ratings, (id) => lookup.get(id)).csv;
        const data = parseExternalRatings(csv, 'x.csv');
        expect(data.rows.map((r) => r.title)).toEqual(catalogue.map((m) => exportTitle(m.title).trim()));
        const back = roundTrip(csv, catalogue);
        expect(back.notMatched).toBe(0);
        expect([...back.saved.entries()].map(([id, r]) => [id, r.rating])).toEqual(ratings.map((r) => [r.movieId, r.rating]));
      }),
      fuzzParams(200),
    );
  });

  test('a damaged file in this layout is refused with its line', () => {
    const head = 'Title,Year,imdbID,tmdbID,Rating,Rating10,WatchedDate\r\n';
    expect(importErrorOf(() => parseExternalRatings(`${head}Toy Story,1995,0114709,862,4,8,2024-01-02\r\n`, 'x.csv')).message).toBe('x.csv, line 2: expected an IMDb title id like tt0114709 in "imdbID", found "0114709"');
    expect(importErrorOf(() => parseExternalRatings(`${head}Toy Story,1995,tt0114709,abc,4,8,\r\n`, 'x.csv')).message).toBe('x.csv, line 2: expected a TMDB id (a whole number) in "tmdbID", found "abc"');
    expect(importErrorOf(() => parseExternalRatings(`${head}Toy Story,1995,,,,8,\r\nHeat,1995,,,4,7,\r\n`, 'x.csv')).message).toBe(
      'x.csv, line 3: expected "Rating" and "Rating10" to agree (Rating10 = 2 × Rating), found 4 and 7',
    );
    expect(importErrorOf(() => parseExternalRatings(`${head}Heat,1995,,,,11,\r\n`, 'x.csv')).message).toBe('x.csv, line 2: expected "Rating10" to be a whole number from 1 to 10, found "11"');
    expect(importErrorOf(() => parseExternalRatings('Title,Year,imdbID\r\nHeat,1995,\r\n', 'x.csv')).message).toBe('x.csv, line 1: expected a "Rating" (0.5–5) or "Rating10" (1–10) column (Title,Year,imdbID,tmdbID,Rating,…)');
    const onlyTen = parseExternalRatings(`${head}Heat,1995,,,,7,\r\nAlien,1979,,,,,\r\n`, 'x.csv');
    expect(onlyTen.rows.map((r) => [r.rating, r.fileRating])).toEqual([[3.5, '7/10']]);
    expect(onlyTen.skipped).toEqual([{ line: 3, title: 'Alien', year: 1979, reason: 'no rating in the file' }]);
  });
});

describe.runIf(sampleZipPath)('the whole real catalogue (ml-latest-small, 9,742 movies)', () => {
  const real = () => {
    const files = sampleFiles();
    const links = new Map(parseLinksCsv(files['links.csv']).map((l) => [l.movieId, l]));
    const movies = parseMoviesCsv(files['movies.csv']).map((m) => ({ ...m, imdbId: links.get(m.movieId)?.imdbId ?? null, tmdbId: links.get(m.movieId)?.tmdbId ?? null, count: 1 }));
    const lookup = new Map(movies.map((m) => [m.movieId, m]));
    const ratings = movies.map((m, k) => ({ movieId: m.movieId, rating: 0.5 + (k % 10) / 2, ratedAt: Date.UTC(2020, 0, 1) + k * 60_000 }));
    return { movies, ratings, csv: letterboxdCsv(ratings, (id) => lookup.get(id)).csv };
  };

  test('a rating for every movie comes back to the same movie, by its ids', () => {
    const { movies, ratings, csv } = real();
    expect(movies).toHaveLength(9_742);
    // 55 bytes a rating: one Letterboxd file (1 MB) holds about 18,000 ratings.
    expect(new TextEncoder().encode(csv).length).toBe(536_471);
    const back = roundTrip(csv, movies);
    expect(back.notMatched).toBe(0);
    expect(back.saved.size).toBe(movies.length);
    for (const r of ratings) expect(back.saved.get(r.movieId)?.rating).toBe(r.rating);
  });

  test('with no links at all, title + year alone finds 9,732 of the 9,742 (10 share a title and year: asked), never a wrong one', () => {
    const { movies, ratings, csv } = real();
    const bare = movies.map((m) => ({ ...m, imdbId: null, tmdbId: null }));
    const matches = matchExternalRatings(parseExternalRatings(csv, 'x.csv'), index(bare));
    const matched = matches.filter((m) => m.kind === 'matched');
    const wrong = matched.filter((m) => m.kind === 'matched' && ratings[m.row.line - 2].movieId !== m.movieId);
    expect(wrong).toEqual([]);
    expect(matched.length).toBe(9_732);
    expect(matches.filter((m) => m.kind === 'ambiguous')).toHaveLength(10);
  });
});
