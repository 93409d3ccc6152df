// The UI's one formatting helper: separators, sizes, counts with singular and plural nouns, month and year.
import { describe, expect, test } from 'vitest';
import { count, megabyteAmount, megabytes, monthYear, plural, thousands } from '../../../src/app/format';

describe('format', () => {
  test('thousands separators as toLocaleString("en") writes them', () => {
    for (const n of [0, 7, 999, 1000, 10744, 100836, 25000095, -1234567]) expect(thousands(n)).toBe(n.toLocaleString('en'));
  });

  test('megabytes: one decimal below 10 MB, separators above (the quota of "10744 MB")', () => {
    expect(megabytes(10_744_000_000)).toBe('10,744 MB');
    expect(megabytes(4_200_000)).toBe('4.2 MB');
    expect(megabytes(77_300_000)).toBe('77 MB');
    expect(megabytes(0)).toBe('0.0 MB');
    expect(megabyteAmount(1_234_567_890)).toBe('1,235');
  });

  test('singular for exactly one, plural for everything else', () => {
    expect(count(1, 'star')).toBe('1 star');
    expect(count(0.5, 'star')).toBe('0.5 stars');
    expect(count(4.5, 'star')).toBe('4.5 stars');
    expect(count(5, 'star')).toBe('5 stars');
    expect(count(0, 'rating')).toBe('0 ratings');
    expect(count(12345, 'rating')).toBe('12,345 ratings');
    expect(count(1, 'person', 'people')).toBe('1 person');
    expect(count(3, 'person', 'people')).toBe('3 people');
    expect(plural(1, 'configuration')).toBe('configuration');
    expect(plural(2, 'configuration')).toBe('configurations');
  });

  test('month and year in UTC', () => {
    expect(monthYear(1537799250)).toBe('September 2018'); // ml-latest-small's last rating
    expect(monthYear(0)).toBe('January 1970');
    expect(monthYear(Date.UTC(2023, 11, 31, 23, 59) / 1000)).toBe('December 2023');
  });
});
