// The group list's "why" line: each person's place among the candidates, led by what the places say together.
import { expect, test } from 'vitest';
import { whyText } from '../../../../../src/app/components/night/nightWhy';

test('in everyone’s top 2 %: high for everyone, with each place', () => {
  expect(whyText([{ name: 'Ana', rank: 3 }, { name: 'Sam', rank: 12 }], 1043)).toBe('High for everyone: your #3 and Sam’s #12 of 1,043');
  expect(whyText([{ name: 'Ana', rank: 1 }, { name: 'Sam', rank: 20 }, { name: 'Kai', rank: 7 }], 1000)).toBe('High for everyone: your #1, Sam’s #20 and Kai’s #7 of 1,000');
});

test('one person ranks it ten times higher than another: mostly for them (you when it is you)', () => {
  expect(whyText([{ name: 'Ana', rank: 300 }, { name: 'Sam', rank: 4 }], 1043)).toBe('Mostly for Sam: your #300 and Sam’s #4 of 1,043');
  expect(whyText([{ name: 'Ana', rank: 5 }, { name: 'Sam', rank: 50 }], 1043)).toBe('Mostly for you: your #5 and Sam’s #50 of 1,043');
});

test('otherwise good for everyone; a tiny list still counts #1 as high', () => {
  expect(whyText([{ name: 'Ana', rank: 40 }, { name: 'Sam', rank: 90 }], 1043)).toBe('Good for everyone: your #40 and Sam’s #90 of 1,043');
  expect(whyText([{ name: 'Ana', rank: 1 }, { name: 'Sam', rank: 1 }], 10)).toBe('High for everyone: your #1 and Sam’s #1 of 10');
  expect(whyText([{ name: 'Ana', rank: 2 }, { name: 'Sam', rank: 1 }], 10)).toBe('Good for everyone: your #2 and Sam’s #1 of 10');
});
