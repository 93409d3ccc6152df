// Per-file fixture for e2e tests: the production build served with the real headers, and one Chromium.
import { afterAll, beforeAll } from 'vitest';
import { launch, serveDist, storedModels, watchErrors, type Browser, type BrowserContext, type Page } from './harness';

/** Starts the server and the browser before the file's tests and closes both after them. */
export function useServedApp(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let served: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    served = await serveDist();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    served?.server.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return served!.url;
    },
  };
}

/** Switches the app to one of its screens by the navigation link a person would click (or tap: phone layout). */
export async function showView(page: Page, label: 'For you' | 'My ratings' | 'Movie night' | 'Model lab' | 'Data'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: new RegExp(`^${label}`) }).click();
}

/**
 * Picks a backup on My ratings and answers the in-page question with Restore (the backup is checked first; a refused
 * file never asks). `file`: a path or a file payload, as setInputFiles takes.
 */
export async function restoreBackup(page: Page, file: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await page.getByLabel('Restore backup').setInputFiles(file);
  const dialog = page.getByTestId('restore-dialog');
  await dialog.waitFor({ timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
}

/**
 * A fresh profile whose server offers no bundled sample, at the "Bring your own MovieLens files" screen: a desktop
 * window, the page's console errors collected.
 */
export async function openWithoutSample(app: { readonly browser: Browser; readonly url: string }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  return { context, page, errors };
}

export { DESKTOP, PHONE } from './harness';

/** A first visit to the end: the sample imported, a model trained, the 20-row list on screen (the ranker may still be training behind it: rankerReady). */
export async function firstVisit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 240_000 });
}

/**
 * Waits until the ranker that trains behind the list on a first visit is stored and in use (nothing pending on the
 * list: its note shows only over a personal list), so which list a rating brings ("Best for you") does not depend on
 * how fast the machine is. At once when the ranker was there already.
 */
export async function rankerReady(page: Page): Promise<void> {
  await page.locator('#recommendations[data-ranker=settled]').waitFor({ timeout: 120_000 });
}

/** Taps (phone) or clicks (desktop) a screen's navigation link. */
export async function tapView(page: Page, label: 'For you' | 'My ratings' | 'Movie night' | 'Model lab' | 'Data'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: new RegExp(`^${label}`) }).tap();
}

/** A finger drag from (x, y) down by dy pixels through real touch events (DevTools Input.dispatchTouchEvent). */
export async function swipe(page: Page, x: number, y: number, dy: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let k = 1; k <= 10; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * k) / 10 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * Controls on the page now whose touch target is smaller than 44×44 px: some 44×44 square on or around each visible
 * control must hit it (or its label) at all nine test points (centre, edge middles, rounded corners). The stars are
 * StarRating's own targets, inline links inside a sentence are exempt (WCAG 2.5.5's inline exception), and so is the
 * skip link while it is off screen; all are left out. One line per failure.
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  // A string, not a function: tsx names inner functions with a `__name` helper the page lacks.
  return page.evaluate<string[]>(`(async () => {
    const controls = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    const failures = [];
    const inSentence = (el) => el.tagName === 'A' && Array.from(el.parentElement.childNodes).some((n) => n !== el && n.nodeType === 3 && n.textContent.trim().length > 1);
    const modal = document.querySelector('dialog[open]');
    for (const el of controls) {
      if (el.closest('.stars-input, .stars') || (el.closest('svg') && el.tagName !== 'svg')) continue;
      if (inSentence(el) || (el.matches('.skip-link') && el !== document.activeElement)) continue;
      if (modal && !modal.contains(el)) continue; // behind an open modal: not reachable
      // A visually hidden input inside a label (file pickers, radios drawn as buttons): the label is the target.
      const target = el.closest('.visually-hidden') || getComputedStyle(el).opacity === '0' ? el.closest('label') : el;
      if (!target) continue;
      const fixed = target.closest('nav.tabs');
      if (!fixed) target.scrollIntoView({ block: 'center', inline: 'nearest' });
      await new Promise((r) => requestAnimationFrame(r));
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(target).visibility === 'hidden') continue;
      const hits = (x, y) => {
        const h = document.elementFromPoint(x, y);
        return !!h && (h === target || target.contains(h) || h.closest('label')?.control === el);
      };
      // Edge middles 21 px out; corners 18 px out on both axes, as hit testing follows rounded corners (radius ≤ 10 px).
      const pts = [[0, 0], [-21, 0], [21, 0], [0, -21], [0, 21], [-18, -18], [18, -18], [-18, 18], [18, 18]];
      const square = (cx, cy) => pts.every(([dx, dy]) => hits(cx + dx, cy + dy));
      const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
      const steps = [0, -11, 11, -22, 22];
      const ok = steps.some((dx) => steps.some((dy) => square(cx + dx, cy + dy)));
      if (!ok) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
        failures.push(el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '') + ' "' + name + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
      }
    }
    scrollTo(0, 0);
    return failures;
  })()`);
}

/** Waits until `n` rankers (implicit models with their EASE part: one per dataset) are stored, whichever tab trained them. */
export async function rankersStored(page: Page, n: number): Promise<void> {
  for (let k = 0; k < 1200; k++) {
    if ((await storedModels(page)).filter((m) => m.ranker !== null).length >= n) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${n} stored rankers expected, found ${(await storedModels(page)).filter((m) => m.ranker !== null).length}`);
}
