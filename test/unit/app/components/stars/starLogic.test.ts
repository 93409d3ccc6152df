// The star control's rules: half stars lit exactly, a finger's second tap takes half a star off, arrows only preview.
import { describe, expect, test } from 'vitest';
import { previewAfterKey, pressValue, starFills, starText } from '../../../../../src/app/components/stars/starLogic';

describe('star control', () => {
  test('2.5 lights two stars and exactly half of the third; the number beside says 2.5', () => {
    expect(starFills(2.5)).toEqual([1, 1, 0.5, 0, 0]);
    expect(starFills(5)).toEqual([1, 1, 1, 1, 1]);
    expect(starFills(0.5)).toEqual([0.5, 0, 0, 0, 0]);
    expect(starFills(null)).toEqual([0, 0, 0, 0, 0]);
    expect([starText(3.5), starText(4), starText(null)]).toEqual(['3.5', '4', '']);
  });

  test('a finger rates the whole star; a second tap on the same star takes half off, a third puts it back', () => {
    // Either half of star 4 under a finger is star 4.
    expect(pressValue(null, 3.5, 'touch')).toBe(4);
    expect(pressValue(null, 4, 'touch')).toBe(4);
    expect(pressValue(4, 4, 'touch')).toBe(3.5);
    expect(pressValue(4, 3.5, 'touch')).toBe(3.5);
    expect(pressValue(3.5, 4, 'touch')).toBe(4);
    expect(pressValue(2, 4, 'touch')).toBe(4);
    expect(pressValue(1, 0.5, 'touch')).toBe(0.5); // the lowest rating on a phone: tap the first star twice
  });

  test('a mouse, a pen or Space picks the half pressed', () => {
    for (const pointer of ['mouse', 'pen', '']) {
      expect(pressValue(null, 3.5, pointer)).toBe(3.5);
      expect(pressValue(4, 4, pointer)).toBe(4);
    }
  });

  test('arrow keys move a preview by half a star from the focused star, Home and End to the ends; other keys do not preview', () => {
    expect(previewAfterKey('ArrowDown', 0.5)).toBe(0.5); // an unrated row entered by Tab sits on 0.5: ArrowDown stays there, unsaved
    expect(previewAfterKey('ArrowUp', 0.5)).toBe(1);
    expect(previewAfterKey('ArrowRight', 3)).toBe(3.5);
    expect(previewAfterKey('ArrowLeft', 3)).toBe(2.5);
    expect(previewAfterKey('ArrowRight', 5)).toBe(5);
    expect(previewAfterKey('Home', 3)).toBe(0.5);
    expect(previewAfterKey('End', 1)).toBe(5);
    expect(previewAfterKey('ArrowUp', null)).toBe(0.5);
    expect(previewAfterKey('Enter', 3)).toBe(null);
    expect(previewAfterKey('4', 3)).toBe(null);
  });
});
