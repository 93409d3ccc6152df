// Errors keep their class and fields across the worker bridge: comlink's 'throw' handler, extended for ImportError
// (file, line, problem), StorageError (kind, sizes) and CancelledError. Each worker entry and the page's client
// register it; any other error still crosses as comlink sends it (name, message, stack).
import { transferHandlers, type TransferHandler } from 'comlink';
import { CancelledError } from '../engine/cancelled';
import { ImportError } from '../engine/movielens/errors';
import { StorageError, type StorageErrorKind, type StorageSizes } from '../store/storageError';

/** The fields of an error class the page acts on, as plain data. */
export type ErrorShape =
  | { class: 'ImportError'; file: string; line: number | undefined; problem: string }
  | { class: 'StorageError'; kind: StorageErrorKind; sizes: StorageSizes }
  | { class: 'CancelledError' };

/** An error on the wire: comlink's own handler reads it too (as a plain Error with these properties). */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  shape?: ErrorShape;
}

/** What comlink's 'throw' handler sends: an error's data, or any other thrown value as it is. */
export type WireThrown = { isError: true; value: WireError } | { isError: false; value: unknown };

/** What comlink hands the 'throw' handler: the thrown value, wrapped (with comlink's private marker). */
export type Thrown = { value: unknown };

const comlinkThrow = transferHandlers.get('throw') as TransferHandler<Thrown, WireThrown>;

function shapeOf(e: Error): ErrorShape | undefined {
  if (e instanceof ImportError) return { class: 'ImportError', file: e.file, line: e.line, problem: e.problem };
  if (e instanceof StorageError) return { class: 'StorageError', kind: e.kind, sizes: { ...e.sizes } };
  if (e instanceof CancelledError) return { class: 'CancelledError' };
  return undefined;
}

function revive(w: WireError, shape: ErrorShape): Error {
  const e =
    shape.class === 'ImportError'
      ? new ImportError(shape.file, shape.line, shape.problem)
      : shape.class === 'StorageError'
        ? new StorageError(shape.kind, w.message, shape.sizes)
        : new CancelledError(w.message);
  e.name = w.name; // a subclass's name survives (TrainingCancelled, LabCancelled) though the class is its base's
  e.message = w.message; // and its own wording (TasteCodeError names the character: "taste code, character 8: …")
  if (w.stack !== undefined) e.stack = w.stack; // where it was thrown, in the worker
  return e;
}

export const errorTransferHandler: TransferHandler<Thrown, WireThrown> = {
  canHandle: (value): value is Thrown => comlinkThrow.canHandle(value),
  serialize(thrown) {
    const e = thrown.value;
    const shape = e instanceof Error ? shapeOf(e) : undefined;
    if (e instanceof Error && shape) return [{ isError: true, value: { name: e.name, message: e.message, stack: e.stack, shape } }, []];
    return comlinkThrow.serialize(thrown);
  },
  deserialize(wire) {
    if (wire.isError && wire.value.shape) throw revive(wire.value, wire.value.shape);
    return comlinkThrow.deserialize(wire); // throws, as comlink's handler does
  },
};

/** Installs the handler in this context (again is harmless); both ends of a bridge must have it. */
export function registerErrorTransfer(): void {
  transferHandlers.set('throw', errorTransferHandler as TransferHandler<unknown, unknown>);
}
