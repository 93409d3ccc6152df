// CSV cells: OWASP's formula guard undone exactly by the import, and RFC 4180 quoting read back by papaparse.
import fc from 'fast-check';
import { fuzzParams } from '../../fuzz';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { csvField, csvText, guardFormula, unguardFormula } from '../../../src/engine/csvCell';

describe('formula guard', () => {
  test('cells a spreadsheet would run get a leading quote; others are untouched', () => {
    expect(guardFormula('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(guardFormula('+1')).toBe("'+1");
    expect(guardFormula('-30-')).toBe("'-30-");
    expect(guardFormula('@Suicide Room')).toBe("'@Suicide Room");
    expect(guardFormula('\tTab')).toBe("'\tTab");
    expect(guardFormula("'Round Midnight")).toBe("'Round Midnight");
    expect(guardFormula("'=x")).toBe("''=x");
    expect(guardFormula('Se7en')).toBe('Se7en');
  });

  test('unguard(guard(t)) = t for every text, and a guarded text never starts with a trigger', () => {
    const text = fc.oneof(fc.string(), fc.tuple(fc.constantFrom("'", "''", ''), fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        const g = guardFormula(t);
        expect(unguardFormula(g)).toBe(t);
        expect(g).not.toMatch(/^[=+\-@\t\r]/);
      }),
      fuzzParams(1000),
    );
  });
});

describe('RFC 4180', () => {
  test('commas, quotes and line breaks are quoted with quotes doubled', () => {
    expect(csvField('Good, the Bad and the Ugly')).toBe('"Good, the Bad and the Ugly"');
    expect(csvField('Film "Quoted" Title')).toBe('"Film ""Quoted"" Title"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  test('papaparse reads any row of text cells back to the original texts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 5 }), (cells) => {
        const line = cells.map(csvText).join(',');
        const parsed = Papa.parse<string[]>(line, { delimiter: ',', newline: '\r\n' });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data[0].map(unguardFormula)).toEqual(cells);
      }),
      fuzzParams(200),
    );
  });
});
