// When the stored ratings cannot be read, the library says so with Try again (it used to wait for them forever, showing
// nothing), and Try again brings the screen back once the store reads again; at a phone (touch) and a desktop.
import { expect, test } from 'vitest';
import { storedRatings, watchErrors, type Page } from './harness';
import { DESKTOP, PHONE, firstVisit, useServedApp } from './app';

const app = useServedApp();

/**
 * Breaks (or mends) the active dataset's first movie block in IndexedDB: broken, its year column is gone, so reading the
 * catalogue, which the ratings' cards need, throws; the block as it was is kept in a side database to put back.
 */
async function movieBlock(page: Page, action: 'break' | 'mend'): Promise<void> {
  await page.evaluate(async (what) => {
    const open = (name: string, setup?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(name);
        req.onupgradeneeded = () => setup?.(req.result);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    const done = <T,>(req: IDBRequest<T>) => new Promise<T>((ok, fail) => ((req.onsuccess = () => ok(req.result)), (req.onerror = () => fail(req.error))));
    const app = await open('pocketlens');
    const side = await open('test-movie-block', (db) => db.createObjectStore('kept'));
    if (what === 'break') {
      const store = app.transaction('movieBlocks', 'readwrite').objectStore('movieBlocks');
      const key = (await done(store.getAllKeys(null, 1)))[0];
      const block = await done(store.get(key));
      await done(side.transaction('kept', 'readwrite').objectStore('kept').put({ block }, 'block'));
      await done(app.transaction('movieBlocks', 'readwrite').objectStore('movieBlocks').put({ ...block, years: null }));
    } else {
      const { block } = await done(side.transaction('kept').objectStore('kept').get('block'));
      await done(app.transaction('movieBlocks', 'readwrite').objectStore('movieBlocks').put(block));
    }
    app.close();
    side.close();
  }, action);
}

for (const device of ['phone', 'desktop'] as const) {
  test(`${device}: ratings that cannot be read are said, with Try again that brings the screen back`, async () => {
    const context = await app.browser.newContext(device === 'phone' ? PHONE : DESKTOP);
    const page = await context.newPage();
    await firstVisit(page, app.url);
    const star = page.getByTestId('to-rate').locator('li').first().getByRole('radio', { name: '4 stars', exact: true });
    await (device === 'phone' ? star.tap() : star.check());
    await expect.poll(async () => (await storedRatings(page)).length).toBe(1);

    await movieBlock(page, 'break');
    const errors = watchErrors(page);
    await page.reload();
    const alert = page.getByTestId('ratings-unread');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/^Your ratings could not be read: .+ Try again$/);
    expect(await alert.getAttribute('role')).toBe('alert');
    // Nothing else pretends to work meanwhile, and the rating is still stored.
    expect(await page.getByTestId('recommendations').count()).toBe(0);
    expect(await storedRatings(page)).toHaveLength(1);

    await movieBlock(page, 'mend');
    const retry = alert.getByRole('button', { name: 'Try again' });
    await (device === 'phone' ? retry.tap() : retry.click());
    await page.getByTestId('recommendations').locator('li').first().waitFor({ timeout: 60_000 });
    await alert.waitFor({ state: 'detached' });
    expect(await page.getByTestId('rated-count').textContent()).toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });
}
