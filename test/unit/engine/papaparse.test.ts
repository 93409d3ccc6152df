// The engine's declaration of papaparse (src/engine/papaparse.d.ts, so the engine compiles without Node types) is the
// real package: its declarations fit the engine's (a compile error otherwise) and the parser behaves as declared.
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import type * as Engine from '../../../src/engine/papaparse';
import { CSV_OPTIONS } from '../../../src/engine/movielens/csvText';

// Type checked by npm run typecheck: the real parse (from @types/papaparse) where the engine's is declared.
const parse: typeof Engine.parse = Papa.parse;

test('rows as string arrays, and a broken quote as a Quotes error with its row', () => {
  const r = parse<string[]>('movieId,title\n1,"Heat"\n2,"Toy Story\n', CSV_OPTIONS);
  expect(r.data.slice(0, 2)).toEqual([['movieId', 'title'], ['1', 'Heat']]);
  const err = r.errors.find((e) => e.type === 'Quotes');
  expect(err).toMatchObject({ type: 'Quotes', code: 'MissingQuotes', row: 2 });
  expect(typeof err?.message).toBe('string');
});

test('step receives one row at a time and abort stops the parse', () => {
  const rows: string[][] = [];
  parse<string[]>('a,1\nb,2\nc,3\nd,4\n', {
    ...CSV_OPTIONS,
    step: (r, parser) => {
      rows.push(r.data);
      expect(r.errors).toEqual([]);
      if (rows.length === 2) parser.abort();
    },
  });
  expect(rows).toEqual([['a', '1'], ['b', '2']]);
});
