// Test helper: runs code that must fail with an ImportError and returns that error for its file, line and message.
import { expect } from 'vitest';
import { ImportError } from '../src/engine/movielens/errors';

export function importErrorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}
