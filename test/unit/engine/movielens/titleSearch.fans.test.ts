// What fans type, against the real ml-latest-small: the first hit of each query in the table is the movie they meant.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseMoviesCsv } from '../../../../src/engine/movielens/textCsv';
import { parseRatingsCsv } from '../../../../src/engine/movielens/ratingsCsv';
import { searchKey, TitleIndex } from '../../../../src/engine/movielens/titleSearch';
import { sampleFiles, sampleZipPath } from '../../../sample';

/** Query as typed → the movie meant, as movies.csv names it (title and year). Sequels by number, spelling and spacing folded. */
export const FAN_QUERIES: readonly (readonly [string, string])[] = [
  ['godfather 2', 'Godfather: Part II, The (1974)'],
  ['godfather part ii', 'Godfather: Part II, The (1974)'],
  ['the godfather 3', 'Godfather: Part III, The (1990)'],
  ['rocky iv', 'Rocky IV (1985)'],
  ['rocky 4', 'Rocky IV (1985)'],
  ['rocky 2', 'Rocky II (1979)'],
  ['walle', 'WALL·E (2008)'],
  ['wall-e', 'WALL·E (2008)'],
  ['se7en', 'Seven (a.k.a. Se7en) (1995)'],
  ['spiderman', 'Spider-Man (2002)'],
  ['spiderman 2', 'Spider-Man 2 (2004)'],
  ['x men', 'X-Men (2000)'],
  ['xmen', 'X-Men (2000)'],
  ['x men 2', 'X2: X-Men United (2003)'],
  ['terminator 2', 'Terminator 2: Judgment Day (1991)'],
  ['kill bill 2', 'Kill Bill: Vol. 2 (2004)'],
  ['star wars 4', 'Star Wars: Episode IV - A New Hope (1977)'],
  ['star wars episode 5', 'Star Wars: Episode V - The Empire Strikes Back (1980)'],
  ['star wars 1', 'Star Wars: Episode I - The Phantom Menace (1999)'],
  ['back to the future 2', 'Back to the Future Part II (1989)'],
  ['back to the future part 3', 'Back to the Future Part III (1990)'],
  ['superman 2', 'Superman II (1980)'],
  ['star trek 2', 'Star Trek II: The Wrath of Khan (1982)'],
  ['ironman', 'Iron Man (2008)'],
  ['oceans 11', "Ocean's Eleven (2001)"],
  ['oceans twelve', "Ocean's Twelve (2004)"],
  ['et', 'E.T. the Extra-Terrestrial (1982)'],
  ['2001', '2001: A Space Odyssey (1968)'],
  ['jurassic park 3', 'Jurassic Park III (2001)'],
  ['ghostbusters 2', 'Ghostbusters II (1989)'],
  ['saw 2', 'Saw II (2005)'],
  ['shrek 3', 'Shrek the Third (2007)'],
  ['mission impossible 3', 'Mission: Impossible III (2006)'],
  ['rambo 2', 'Rambo: First Blood Part II (1985)'],
  ['die hard 2', 'Die Hard 2 (1990)'],
  ['toy story 3', 'Toy Story 3 (2010)'],
  ['blade runner 2049', 'Blade Runner 2049 (2017)'],
  ['alien', 'Alien (1979)'],
  ['amelie', "Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)"],
  ['leon the professional', 'Léon: The Professional (a.k.a. The Professional) (Léon) (1994)'],
  ['schindlers list', "Schindler's List (1993)"],
  ['lord of the rings', 'Lord of the Rings: The Fellowship of the Ring, The (2001)'],
  ['matrix 1999', 'Matrix, The (1999)'],
  ['harry potter', "Harry Potter and the Sorcerer's Stone (a.k.a. Harry Potter and the Philosopher's Stone) (2001)"],
];

describe.runIf(sampleZipPath)('the fans’ queries on ml-latest-small', () => {
  let names: string[] = [];
  let index: TitleIndex;
  const hits: string[] = [];

  beforeAll(() => {
    const files = sampleFiles();
    const movies = parseMoviesCsv(files['movies.csv']);
    const ratings = parseRatingsCsv(files['ratings.csv']);
    const at = new Map(movies.map((m, i) => [m.movieId, i]));
    const counts = new Int32Array(movies.length);
    for (let k = 0; k < ratings.length; k++) counts[at.get(ratings.movieIds[k])!]++;
    names = movies.map((m) => (m.year === null ? m.title : `${m.title} (${m.year})`));
    index = new TitleIndex(movies.map((m) => searchKey(m.title, m.year)), counts);
  });

  afterAll(() => console.log(`fans' queries: ${hits.length}/${FAN_QUERIES.length} first hits`));

  test.each(FAN_QUERIES)('“%s” → %s first', (query, meant) => {
    const first = index.search(query, 10).map((i) => names[i])[0];
    if (first === meant) hits.push(query);
    expect(first).toBe(meant);
  });

  test('“terminator 2” lists no other Terminator (its 2 is a numeral, not the start of 2003); “kill bill 2” not Vol. 1', () => {
    expect(index.search('terminator 2', 10).map((i) => names[i])).toEqual(['Terminator 2: Judgment Day (1991)']);
    expect(index.search('kill bill 2', 10).map((i) => names[i])).toEqual(['Kill Bill: Vol. 2 (2004)']);
  });
});
