// Errors across the worker bridge: ImportError, StorageError and CancelledError arrive as their own class with their
// fields (serialized, structured-cloned as postMessage does, deserialized); any other error as comlink sends it.
import { afterAll, describe, expect, test } from 'vitest';
import { expose, transferHandlers, wrap, type TransferHandler } from 'comlink';
import { errorTransferHandler, registerErrorTransfer, type WireThrown } from '../../../src/sync/errorTransfer';
import { ImportError } from '../../../src/engine/movielens/errors';
import { StorageError } from '../../../src/store/storageError';
import { notEnoughSpace, ranOutOfSpace } from '../../../src/store/quota';
import { CancelledError } from '../../../src/engine/cancelled';
import { TasteCodeError } from '../../../src/engine/group/tasteCode';
import { TrainingCancelled, trainAls } from '../../../src/engine/als/train';
import { LabCancelled } from '../../../src/worker-api/labApi';
import { buildCsr } from '../../../src/engine/als/csr';
import { plantedLowRank } from '../../../src/engine/synth';

/** comlink's own 'throw' handler, as a side without ours would use it (this file registers ours only below). */
const comlinkThrow = transferHandlers.get('throw') as TransferHandler<{ value: unknown }, WireThrown>;

/** What the other side of a postMessage gets from `thrown`, read back by `handler`. */
function across(thrown: unknown, handler: TransferHandler<{ value: unknown }, WireThrown> = errorTransferHandler): unknown {
  const [wire, transferables] = errorTransferHandler.serialize({ value: thrown });
  expect(transferables).toEqual([]);
  const cloned = structuredClone(wire); // what postMessage does: class instances would lose their class here
  try {
    handler.deserialize(cloned);
  } catch (e) {
    return e;
  }
  throw new Error('deserialize returned instead of throwing');
}

describe('errors keep their class and fields', () => {
  test('ImportError: file, line and what was expected; message, name and the worker-side stack', () => {
    const sent = new ImportError('ratings.csv', 12, 'expected a rating from 0.5 to 5, found "7"');
    const got = across(sent);
    expect(got).toBeInstanceOf(ImportError);
    expect(got).toBeInstanceOf(Error);
    const e = got as ImportError;
    expect([e.file, e.line, e.problem]).toEqual(['ratings.csv', 12, 'expected a rating from 0.5 to 5, found "7"']);
    expect(e.message).toBe('ratings.csv, line 12: expected a rating from 0.5 to 5, found "7"');
    expect(e.name).toBe('ImportError');
    expect(e.stack).toBe(sent.stack);
  });

  test('ImportError without a line (a whole-file problem) keeps line undefined', () => {
    const e = across(new ImportError('ml-1m.zip', undefined, 'expected a complete zip archive')) as ImportError;
    expect(e).toBeInstanceOf(ImportError);
    expect(e.line).toBeUndefined();
    expect(e.message).toBe('ml-1m.zip: expected a complete zip archive');
  });

  test("an ImportError subclass keeps its own message: a taste code's refusal still names the character", () => {
    const sent = new TasteCodeError(8, 'expected a base64url character (A–Z, a–z, 0–9, - or _), found "$"');
    const e = across(sent) as ImportError;
    expect(e).toBeInstanceOf(ImportError);
    expect([e.name, e.file, e.problem]).toEqual(['TasteCodeError', 'taste code', 'expected a base64url character (A–Z, a–z, 0–9, - or _), found "$"']);
    expect(e.message).toBe('taste code, character 8: expected a base64url character (A–Z, a–z, 0–9, - or _), found "$"');
  });

  test('StorageError: the kind and the sizes of a refused import, before writing and midway', () => {
    const before = across(notEnoughSpace('ml-25m.zip', 420e6, 80e6)) as StorageError;
    expect(before).toBeInstanceOf(StorageError);
    expect(before.kind).toBe('quota');
    expect(before.sizes).toEqual({ needBytes: 420e6, availableBytes: 80e6 });
    expect(before.message).toBe(notEnoughSpace('ml-25m.zip', 420e6, 80e6).message);
    const midway = across(ranOutOfSpace('ml-25m.zip', 420e6, 51e6, 3_000_000)) as StorageError;
    expect(midway.sizes).toEqual({ needBytes: 420e6, writtenBytes: 51e6, writtenRatings: 3_000_000 });
    const blocked = across(new StorageError('blocked', 'reload this tab to go on.')) as StorageError;
    expect([blocked.kind, blocked.message, blocked.sizes]).toEqual(['blocked', 'reload this tab to go on.', {}]);
  });

  test("CancelledError and its subclasses arrive as CancelledError, each keeping its own name and message", () => {
    for (const [sent, name, message] of [
      [new CancelledError(), 'CancelledError', 'Cancelled'],
      [new TrainingCancelled(), 'TrainingCancelled', 'ALS training cancelled'],
      [new LabCancelled(), 'LabCancelled', 'Cancelled'],
    ] as const) {
      const got = across(sent) as Error;
      expect(got).toBeInstanceOf(CancelledError);
      expect(got).not.toBeInstanceOf(ImportError);
      expect([got.name, got.message]).toEqual([name, message]);
    }
  });

  test('any other error crosses as comlink sends it: an Error with its name and message; other values as they are', () => {
    const e = across(new RangeError('The evaluation holdout must be above 0 and below 1, got 2')) as Error;
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(ImportError);
    expect(e).not.toBeInstanceOf(CancelledError);
    expect([e.name, e.message]).toEqual(['RangeError', 'The evaluation holdout must be above 0 and below 1, got 2']);
    expect(across('a thrown string')).toBe('a thrown string');
    expect(across({ code: 7 })).toEqual({ code: 7 });
  });

  test("a side without the handler (comlink's own) still reads an Error with the name, message and fields", () => {
    const e = across(new ImportError('u.data', 3, 'expected 4 tab-separated fields'), comlinkThrow) as Error & { shape?: unknown };
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.message]).toEqual(['ImportError', 'u.data, line 3: expected 4 tab-separated fields']);
    expect(e.shape).toEqual({ class: 'ImportError', file: 'u.data', line: 3, problem: 'expected 4 tab-separated fields' });
  });

  test('only comlink-wrapped throws are taken: a returned object with a value field is left alone', () => {
    expect(errorTransferHandler.canHandle({ value: new ImportError('a.csv', 1, 'x') })).toBe(false);
  });
});

