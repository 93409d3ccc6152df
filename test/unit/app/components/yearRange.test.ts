// The recommendations' year filter: backwards ranges are swapped and said, anything else passes as typed.
import { expect, test } from 'vitest';
import { parseYear, yearRange } from '../../../../src/app/components/yearRange';

test('"From 2030 to 1989" becomes 1989–2030, with a message naming both', () => {
  expect(yearRange(2030, 1989)).toEqual({ from: 1989, to: 2030, note: 'From 2030 to 1989 runs backwards: showing movies from 1989 to 2030.' });
});

test('ranges the right way round, one open end or none pass unchanged and silently', () => {
  expect(yearRange(1989, 2030)).toEqual({ from: 1989, to: 2030, note: null });
  expect(yearRange(1995, 1995)).toEqual({ from: 1995, to: 1995, note: null });
  expect(yearRange(2030, null)).toEqual({ from: 2030, to: null, note: null });
  expect(yearRange(null, 1989)).toEqual({ from: null, to: 1989, note: null });
  expect(yearRange(null, null)).toEqual({ from: null, to: null, note: null });
});

test('a year is four digits', () => {
  expect(parseYear(' 1989 ')).toBe(1989);
  expect(parseYear('198')).toBeNull();
  expect(parseYear('')).toBeNull();
  expect(parseYear('19a9')).toBeNull();
});
