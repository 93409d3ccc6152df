// E2E harness: serves dist/ with the production headers and launches system Chromium with the workplace flags.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../scripts/serve';

export const root = resolve(import.meta.dirname, '../..');
export const artifacts = join(root, 'test-results');

/** The phone the shell is designed for (iPhone 12–15 size, touch) and the desktop it is checked at (tests and bench). */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 } as const;
export const DESKTOP = { viewport: { width: 1440, height: 900 } } as const;

/** Puts the sequential focus start at the top of the document, as on arrival: a focused marker first in <body>, removed. */
export const TAB_FROM_TOP = `(() => {
  const mark = document.createElement('span');
  mark.tabIndex = -1;
  document.body.prepend(mark);
  mark.focus();
  mark.remove();
  scrollTo(0, 0);
})()`;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs`: more Chromium switches (the import benchmark adds --enable-precise-memory-info). */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; install Debian's chromium (see .ci/run)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', ...extraArgs],
  });
}

export async function serveDist() {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  return startServer(dist);
}

/** Collects page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/**
 * Reads object-store counts straight from the page's IndexedDB (independent of the app's own code). The person's
 * ratings and hidden marks are counted as rows too (`profile`, `hidden`), summed over their blocks.
 */
export async function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((ok, fail) => {
        const req = indexedDB.open('pocketlens');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = Array.from(db.objectStoreNames);
          const t = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const n of names) {
            const c = t.objectStore(n).count();
            c.onsuccess = () => (out[n] = c.result);
          }
          for (const [store, rows] of [['profileBlocks', 'profile'], ['hiddenBlocks', 'hidden']]) {
            if (!names.includes(store)) continue;
            const all = t.objectStore(store).getAll();
            all.onsuccess = () => (out[rows] = (all.result as { ids: Float64Array }[]).reduce((n, b) => n + b.ids.length, 0));
          }
          t.oncomplete = () => {
            db.close();
            ok(out);
          };
        };
      }),
  );
}

/** The person's ratings straight from the page's IndexedDB (every block's rows), movieIds ascending, with their dates. */
export async function storedRatings(page: Page): Promise<{ movieId: number; rating: number; ratedAt: number }[]> {
  return page.evaluate(`new Promise((ok, fail) => {
    const req = indexedDB.open('pocketlens');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('profileBlocks').objectStore('profileBlocks').getAll();
      get.onsuccess = () => {
        req.result.close();
        ok(get.result.flatMap((b) => Array.from(b.ids, (movieId, k) => ({ movieId, rating: b.ratings[k], ratedAt: b.ratedAt[k] }))).sort((x, y) => x.movieId - y.movieId));
      };
    };
  })`);
}

/** The page's first stored model, as the benchmarks read it (straight from IndexedDB, not through the app). */
export interface StoredModelSummary {
  id: string;
  objective: 'explicit' | 'implicit';
  trainSeconds: number;
  /** Of trainSeconds, reading the ratings back and building the matrix (absent in older models). */
  prepareSeconds?: number;
  rank: number;
  lambda: number;
  iterations: number;
  /** The share held out of its own fit (null when none was recorded; 0: trained on all ratings). */
  holdout: number | null;
  trainedAt: number;
  history: { seconds: number; trainRmse: number; validationRmse?: number; workers?: number; kernel?: string }[];
  /** The validation run before the fit on all ratings, when the training had a holdout. */
  validation: { holdout: number; seconds: number; history: { trainRmse: number; validationRmse?: number }[] } | null;
  /** An implicit model that is the default list's ranker: its EASE movies and the seconds EASE took (null: not a ranker). */
  ranker: { easeItems: number; easeSeconds: number } | null;
  /** The hyper-parameters as stored (AlsParams: the iALS knobs too, e.g. starOffset, frequencyScaled). */
  params: Record<string, number | string | boolean>;
}

/** Every stored model, read straight from the page's IndexedDB (not through the app), without the factor tables. */
export async function storedModels(page: Page): Promise<StoredModelSummary[]> {
  // A string, not a function: tsx-compiled functions can reference its `__name` helper, which the page lacks.
  return page.evaluate(`new Promise((ok, fail) => {
    const req = indexedDB.open('pocketlens');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('models').objectStore('models').getAll();
      get.onsuccess = () => {
        req.result.close();
        ok(get.result.map((m) => ({ id: m.id, objective: m.params.objective ?? 'explicit', trainSeconds: m.trainSeconds, prepareSeconds: m.prepareSeconds, rank: m.params.rank,
          lambda: m.params.lambda, iterations: m.params.iterations, holdout: m.holdout ?? null, trainedAt: m.trainedAt, history: m.history,
          validation: m.validation ?? null, ranker: m.ranker ? { easeItems: m.ranker.easeItems.length, easeSeconds: m.ranker.easeSeconds } : null, params: m.params })));
      };
    };
  })`);
}

/** The one stored model (the first when there are several). */
export async function storedModel(page: Page): Promise<StoredModelSummary> {
  return (await storedModels(page))[0];
}

export type { Browser, BrowserContext, Page };
