// Fault injection for e2e tests: the engine worker script is served with a prelude that freezes or crashes the worker at an exact point.
import type { BrowserContext, Page } from './harness';

/**
 * Where to stop the worker named `worker` ('engine-jobs', 'engine-serving' or 'engine-files'):
 * - commit: in the `complete` event of its k-th committed read-write transaction touching `store` (so it is stored);
 * - put: right after issuing its k-th put into `store` (the transaction is open, not committed; a pause: just before);
 * - progress: right after posting its k-th progress callback to the page (comlink proxies use MessagePorts), counting
 *   only the messages whose JSON contains `match` when it is given (say '"iteration":1,' or '"phase":"parse"');
 * - restore: after the profile store was cleared and k puts issued into it (inside the restore transaction).
 * `freeze` blocks the worker's thread (the test then kills it: Cancel, closing the page, or the heartbeat);
 * `crash` throws an uncaught error from the worker (its `error` event reaches the page); `pause` stands still for `ms`
 * and goes on (the test changes something meanwhile); `quota` makes that put throw the browser's QuotaExceededError.
 */
export interface FaultPoint {
  worker: 'engine-jobs' | 'engine-serving' | 'engine-files';
  on: 'commit' | 'put' | 'progress' | 'restore';
  store?: string;
  k: number;
  /** For `progress`: count only the messages whose JSON contains this text. */
  match?: string;
  action: 'freeze' | 'crash' | 'pause' | 'quota';
  /** For `pause`: how long the worker's thread stands still before it goes on (ms). */
  ms?: number;
  /** How many workers of that name (started one after another) get the fault; 1 unless given. */
  times?: number;
}

export const describeFault = (f: FaultPoint) => `${f.on}${f.store ? `:${f.store}` : ''}#${f.k}/${f.action}`;

/** Where a worker claims an armed fault (see prelude). */
const CLAIM = '/__pocketlens-fault/claim/';

/** The prelude for one or more faults of the same worker (each fires once, on its own hook). */
function prelude(faults: FaultPoint[], token: number): string {
  return `;(() => {
  const faults = ${JSON.stringify(faults)};
  if (self.name !== faults[0].worker) return;
  // One arming, one worker: the first worker of that name started after arming claims it (a synchronous request the
  // test answers), so the worker that replaces it after the crash or kill runs plain, however fast it starts.
  const claim = new XMLHttpRequest();
  claim.open('GET', '${CLAIM}${token}', false);
  claim.send();
  if (claim.responseText !== 'armed') return;
  for (const f of faults) (() => {
  let fired = false;
  const fire = (tag) => {
    if (fired) return;
    fired = true;
    new BroadcastChannel('pocketlens-fault').postMessage(tag);
    if (f.action === 'crash') { setTimeout(() => { throw new Error('injected crash at ' + tag); }); return; }
    // Frozen: this thread runs nothing more (no request callback, no commit of an open transaction) until it is killed.
    const ms = f.action === 'pause' ? f.ms : 600000;
    if (typeof SharedArrayBuffer === 'function') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    else { const end = Date.now() + ms; while (Date.now() < end) {} }
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
      const hit = cleared && this.name === f.store && ++n === f.k;
      // A pause stands still before the put is issued (the browser checks the quota as a put arrives).
      if (hit && f.action === 'pause') fire('before put ' + n + ' into ' + this.name);
      if (hit && f.action === 'quota') {
        new BroadcastChannel('pocketlens-fault').postMessage('quota refused put ' + n + ' into ' + this.name);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      const r = put.apply(this, args);
      if (hit && f.action !== 'pause') fire(f.on + ' ' + n + ' into ' + this.name);
      return r;
    };
  } else if (f.on === 'progress') {
    let n = 0;
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (...args) {
      const r = post.apply(this, args);
      if (f.match) {
        let json = '';
        try { json = JSON.stringify(args[0]); } catch {}
        if (!json.includes(f.match)) return r;
      }
      if (++n === f.k) fire('progress ' + n + (f.match ? ' matching ' + f.match : ''));
      return r;
    };
  }
  })();
})();
`;
}

