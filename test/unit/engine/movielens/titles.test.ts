// Title handling in linear time: the stalling titles, the same answers as the old regular expressions, and step counts (not timings) linear in the length for random and adversarial strings.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { displayTitle, normalizeForSearch } from '../../../../src/engine/movielens/titles';
import { foldForSearch, queryWords, searchKey } from '../../../../src/engine/movielens/titleSearch';
import { splitTitle } from '../../../../src/engine/movielens/textCsv';
import { scanSteps } from '../../../../src/engine/movielens/textScan';
import { movieLensNames, splitSubtitles, titleKey } from '../../../../src/engine/externalRatingsMatch';
import { regexDisplayTitle, regexMovieLensNames, regexSplitSubtitles, regexSplitTitle } from '../../../textReference';
import { fuzzParams } from '../../../fuzz';

/** Steps a call takes, as counted by the scanners. */
function steps(f: () => unknown): number {
  scanSteps.count = 0;
  f();
  return scanSteps.count;
}

/** Every title function, by name: each must stay within STEPS_PER_CHAR steps a character. */
const FUNCTIONS: Record<string, (s: string) => unknown> = {
  displayTitle,
  splitTitle,
  movieLensNames,
  splitSubtitles,
  normalizeForSearch,
  foldForSearch,
  searchKey: (s) => searchKey(s, 1995),
  titleKey,
  queryWords,
};
const STEPS_PER_CHAR = 64;

describe('the titles that stalled the engine (issue 15)', () => {
  const stall = ', The (x'.repeat(50_000); // 400,000 characters
  const spaces = `a${' '.repeat(100_000)}b`;

  test('", The (x" × 50,000: no trailing article to move, no year, no alternative title; each function linear', () => {
    expect(displayTitle(stall)).toBe(stall);
    expect(splitTitle(stall)).toEqual({ title: stall.trim(), year: null });
    expect(movieLensNames(stall)).toEqual([stall]);
    expect(searchKey(stall, null).length).toBeGreaterThan(200_000);
    for (const [name, f] of Object.entries(FUNCTIONS)) expect(steps(() => f(stall)), name).toBeLessThanOrEqual(STEPS_PER_CHAR * stall.length);
  });

  test('"a" + 100,000 spaces + "b": one word each side, no subtitle separator', () => {
    expect(splitTitle(spaces)).toEqual({ title: spaces, year: null });
    expect(splitSubtitles(spaces)).toEqual([spaces]);
    expect(titleKey(spaces)).toBe('b'); // "a" is an article
    expect(movieLensNames(`${spaces} (c)`)).toEqual([`${spaces} (c)`, spaces, 'c']);
    for (const [name, f] of Object.entries(FUNCTIONS)) expect(steps(() => f(spaces)), name).toBeLessThanOrEqual(STEPS_PER_CHAR * spaces.length);
  });

  test('100,000 combining marks on one letter fold away (the run is cut to 30 marks before NFD sorts it)', () => {
    const marks = `a${'\u0301\u0316'.repeat(50_000)}b`;
    expect(normalizeForSearch(marks)).toBe('ab');
    expect(normalizeForSearch(`é${'\u0301'.repeat(100_000)}`)).toBe('e');
    expect(steps(() => normalizeForSearch(marks))).toBeLessThanOrEqual(STEPS_PER_CHAR * marks.length);
  });

  test('a query of 50,000 words keeps its first 32 distinct words', () => {
    const words = queryWords(Array.from({ length: 50_000 }, (_, i) => `w${i % 40000}`).join(' '));
    expect(words).toHaveLength(32);
    expect(words[31]).toBe('w31');
    expect(queryWords('Matrix matrix MATRIX reloaded')).toEqual(['matrix', 'reloaded']);
  });
});

