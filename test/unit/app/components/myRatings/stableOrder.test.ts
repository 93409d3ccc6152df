// Rows keep their place while the person edits: the shown order wins for rows already on screen, new rows take their
// place by the sort, gone rows leave; checked against a rule-by-rule oracle on random lists.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { stableOrder } from '../../../../../src/app/components/myRatings/stableOrder';
import { fuzzParams } from '../../../../fuzz';

const id = (x: number) => x;

test('an edited row stays in place; a removed row put back returns to its place; the first render is the sort', () => {
  expect(stableOrder(null, [3, 1, 2], id)).toEqual([3, 1, 2]);
  // Row 2 was edited (now the newest): the sort says [2, 3, 1], the screen keeps [3, 1, 2].
  expect(stableOrder([3, 1, 2], [2, 3, 1], id)).toEqual([3, 1, 2]);
  // Row 1 removed, then put back with its own date: it returns between 3 and 2.
  expect(stableOrder([3, 2], [3, 1, 2], id)).toEqual([3, 1, 2]);
  // A new rating (newest) on top; a row gone elsewhere leaves.
  expect(stableOrder([3, 1, 2], [9, 3, 2], id)).toEqual([9, 3, 2]);
});

test('random lists: same rows as the sort, shown rows in shown order, each new row right after its nearest shown predecessor', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.nat(60), { maxLength: 30 }), fc.uniqueArray(fc.nat(60), { maxLength: 30 }), (shown, next) => {
      const out = stableOrder(shown, next, id);
      expect([...out].sort((a, b) => a - b)).toEqual([...next].sort((a, b) => a - b));
      const kept = shown.filter((x) => next.includes(x));
      expect(out.filter((x) => shown.includes(x))).toEqual(kept);
      for (const x of next.filter((v) => !shown.includes(v))) {
        const before = next.slice(0, next.indexOf(x)).filter((v) => shown.includes(v)).at(-1);
        const at = out.indexOf(x);
        // Between its anchor (or the start) and the next shown row, only new rows.
        const prevShown = out.slice(0, at).filter((v) => shown.includes(v)).at(-1);
        expect(prevShown).toBe(before);
      }
    }),
    fuzzParams(300),
  );
});
