// openDb across "tabs" (fake-indexeddb): a newer version elsewhere closes this connection at once and says so on the
// tab channel; an upgrade blocked by an old connection says so, then opens; no record is lost either way.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, test } from 'vitest';
import { openDb } from '../../../src/store/db';
import { StorageError } from '../../../src/store/storageError';
import { setRating, getProfile } from '../../../src/store/profile';
import { CHANNEL, type TabMessage } from '../../../src/sync/tabSync';
import { DB_VERSION } from '../../../src/store/schema';
import '../../../src/worker-api/engineApi'; // sends database events to the tabs, as in the engine worker

const heard: TabMessage[] = [];
const listener = new BroadcastChannel(CHANNEL); // another context's end of the channel
listener.onmessage = (e: MessageEvent) => heard.push(e.data as TabMessage);
afterAll(() => listener.close());

const until = async (f: () => boolean) => {
  for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(f()).toBe(true);
};

function rawOpen(name: string, version: number, upgrade?: (db: IDBDatabase) => void): Promise<{ db: IDBDatabase; blocked: boolean }> {
  return new Promise((ok, fail) => {
    let blocked = false;
    const req = indexedDB.open(name, version);
    req.onblocked = () => (blocked = true);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onerror = () => fail(req.error);
    req.onsuccess = () => ok({ db: req.result, blocked });
  });
}

describe('openDb and other tabs', () => {
  test('a newer version opened elsewhere: this connection closes at once, says so, and refuses to reopen; records kept', async () => {
    const name = 'vc-newer';
    const db = await openDb(name);
    await setRating(db, 7, 4.5);
    await setRating(db, 8, 1);
    const { db: newer, blocked } = await rawOpen(name, DB_VERSION + 1);
    expect(blocked).toBe(false);
    expect(newer.version).toBe(DB_VERSION + 1);
    await until(() => heard.some((m) => m.type === 'db-versionchange'));
    expect(heard.find((m) => m.type === 'db-versionchange')).toEqual({ type: 'db-versionchange', oldVersion: DB_VERSION, newVersion: DB_VERSION + 1 });
    await expect(openDb(name)).rejects.toThrow(StorageError);
    await expect(openDb(name)).rejects.toThrow('was updated by another tab: reload this tab to go on');
    const rows = await new Promise<unknown[]>((ok) => {
      const r = newer.transaction('profileBlocks').objectStore('profileBlocks').getAll();
      r.onsuccess = () => ok(r.result);
    });
    expect(rows.flatMap((r) => Array.from((r as { ratings: Float64Array }).ratings))).toEqual([4.5, 1]);
    newer.close();
  });

  test('an upgrade blocked by an old connection that ignores versionchange says so, then opens once it closes', async () => {
    const name = 'vc-blocked';
    heard.length = 0;
    const { db: old } = await rawOpen(name, 1, (db) => db.createObjectStore('profile', { keyPath: 'movieId' }).put({ movieId: 318, rating: 5, ratedAt: 1 }));
    let done = false;
    const opening = openDb(name).then((d) => ((done = true), d));
    await until(() => heard.some((m) => m.type === 'db-blocked'));
    expect(heard).toContainEqual({ type: 'db-blocked', version: DB_VERSION });
    expect(done).toBe(false);
    old.close();
    const db = await opening;
    await until(() => heard.some((m) => m.type === 'db-opened'));
    expect(heard).toContainEqual({ type: 'db-opened', version: DB_VERSION });
    expect(db.version).toBe(DB_VERSION);
    expect(await getProfile(db)).toEqual([{ movieId: 318, rating: 5, ratedAt: 1 }]);
  });
});
