// The engine API behind comlink as the page calls it (a MessageChannel in place of the worker): a refused import
// rejects with an ImportError naming the file and line, a refused space check with a StorageError and its sizes, and
// nothing is stored either way.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { expose, proxy, wrap } from 'comlink';
import * as api from '../../../src/worker-api/engineApi';
import { registerErrorTransfer } from '../../../src/sync/errorTransfer';
import { ImportError } from '../../../src/engine/movielens/errors';
import { StorageError } from '../../../src/store/storageError';

const movies = new Uint8Array(readFileSync(new URL('../../fixtures/tiny/movies.csv', import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
/** A ratings.csv of `n` rows whose row `bad` (0-based, so line bad + 2) has a movie id that is not a number. */
function ratings(n: number, bad: number): Uint8Array {
  const rows = Array.from({ length: n }, (_, k) => (k === bad ? `1,x,3,1` : `${1 + Math.floor(k / 8)},${1 + (k % 8)},4,${1e9 + k}`));
  return enc(`userId,movieId,rating,timestamp\n${rows.join('\n')}\n`);
}

describe('engine API errors as the page receives them', () => {
  registerErrorTransfer(); // both ends live in this context, as the worker entry and the client each register it
  const { port1, port2 } = new MessageChannel();
  expose(api, port1);
  const remote = wrap<typeof api>(port2);
  afterEach(() => void vi.unstubAllGlobals());
  afterAll(() => {
    port1.close();
    port2.close();
  });

  test('a bad ratings line: ImportError with the file, the line and what was expected; nothing stored', async () => {
    const files = [
      { name: 'ratings.csv', bytes: ratings(20, 6) },
      { name: 'movies.csv', bytes: movies },
    ];
    const e = await remote.importFiles(files, proxy(() => {})).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    const { file, line, problem, message } = e as ImportError;
    expect([file, line]).toEqual(['ratings.csv', 8]);
    expect(problem).toMatch(/^expected /);
    expect(message).toBe(`ratings.csv, line 8: ${problem}`);
    expect(await remote.listDatasetInfo()).toEqual([]);
  });

  test('an import that does not fit: StorageError of kind quota with what it needs and what is free; nothing stored', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 9_000_000, quota: 9_010_000 }) } });
    const files = [
      { name: 'ratings.csv', bytes: ratings(2000, -1) },
      { name: 'movies.csv', bytes: movies },
    ];
    const e = await remote.importFiles(files, proxy(() => {})).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    const { kind, sizes } = e as StorageError;
    expect(kind).toBe('quota');
    expect(sizes.availableBytes).toBe(10_000);
    expect(sizes.needBytes).toBeGreaterThan(10_000);
    expect(await remote.listDatasetInfo()).toEqual([]);
  });
});