/**
 * A device with little free space: the engine workers' navigator.storage.estimate() reports `quota` (Chromium's
 * estimate ignores a DevTools quota override, which only enforces it; see quota.test.ts).
 */
function reportedQuota(quota: number): string {
  return `;(() => {
  const estimate = StorageManager.prototype.estimate;
  StorageManager.prototype.estimate = async function () {
    const e = await estimate.call(this);
    return { ...e, quota: ${quota} };
  };
})();
`;
}

export interface Arm {
  /** Arms one fault, or several for the same worker (each fires once), or none. */
  (f: FaultPoint | FaultPoint[] | null): void;
  /** Makes workers started from now on report this storage quota (null: the browser's own report). */
  reportQuota(bytes: number | null): void;
}

/**
 * Serves the engine worker with the prelude of the armed fault (none: the plain script); each arm() fires in one
 * worker at most. Needs a context created with `serviceWorkers: 'block'`, or the service worker would answer from its
 * precache. Returns arm().
 */
export async function injectFaults(context: BrowserContext): Promise<Arm> {
  let armed: FaultPoint[] | null = null;
  let token = 0;
  let times = 1;
  const claims = new Map<number, number>();
  let quota: number | null = null;
  await context.addInitScript({
    content: `window.__faults = []; new BroadcastChannel('pocketlens-fault').onmessage = (e) => window.__faults.push(e.data);`,
  });
  await context.route(/\/assets\/engine\.worker-[\w-]+\.js$/, async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    await route.fulfill({ response: res, body: (quota === null ? '' : reportedQuota(quota)) + (armed ? prelude(armed, token) : '') + body });
  });
  await context.route(`**${CLAIM}*`, async (route) => {
    const t = Number(route.request().url().split('/').pop());
    const n = (claims.get(t) ?? 0) + 1;
    claims.set(t, n);
    await route.fulfill({ status: 200, contentType: 'text/plain', body: t === token && n <= times ? 'armed' : 'spent' });
  });
  const arm = (f: FaultPoint | FaultPoint[] | null) => {
    armed = f === null ? null : Array.isArray(f) ? f : [f];
    times = armed?.[0].times ?? 1;
    token++;
  };
  return Object.assign(arm, {
    reportQuota: (bytes: number | null) => {
      quota = bytes;
    },
  });
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
  /** Movies per dataset, summed over its movie blocks. */
  movies: Record<string, number>;
  /** Timestamp records (one per v3 chunk) per dataset. */
  timeChunks: Record<string, number>;
  active: string | null;
}

/** Reads the store straight from IndexedDB (not through the app). */
export async function snapshot(page: Page): Promise<StoreSnapshot> {
  return page.evaluate(`new Promise((ok, fail) => {
    const req = indexedDB.open('pocketlens');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const t = db.transaction(['profileBlocks', 'datasets', 'models', 'ratingChunks', 'ratingTimes', 'movieBlocks', 'meta'], 'readonly');
      const out = { profile: [], datasets: [], models: [], chunkRows: {}, movies: {}, timeChunks: {}, active: null };
      t.objectStore('profileBlocks').getAll().onsuccess = (e) =>
        (out.profile = e.target.result.flatMap((b) => Array.from(b.ids, (movieId, k) => ({ movieId, rating: b.ratings[k] }))).sort((a, b) => a.movieId - b.movieId));
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
      t.objectStore('movieBlocks').openCursor().onsuccess = (e) => {
        const c = e.target.result;
        if (!c) return;
        out.movies[c.value.dataset] = (out.movies[c.value.dataset] || 0) + c.value.length;
        c.continue();
      };
      t.objectStore('ratingTimes').openKeyCursor().onsuccess = (e) => {
        const c = e.target.result;
        if (!c) return;
        out.timeChunks[c.key[0]] = (out.timeChunks[c.key[0]] || 0) + 1;
        c.continue();
      };
      t.oncomplete = () => { db.close(); ok(out); };
    };
  })`);
}
