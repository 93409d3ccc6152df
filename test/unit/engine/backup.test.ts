// Backups round-trip exactly; foreign or corrupt ones are refused with the field at fault; CSV export is MovieLens-shaped.
import { describe, expect, test } from 'vitest';
import { makeBackup, parseBackup, ratingsCsv } from '../../../src/engine/backup';
import { parseRatingsCsv } from '../../../src/engine/movielens/ratingsCsv';

const ratings = [
  { movieId: 356, rating: 5, ratedAt: 1_700_000_000_123 },
  { movieId: 1, rating: 0.5, ratedAt: 1_600_000_000_000 },
  { movieId: 2571, rating: 3.5, ratedAt: 1_650_000_000_999 },
];

describe('backup', () => {
  test('export then import gives back exactly the same ratings', () => {
    const text = JSON.stringify(makeBackup(ratings, new Date('2026-11-23T00:00:00Z')));
    const back = parseBackup(text, 'b.json');
    expect(back.ratings).toEqual([...ratings].sort((a, b) => a.movieId - b.movieId));
    expect(back.exportedAt).toBe('2026-11-23T00:00:00.000Z');
  });

  test('the watchlist travels in version 2 with its dates; a version-1 backup (no watchlist) still reads, leaving it as it is', () => {
    const watchlist = [
      { movieId: 2571, addedAt: 1_700_000_000_000 },
      { movieId: 1221, addedAt: 1_690_000_000_000 },
    ];
    const b = makeBackup(ratings, new Date(0), [{ movieId: 5, hiddenAt: 3 }], undefined, watchlist);
    expect(b.version).toBe(2);
    const back = parseBackup(JSON.stringify(b), 'b.json');
    expect(back.watchlist).toEqual([...watchlist].sort((x, y) => x.movieId - y.movieId));
    expect(back.hidden).toEqual([{ movieId: 5, hiddenAt: 3 }]);
    // What version 1 wrote (ratings, hidden, settings, no watchlist) restores, with no watchlist to replace.
    const v1 = parseBackup(JSON.stringify({ format: 'pocketlens-backup', version: 1, exportedAt: 'x', ratings, hidden: [] }), 'old.json');
    expect(v1.version).toBe(1);
    expect(v1.ratings).toHaveLength(3);
    expect(v1.watchlist).toBeUndefined();
  });

  test.each([
    ['a list that is not one', '{"a":1}', 'b.json: expected "watchlist" to be a list'],
    ['an entry without a date', '[{"movieId":1}]', 'b.json: watchlist[0].addedAt: expected a time in milliseconds, found undefined (from 1970 to 2286)'],
    ['a movie twice', '[{"movieId":1,"addedAt":5},{"movieId":1,"addedAt":6}]', 'b.json: watchlist[1].movieId: 1 appears twice; expected each movie once'],
    ['a fractional id', '[{"movieId":1.5,"addedAt":5}]', 'b.json: watchlist[0].movieId: expected a whole number, found 1.5'],
  ])('refuses a watchlist with %s, naming the entry', (_name, watchlist, message) => {
    expect(() => parseBackup(`{"format":"pocketlens-backup","version":2,"ratings":[],"watchlist":${watchlist}}`, 'b.json')).toThrow(message);
  });

  test.each([
    ['not JSON', 'hello', 'b.json: expected a PocketLens backup (JSON); this file is not JSON'],
    ['another app', '{"format":"other"}', 'b.json: expected a PocketLens backup ("format": "pocketlens-backup")'],
    ['a future version', '{"format":"pocketlens-backup","version":3,"ratings":[]}', 'b.json: expected backup version 1 or 2, found 3'],
    ['a bad rating', '{"format":"pocketlens-backup","version":1,"ratings":[{"movieId":1,"rating":4,"ratedAt":1},{"movieId":2,"rating":4.2,"ratedAt":1}]}', 'b.json: ratings[1].rating: expected 0.5 to 5 in half stars, found 4.2'],
    ['a duplicate', '{"format":"pocketlens-backup","version":1,"ratings":[{"movieId":1,"rating":4,"ratedAt":1},{"movieId":1,"rating":3,"ratedAt":2}]}', 'b.json: ratings[1].movieId: 1 appears twice'],
    ['a missing time', '{"format":"pocketlens-backup","version":1,"ratings":[{"movieId":1,"rating":4}]}', 'b.json: ratings[0].ratedAt: expected a time in milliseconds, found undefined'],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseBackup(text, 'b.json')).toThrow(message);
  });

  test('settings ride along: filters, list and onboarding come back as they were; unknown fields are dropped', () => {
    const settings = {
      recommendations: { genre: 'Film-Noir', yearFrom: 1940, yearTo: null, minCount: 50, rankBy: 'implicit' as const },
      onboarding: { grid: true, dismissed: false, notSeen: [260, 1196] },
    };
    const text = JSON.stringify({ ...makeBackup(ratings, new Date(0), [], settings), settings: { ...settings, theme: 'neon' } });
    expect(parseBackup(text, 'b.json').settings).toEqual(settings);
    // A backup from before settings were kept restores without touching them.
    expect(parseBackup(JSON.stringify(makeBackup(ratings)), 'b.json').settings).toBeUndefined();
  });

  test.each([
    ['not an object', '[]', 'b.json: settings: expected an object'],
    ['a year out of range', '{"recommendations":{"yearFrom":19999}}', 'b.json: settings.recommendations.yearFrom: expected a year from 1800 to 2200 or null, found 19999'],
    ['a negative minimum', '{"recommendations":{"minCount":-5}}', 'b.json: settings.recommendations.minCount: expected a whole number from 0, found -5'],
    ['an unknown list', '{"recommendations":{"rankBy":"vibes"}}', 'b.json: settings.recommendations.rankBy: expected "explicit" or "implicit", found "vibes"'],
    ['a genre that is not text', '{"recommendations":{"genre":7}}', 'b.json: settings.recommendations.genre: expected a genre name or null, found 7'],
    ['a flag that is not a flag', '{"onboarding":{"grid":"yes"}}', 'b.json: settings.onboarding.grid: expected true or false, found "yes"'],
    ['a bad "haven\'t seen" id', '{"onboarding":{"notSeen":[1,2.5]}}', 'b.json: settings.onboarding.notSeen[1]: expected a whole number, found 2.5'],
  ])('refuses settings with %s, naming the field', (_name, settings, message) => {
    const text = `{"format":"pocketlens-backup","version":1,"ratings":[],"settings":${settings}}`;
    expect(() => parseBackup(text, 'b.json')).toThrow(message);
  });

  test('CSV export reads back through the ratings parser as the same ratings', () => {
    const csv = ratingsCsv(ratings);
    expect(csv.split('\r\n')[1]).toBe('1,1,0.5,1600000000');
    const parsed = parseRatingsCsv(new TextEncoder().encode(csv));
    expect(Array.from(parsed.movieIds)).toEqual([1, 2571, 356]);
    expect(Array.from(parsed.ratings)).toEqual([0.5, 3.5, 5]);
  });
});
