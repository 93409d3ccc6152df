// A release built to break the layout and the reading order, at the longest the import accepts (src/engine/movielens/
// limits.ts): a title of 1,000 characters with no space, a 64-character genre, a 200-character tag, an RTL override in
// a title and in a tag; the rest a planted low-rank release so it trains. Generated at test time, never committed.
import { strToU8, zipSync } from 'fflate';
import { MAX_GENRE_CHARS, MAX_TAG_CHARS, MAX_TITLE_CHARS } from '../../src/engine/movielens/limits';
import { plantedLowRank } from '../../src/engine/synth';
import { synthMovieId, writeRelease } from '../../src/engine/movielens/writeRelease';

/** "Evil ‮gnp.exe": shown without isolation, the override reorders the text after it ("exe.png Evil"). */
export const RTL_TITLE = 'Evil \u202Egnp.exe';
export const LONG_GENRE = 'G'.repeat(MAX_GENRE_CHARS);
export const LONG_TAG = 'T'.repeat(MAX_TAG_CHARS);
/** The longest title accepted, one unbroken word: with its " (1999)" the raw title is MAX_TITLE_CHARS long. */
export const LONG_TITLE = 'W'.repeat(MAX_TITLE_CHARS - ' (1999)'.length);
export const LONG_ID = synthMovieId(0);
export const RTL_ID = synthMovieId(1);

export function hostileRelease(): { name: string; mimeType: string; buffer: Buffer } {
  const synth = plantedLowRank({ users: 120, items: 80, rank: 3, density: 0.4, noise: 0.3, seed: 11, clamp: true });
  const r = writeRelease(synth.columns, synth.nItems);
  const movies = r['movies.csv'].split('\r\n');
  movies[1] = `${LONG_ID},"${LONG_TITLE} (1999)",Drama|${LONG_GENRE}|Comedy`;
  movies[2] = `${RTL_ID},"${RTL_TITLE} (2001)",Thriller`;
  const tags = ['userId,movieId,tag,timestamp', `1,${LONG_ID},${LONG_TAG},1`, `2,${LONG_ID},${LONG_TAG},2`, `1,${RTL_ID},\u202Eevil tag,3`, `1,${LONG_ID},fine,4`];
  const name = `ml-${'n'.repeat(120)}`;
  const files = { ...r, 'movies.csv': movies.join('\r\n'), 'tags.csv': tags.join('\r\n') + '\r\n' };
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([f, text]) => [`${name}/${f}`, strToU8(text)])));
  return { name: `${name}.zip`, mimeType: 'application/zip', buffer: Buffer.from(zip) };
}