/** Characters the old patterns cared about, so random strings hit their corner cases often. */
const ALPHABET = ['a', 'b', 'x', ' ', '  ', '\t', '\n', '\u00a0', ',', ', ', '(', ')', ':', '-', '–', '1', '9', '1995', 'The', 'A', 'An', "L'", 'Les', 'Un', 'Une', 'a.k.a. ', 'é', '\u0301'];
const piece = fc.constantFrom(...ALPHABET);
const shortText = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));

describe('the scanners answer exactly as the regular expressions they replace', () => {
  const runs = { numRuns: 3000, seed: 15 };

  test('displayTitle', () => {
    fc.assert(fc.property(shortText, (s) => {
      expect(displayTitle(s)).toBe(regexDisplayTitle(s));
    }), runs);
    expect(displayTitle('Matrix, The')).toBe('The Matrix');
    expect(displayTitle('City of Lost Children, The (Cité des enfants perdus, La)')).toBe('The City of Lost Children (Cité des enfants perdus, La)');
    expect(displayTitle("Homme qui aimait les femmes, L'")).toBe("L'Homme qui aimait les femmes");
  });

  test('splitTitle', () => {
    fc.assert(fc.property(shortText, (s) => {
      expect(splitTitle(s)).toEqual(regexSplitTitle(s));
    }), runs);
    expect(splitTitle('Heat (1995)')).toEqual({ title: 'Heat', year: 1995 });
    expect(splitTitle('Fawlty Towers (1975-1979)')).toEqual({ title: 'Fawlty Towers', year: 1975 });
    expect(splitTitle('Big Bang Theory, The (2007 - )')).toEqual({ title: 'Big Bang Theory, The', year: 2007 });
  });

  test('movieLensNames (alternative titles peeled from the end)', () => {
    fc.assert(fc.property(shortText, (s) => {
      expect(movieLensNames(s)).toEqual(regexMovieLensNames(s, displayTitle));
    }), runs);
    expect(movieLensNames('Seven (a.k.a. Se7en) (1995)')).toEqual(['Seven (a.k.a. Se7en) (1995)', 'Seven', 'Se7en', '1995']);
  });

  test('splitSubtitles', () => {
    fc.assert(fc.property(shortText, (s) => {
      expect(splitSubtitles(s)).toEqual(regexSplitSubtitles(s));
    }), runs);
    expect(splitSubtitles('Star Wars: Episode IV - A New Hope')).toEqual(['Star Wars', 'Episode IV', 'A New Hope']);
  });
});

describe('steps linear in the length, for random long and adversarial strings', () => {
  /** A unit repeated (separators, articles, brackets, spaces, marks), or random pieces, up to ~40,000 characters. */
  const longText = fc.oneof(
    fc.tuple(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 8000 })).map(([unit, times]) => unit.join('').repeat(times)),
    fc.array(piece, { maxLength: 8000 }).map((p) => p.join('')),
    fc.tuple(shortText, fc.constantFrom(' ', ', The', '(', ')', '\u0301', ': ', ' - ', '(x)', ' (a.k.a. x)'), fc.integer({ min: 1, max: 20000 }), shortText).map(
      ([a, unit, times, b]) => `${a}${unit.repeat(times)}${b}`,
    ),
  );

  test.each(Object.keys(FUNCTIONS))('%s', (name) => {
    const f = FUNCTIONS[name];
    fc.assert(
      fc.property(longText, (s) => {
        expect(steps(() => f(s))).toBeLessThanOrEqual(STEPS_PER_CHAR * (s.length + 1));
      }),
      { numRuns: 120, seed: 15 },
    );
  });
});

test('normalizeForSearch on ASCII (its fast path) equals the general NFD path, on random ASCII text', () => {
  const general = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  fc.assert(
    fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 60 }), (s) => {
      expect(normalizeForSearch(s)).toBe(general(s));
    }),
    fuzzParams(2000),
  );
  expect(normalizeForSearch('Amélie')).toBe('amelie'); // not ASCII: the general path
});
