// Fault injection for e2e tests: the engine worker script is served with a prelude that freezes or crashes the worker at an exact point.
import type { BrowserContext, Page } from './harness';

/**
 * Where to stop the worker named `worker` ('engine-jobs' or 'engine-serving'):
 * - commit: in the `complete` event of its k-th committed read-write transaction touching `store` (so it is stored);
 * - put: right after issuing its k-th put into `store` (the transaction is open, not committed);
 * - progress: right after posting its k-th progress callback to the page (comlink proxies use MessagePorts);
 * - restore: after the profile store was cleared and k puts issued into it (inside the restore transaction).
 * `freeze` blocks the worker's thread (the test then kills it: Cancel, closing the page, or the heartbeat);
 * `crash` throws an uncaught error from the worker (its `error` event reaches the page).
 */
export interface FaultPoint {
  worker: 'engine-jobs' | 'engine-serving';
  on: 'commit' | 'put' | 'progress' | 'restore';
  store?: string;
  k: number;
  action: 'freeze' | 'crash';
}

export const describeFault = (f: FaultPoint) => `${f.on}${f.store ? `:${f.store}` : ''}#${f.k}/${f.action}`;

function prelude(f: FaultPoint): string {
  return `;(() => {
  const f = ${JSON.stringify(f)};
  if (self.name !== f.worker) return;
  let fired = false;
  const fire = (tag) => {
    if (fired) return;
    fired = true;
    new BroadcastChannel('pocketlens-fault').postMessage(tag);
    if (f.action === 'crash') { setTimeout(() => { throw new Error('injected crash at ' + tag); }); return; }
    // Frozen: this thread runs nothing more (no request callback, no commit of an open transaction) until it is killed.
    if (typeof SharedArrayBuffer === 'function') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600000);
    else { const end = Date.now() + 600000; while (Date.now() < end) {} }
  };
  const touches = (names) => !f.store || Array.from(names).includes(f.store);
  if (f.on === 'commit') {
    let n = 0;
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, opts) {
      const t = open.call(this, stores, mode, opts);
      if (mode === 'readwrite' && touches(t.objectStoreNames)) {
        t.addEventListener('complete', () => { if (++n === f.k) fire('commit ' + n + ' ' + Array.from(t.objectStoreNames).join('+')); });
      }
      return t;
    };
  } else if (f.on === 'put' || f.on === 'restore') {
    let n = 0;
    let cleared = f.on === 'put';
    const put = IDBObjectStore.prototype.put;
    const clear = IDBObjectStore.prototype.clear;
    IDBObjectStore.prototype.clear = function () {
      const r = clear.call(this);
      if (f.on === 'restore' && this.name === f.store) {
        cleared = true;
        if (f.k === 0) fire('restore: cleared, 0 puts');
      }
      return r;
    };
    IDBObjectStore.prototype.put = function (...args) {
      const r = put.apply(this, args);
      if (cleared && this.name === f.store && ++n === f.k) fire(f.on + ' ' + n + ' into ' + this.name);
      return r;
    };
  } else if (f.on === 'progress') {
    let n = 0;
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (...args) {
      const r = post.apply(this, args);
      if (++n === f.k) fire('progress ' + n);
      return r;
    };
  }
})();
`;
}

/**
 * Serves the engine worker with the prelude of the armed fault (none: the plain script). Needs a context created with
 * `serviceWorkers: 'block'`, or the service worker would answer from its precache. Returns arm().
 */
export async function injectFaults(context: BrowserContext): Promise<(f: FaultPoint | null) => void> {
  let armed: FaultPoint | null = null;
  await context.addInitScript({
    content: `window.__faults = []; new BroadcastChannel('pocketlens-fault').onmessage = (e) => window.__faults.push(e.data);`,
  });
  await context.route(/\/assets\/engine\.worker-[\w-]+\.js$/, async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    await route.fulfill({ response: res, body: armed ? prelude(armed) + body : body });
  });
  return (f) => {
    armed = f;
  };
}

/** Waits until the armed fault fired in a worker of `page`; returns its tag. */
export async function faultFired(page: Page, timeout = 60_000): Promise<string> {
  const h = await page.waitForFunction(() => (window as unknown as { __faults: string[] }).__faults[0], undefined, { timeout, polling: 50 });
  return (await h.jsonValue()) as string;
}

export interface StoreSnapshot {
  profile: { movieId: number; rating: number }[];
  datasets: { id: string; status: string; chunkCount: number; movies: number; ratings: number }[];
  models: { id: string; datasetId: string }[];
  /** Rows per dataset, counted in the stored chunks. */
  chunkRows: Record<string, number>;
  movies: Record<string, number>;
  active: string | null;
}

/** Reads the store straight from IndexedDB (not through the app). */
export async function snapshot(page: Page): Promise<StoreSnapshot> {
  return page.evaluate(`new Promise((ok, fail) => {
    const req = indexedDB.open('pocketlens');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const t = db.transaction(['profile', 'datasets', 'models', 'ratingChunks', 'movies', 'meta'], 'readonly');
      const out = { profile: [], datasets: [], models: [], chunkRows: {}, movies: {}, active: null };
      t.objectStore('profile').getAll().onsuccess = (e) => (out.profile = e.target.result.map((r) => ({ movieId: r.movieId, rating: r.rating })).sort((a, b) => a.movieId - b.movieId));
      t.objectStore('datasets').getAll().onsuccess = (e) =>
        (out.datasets = e.target.result.map((d) => ({ id: d.id, status: d.status, chunkCount: d.chunkCount, movies: d.stats.movies, ratings: d.stats.ratings })));
      t.objectStore('models').getAll().onsuccess = (e) => (out.models = e.target.result.map((m) => ({ id: m.id, datasetId: m.datasetId })));
      t.objectStore('meta').get('activeDataset').onsuccess = (e) => (out.active = e.target.result ? e.target.result.value : null);
      t.objectStore('ratingChunks').openCursor().onsuccess = (e) => {
        const c = e.target.result;
        if (!c) return;
        out.chunkRows[c.value.dataset] = (out.chunkRows[c.value.dataset] || 0) + c.value.length;
        c.continue();
      };
      t.objectStore('movies').openKeyCursor().onsuccess = (e) => {
        const c = e.target.result;
        if (!c) return;
        out.movies[c.key[0]] = (out.movies[c.key[0]] || 0) + 1;
        c.continue();
      };
      t.oncomplete = () => { db.close(); ok(out); };
    };
  })`);
}