describe('through comlink over a MessageChannel, as between the page and a worker', () => {
  registerErrorTransfer();
  const { port1, port2 } = new MessageChannel();
  const data = plantedLowRank({ users: 40, items: 30, rank: 2, density: 0.3, noise: 0.1, seed: 3 });
  const matrix = buildCsr(data.columns, data.nUsers, data.nItems);
  expose(
    {
      importFails(): void {
        throw new ImportError('movies.csv', 8, 'expected 3 fields (movieId,title,genres), found 2');
      },
      quotaFails(): void {
        throw notEnoughSpace('ml-latest-small.zip', 5e6, 1e6);
      },
      /** A training stopped by its own poll, as the engine stops one. */
      trainStopped(): void {
        trainAls(matrix, { rank: 2, lambda: 0.05, biasLambda: 1, iterations: 5, seed: 1 }, { shouldStop: () => true });
      },
    },
    port1,
  );
  const remote = wrap<{ importFails(): void; quotaFails(): void; trainStopped(): void }>(port2);
  afterAll(() => {
    port1.close();
    port2.close();
  });

  test('registering installs the handler as comlink\'s "throw" handler, once however often it is called', () => {
    registerErrorTransfer();
    expect(transferHandlers.get('throw')).toBe(errorTransferHandler);
    expect([...transferHandlers.keys()].filter((k) => k === 'throw')).toHaveLength(1);
  });

  test('an ImportError thrown in the worker rejects the call with an ImportError: file and line', async () => {
    const e = await remote.importFails().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e).toMatchObject({ file: 'movies.csv', line: 8, problem: 'expected 3 fields (movieId,title,genres), found 2' });
  });

  test('a quota refusal rejects with a StorageError of kind quota and its sizes', async () => {
    const e = await remote.quotaFails().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    expect(e).toMatchObject({ kind: 'quota', sizes: { needBytes: 5e6, availableBytes: 1e6 } });
  });

  test("the engine's stopped training rejects with a CancelledError named TrainingCancelled", async () => {
    const e = await remote.trainStopped().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CancelledError);
    expect(e).toMatchObject({ name: 'TrainingCancelled', message: 'ALS training cancelled' });
  });
});
