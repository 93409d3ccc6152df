// How recent a dataset is, in words from its data: the sample's age read from its last rating and newest movie.
import { expect, test } from 'vitest';
import type { DatasetInfo } from '../../../../src/worker-api/datasetsApi';
import { bundledOf, freshnessText, sampleAgeText, stopsIn } from '../../../../src/app/components/freshness';

const info = (patch: Partial<DatasetInfo>): DatasetInfo => ({
  id: 'ml-latest-small-x',
  name: 'ml-latest-small',
  source: 'bundled:ml-latest-small',
  ratings: 100836,
  users: 610,
  movies: 9742,
  notes: [],
  createdAt: 0,
  sourceBytes: 978202,
  storedBytes: 400000,
  active: true,
  hasModel: true,
  importSeconds: 1,
  lastRatingAt: 1537799250,
  newestMovieYear: 2018,
  ...patch,
});

test('the sample stops in the year of its last rating, said with the month and its newest movies', () => {
  const d = info({});
  expect(stopsIn(d)).toBe(2018);
  expect(sampleAgeText(d)).toBe('The bundled sample, ml-latest-small, stops in 2018: its last rating was given in September 2018 and its newest movies are from 2018, so nothing released since is in it.');
  expect(freshnessText(d)).toBe('ratings up to September 2018 · newest movie 2018');
});

test('the year follows the data, not a constant', () => {
  const later = info({ lastRatingAt: Date.UTC(2023, 9, 12) / 1000, newestMovieYear: 2023 });
  expect(sampleAgeText(later)).toMatch(/^The bundled sample, ml-latest-small, stops in 2023: its last rating was given in October 2023/);
});

test('a dataset stored before the rating date was recorded: the movie year alone; neither known: nothing said', () => {
  const old = info({ lastRatingAt: null });
  expect(stopsIn(old)).toBe(2018);
  expect(sampleAgeText(old)).toBe('The bundled sample, ml-latest-small, stops in 2018: its newest movies are from 2018, so nothing released since is in it.');
  expect(freshnessText(old)).toBe('newest movie 2018');
  const none = info({ lastRatingAt: null, newestMovieYear: null });
  expect(sampleAgeText(none)).toBeNull();
  expect(freshnessText(none)).toBeNull();
});

test('the bundled sample is found by its source', () => {
  expect(bundledOf([info({ source: 'ml-25m.zip', id: 'a' }), info({ id: 'b' })])?.id).toBe('b');
  expect(bundledOf([info({ source: 'ml-25m.zip' })])).toBeUndefined();
});
