// Text limits of the movie list: a title over 1,000 characters or a genre over 64 is refused with file and line; a tag over 200 is left out with a note.
import { describe, expect, test } from 'vitest';
import { parseMoviesDat, parseUItem } from '../../../../src/engine/movielens/legacyText';
import { MAX_GENRE_CHARS, MAX_TAG_CHARS, MAX_TITLE_CHARS } from '../../../../src/engine/movielens/limits';
import { parseTagsCsv, parseTagsDat } from '../../../../src/engine/movielens/tags';
import { parseMoviesCsv } from '../../../../src/engine/movielens/textCsv';
import { importErrorOf } from '../../../importError';

const enc = (s: string) => new TextEncoder().encode(s);

describe('title and genre limits', () => {
  test('the limits are far above the real releases (ml-latest-small: longest title 158, genre 18, tag 85 characters)', () => {
    expect([MAX_TITLE_CHARS, MAX_GENRE_CHARS, MAX_TAG_CHARS]).toEqual([1000, 64, 200]);
  });

  test('a title of exactly 1,000 characters imports; 1,001 is refused with file, line and the limit', () => {
    const ok = 'x'.repeat(993) + ' (1995)';
    expect(parseMoviesCsv(enc(`movieId,title,genres\n1,${ok},Drama\n`))[0]).toMatchObject({ title: 'x'.repeat(993), year: 1995 });
    const e = importErrorOf(() => parseMoviesCsv(enc(`movieId,title,genres\n1,Heat (1995),Action\n2,${'y'.repeat(1001)},Drama\n`), 'ml/movies.csv'));
    expect(e).toMatchObject({ file: 'ml/movies.csv', line: 3 });
    expect(e.problem).toBe(`expected a title of at most 1,000 characters, found one of 1,001 ("${'y'.repeat(60)}…")`);
  });

  test('the issue\'s ", The (x" × 50,000 title is refused at once', () => {
    const title = `"${', The (x'.repeat(50_000)}"`;
    const e = importErrorOf(() => parseMoviesCsv(enc(`movieId,title,genres\n1,${title},Drama\n`)));
    expect(e.line).toBe(2);
    expect(e.problem).toMatch(/^expected a title of at most 1,000 characters, found one of 400,000 /);
  });

  test('a genre over 64 characters is refused; the same limits hold in movies.dat and u.item', () => {
    const g = 'G'.repeat(65);
    expect(importErrorOf(() => parseMoviesCsv(enc(`movieId,title,genres\n1,Heat (1995),Action|${g}\n`))).problem).toBe(
      `expected genre names of at most 64 characters, found one of 65 ("${'G'.repeat(60)}…")`,
    );
    expect(importErrorOf(() => parseMoviesDat(enc(`1::Heat (1995)::Action|${g}\n`), 'movies.dat')).line).toBe(1);
    const flags = Array(19).fill('0').join('|');
    expect(importErrorOf(() => parseUItem(enc(`1|${'t'.repeat(1001)}|01-Jan-1995||http://x|${flags}\n`), 'u.item')).problem).toMatch(/^expected a title of at most 1,000 characters/);
  });
});

describe('tag limit', () => {
  test('tags over 200 characters are left out with a note naming the first line; the others are counted', () => {
    const long = 'z'.repeat(201);
    const notes: string[] = [];
    const tags = parseTagsCsv(enc(`userId,movieId,tag,timestamp\n1,5,funny,1\n2,5,${long},2\n3,6,${'w'.repeat(20_000)},3\n4,5,${'v'.repeat(200)},4\n`), 'tags.csv', 10, notes);
    expect(tags.get(5)).toEqual([
      { tag: 'funny', count: 1 },
      { tag: 'v'.repeat(200), count: 1 },
    ]);
    expect(tags.has(6)).toBe(false);
    expect(notes).toEqual(['2 tags in tags.csv longer than 200 characters left out (the first on line 3)']);
    const datNotes: string[] = [];
    parseTagsDat(enc(`1::5::${long}::1\n`), 'tags.dat', 'utf-8', 10, datNotes);
    expect(datNotes).toEqual(['1 tag in tags.dat longer than 200 characters left out (the first on line 1)']);
  });
});
