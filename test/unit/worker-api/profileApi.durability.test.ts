// Durability rule, checked on every transaction the app opens: person-made writes strict, bulk dataset writes relaxed,
// and the dataset's `ready` marker written strictly after every chunk and movie (fake-indexeddb, worker API).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { makeBackup } from '../../../src/engine/backup';

interface TxLog {
  stores: string[];
  mode: IDBTransactionMode;
  durability: string;
}
interface PutLog {
  store: string;
  durability: string;
  /** For dataset records: their status. */
  status?: string;
}

const txs: TxLog[] = [];
const puts: PutLog[] = [];
const durabilityOf = new WeakMap<IDBTransaction, string>();

beforeAll(() => {
  // Wrap the platform's own methods, below idb and the store modules: nothing can open a transaction unseen.
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    const t = transaction.call(this, names, mode, options);
    const durability = options?.durability ?? 'default';
    durabilityOf.set(t, durability);
    txs.push({ stores: [...(Array.isArray(names) ? names : [names])].sort(), mode: mode ?? 'readonly', durability });
    return t;
  } as typeof transaction;
  for (const method of ['put', 'add', 'delete', 'clear'] as const) {
    const original = IDBObjectStore.prototype[method] as (...a: unknown[]) => IDBRequest;
    (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      const value = args[0] as { status?: string } | undefined;
      puts.push({
        store: `${this.name}.${method}`,
        durability: durabilityOf.get(this.transaction) ?? '?',
        status: this.name === 'datasets' && method === 'put' ? value?.status : undefined,
      });
      return original.apply(this, args);
    };
  }
});

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tiny/${name}`, import.meta.url)));
const writes = (from: number) => txs.slice(from).filter((t) => t.mode === 'readwrite');

describe('durability of every write', () => {
  test('an import: chunks relaxed, the record strict, `ready` written last and strict', async () => {
    const t0 = txs.length;
    const p0 = puts.length;
    const zip = zipSync({ 'ml-tiny/ratings.csv': fixture('ratings.csv'), 'ml-tiny/movies.csv': fixture('movies.csv'), 'ml-tiny/links.csv': fixture('links.csv') });
    const ds = await api.importFiles([{ name: 'ml-tiny.zip', bytes: zip }], () => {});
    expect(ds.ratings).toBe(8);

    const w = writes(t0);
    const bulk = w.filter((t) => t.stores.every((s) => s === 'ratingChunks' || s === 'ratingTimes'));
    expect(bulk.length).toBeGreaterThanOrEqual(1); // at least one chunk (with its timestamps)
    expect(new Set(bulk.map((t) => t.durability))).toEqual(new Set(['relaxed']));
    const rest = w.filter((t) => !bulk.includes(t));
    expect(rest.map((t) => [t.stores.join('+'), t.durability])).toEqual([
      ['datasets', 'strict'], // `importing`
      ['datasets+movieBlocks+movieTags', 'strict'], // the movie and tag blocks with `ready`, in one transaction
      ['meta', 'strict'], // the active dataset
    ]);

    const p = puts.slice(p0);
    const ready = p.findIndex((x) => x.status === 'ready');
    expect(p[ready]).toEqual({ store: 'datasets.put', durability: 'strict', status: 'ready' });
    const lastBulk = p.findLastIndex((x) => x.store.startsWith('ratingChunks.') || x.store.startsWith('ratingTimes.') || x.store.startsWith('movieBlocks.'));
    expect(lastBulk).toBeGreaterThan(-1);
    expect(ready).toBeGreaterThan(lastBulk);
    expect(p.slice(ready + 1).map((x) => x.store)).toEqual(['meta.put']);
  });

  test('a rating, a removal, "not interested", the watchlist, settings, a restore and its undo, a training, a switch and a delete: all strict', async () => {
    const t0 = txs.length;
    await api.rate(1, 4.5);
    await api.rate(2, 3);
    await api.rate(2, null);
    await api.hide(3);
    await api.hide(3, false);
    await api.watch(5);
    await api.rate(5, 4); // rated: off the watchlist
    await api.rate(5, null);
    await api.saveSettings({ recommendations: { minCount: 5 } });
    await api.markNotSeen(7);
    const restored = await api.restoreBackup(JSON.stringify(makeBackup([{ movieId: 4, rating: 5, ratedAt: 1_700_000_000_000 }], new Date(), [], { onboarding: { grid: true } })), 'backup.json');
    await api.undo(restored.undo.id);
    await api.train({ rank: 2, iterations: 2 }, () => {});
    const id = (await api.status()).active!.id;
    await api.switchDataset(id);
    const w = writes(t0);
    // Each rating or mark drops a pending Undo in its own transaction (a rating that takes a movie off the watchlist
    // writes that in a second one); a restore and its undo write every part at once.
    const all = 'hiddenBlocks+meta+profileBlocks+undo+watchlist';
    expect(w.map((t) => t.stores.join('+'))).toEqual([
      'profileBlocks+undo',
      'profileBlocks+undo',
      'profileBlocks+undo',
      'hiddenBlocks+undo',
      'hiddenBlocks+undo',
      'undo+watchlist',
      'profileBlocks+undo',
      'watchlist',
      'profileBlocks+undo',
      'meta',
      'meta',
      all,
      all,
      'models',
      'meta',
    ]);
    expect(w.every((t) => t.durability === 'strict')).toBe(true);

    const t1 = txs.length;
    await api.removeDataset(id);
    const del = writes(t1);
    expect(del.length).toBeGreaterThan(0);
    expect(del.every((t) => t.durability === 'strict')).toBe(true);
    // The person's ratings survive the deletion of the dataset.
    expect((await api.exportRatings()).count).toBe(1);
  });

  test('no write anywhere in this file was left to the browser default', () => {
    const defaults = txs.filter((t) => t.mode === 'readwrite' && t.durability === 'default');
    expect(defaults).toEqual([]);
    expect(txs.filter((t) => t.mode === 'readwrite').length).toBeGreaterThan(10);
  });
});
