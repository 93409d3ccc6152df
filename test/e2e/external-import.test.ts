// IMDb and Letterboxd imports on the bundled sample: review, resolve, save → My ratings and recommendations change; cancel and bad files save nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseLinksCsv, parseMoviesCsv } from '../../src/engine/movielens/textCsv';
import { sampleFiles, sampleZipPath } from '../sample';
import { artifacts, root, storeCounts, watchErrors, type BrowserContext, type Page } from './harness';
import { showView, useServedApp } from './app';

const app = useServedApp();

const IMDB_HEADER = 'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors';
const LB_HEADER = 'Date,Name,Year,Letterboxd URI,Rating';
const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from([...lines, ''].join('\r\n')) });

const importInput = (page: Page) => page.getByLabel('Import ratings from IMDb or Letterboxd (their ratings.csv export)');
const review = (page: Page) => page.getByTestId('import-review');
const count = async (page: Page) => Number(await page.getByTestId('rated-count').textContent());
const stars = (page: Page, movieId: number) =>
  page.$eval(`[data-testid=my-ratings] li[data-movie-id="${movieId}"] input:checked`, (i) => (i as HTMLInputElement).value).catch(() => null);
async function recIds(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor();
  return (await page.$$eval('[data-testid=recommendations] li', (lis) => lis.map((li) => li.getAttribute('data-movie-id')))).join(',');
}
async function recsChangeFrom(page: Page, before: string): Promise<string> {
  await showView(page, 'For you');
  await page.waitForFunction((b) => [...document.querySelectorAll('[data-testid=recommendations] li')].map((li) => li.getAttribute('data-movie-id')).join(',') !== b, before);
  return recIds(page);
}

describe.runIf(sampleZipPath)('importing IMDb and Letterboxd ratings on ml-latest-small', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let conflictId: number;
  let recsAfterImdb: string;
  beforeAll(async () => {
    context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto(app.url);
    await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
  });
  afterAll(async () => {
    await context?.close();
  });

  test('IMDb: tt ids through links.csv, 1–10 halved, my own rating kept; save updates My ratings and recommendations', async () => {
    const files = sampleFiles();
    const imdb = new Map(parseLinksCsv(files['links.csv']).map((l) => [l.movieId, l.imdbId!]));
    const titles = new Map(parseMoviesCsv(files['movies.csv']).map((m) => [m.movieId, m]));

    // The person rates the first movie offered (2 stars); the IMDb file rates it 10.
    const first = page.getByTestId('to-rate').locator('li').first();
    conflictId = Number(await first.getAttribute('data-movie-id'));
    await first.getByRole('radio', { name: '2 stars', exact: true }).check();
    const before = await recIds(page);
    const c = titles.get(conflictId)!;
    const rows = [
      IMDB_HEADER,
      'tt0114709,8,2023-01-15,Toy Story,Toy Story,https://www.imdb.com/title/tt0114709,Movie,8.3,81,1995,"Adventure, Animation, Comedy, Family, Fantasy",1099876,1995-11-22,John Lasseter',
      'tt0133093,9,2022-11-02,The Matrix,The Matrix,https://www.imdb.com/title/tt0133093,Movie,8.7,136,1999,"Action, Sci-Fi",2087463,1999-03-31,"Lana Wachowski, Lilly Wachowski"',
      `tt${imdb.get(conflictId)},10,2021-05-05,"${c.title}","${c.title}",https://www.imdb.com/title/tt${imdb.get(conflictId)},Movie,8.8,142,${c.year},Drama,2000000,${c.year}-07-06,Someone`,
      'tt0944947,9,2020-05-01,Game of Thrones,Game of Thrones,https://www.imdb.com/title/tt0944947,TV Series,9.2,57,2011,"Action, Adventure, Drama",2300000,2011-04-17,',
      'tt0111161,10,2020-01-20,The Shawshank Redemption,The Shawshank Redemption,https://www.imdb.com/title/tt0111161,Movie,9.3,142,1994,Drama,2900000,1994-10-14,Frank Darabont',
    ];
    await showView(page, 'My ratings');
    await importInput(page).setInputFiles(csvFile('ratings.csv', rows));
    await review(page).waitFor();
    await page.getByRole('heading', { name: 'Review ratings.csv (IMDb)' }).waitFor();

    const toy = page.getByTestId('import-matched').locator('li[data-movie-id="1"]');
    expect(await toy.locator('strong').textContent()).toBe('Toy Story (1995)');
    await toy.getByRole('img', { name: '4 stars', exact: true }).waitFor();
    expect(await toy.textContent()).toContain('(8/10 on IMDb)');
    await page.getByTestId('import-matched').locator('li[data-movie-id="2571"]').getByRole('img', { name: '4.5 stars' }).waitFor();
    expect(await page.getByTestId('import-matched').locator('li strong').allTextContents()).toEqual(['Toy Story (1995)', 'The Matrix (1999)', 'The Shawshank Redemption (1994)']);
    const conflict = page.getByTestId('import-conflicts').locator('li');
    expect(await conflict.count()).toBe(1);
    expect(await conflict.getByRole('radio', { name: /^Keep mine/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('import-unmatched').textContent()).toContain('tt0944947 is not in this dataset (TV Series: MovieLens lists films)');
    expect((await storeCounts(page)).profile).toBe(1); // nothing is saved while reviewing

    await page.getByRole('button', { name: 'Save 3 ratings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved 3 ratings from ratings.csv (IMDb). Kept your own rating for 1 movie.' }).waitFor();
    await page.getByTestId('my-ratings').locator('li[data-movie-id="318"]').waitFor();
    expect(await count(page)).toBe(4);
    expect([await stars(page, 1), await stars(page, 2571), await stars(page, 318), await stars(page, conflictId)]).toEqual(['4', '4.5', '5', '2']);
    recsAfterImdb = await recsChangeFrom(page, before);
    expect(recsAfterImdb).not.toBe(before);
  });

  test('Letterboxd: exact, ambiguous (resolved), unmatched and a conflict (take imported); cancel and a bad file save nothing', async () => {
    const rows = [
      LB_HEADER,
      '2024-01-07,Amélie,2001,https://boxd.it/2aHi,4.5',
      '2024-01-11,War of the Worlds,2005,https://boxd.it/1Y3u,2',
      '2024-01-12,Parasite,2019,https://boxd.it/hTha,5',
      '2024-01-13,Toy Story,1995,https://boxd.it/2a9q,5',
    ];
    await showView(page, 'My ratings');
    await importInput(page).setInputFiles(csvFile('ratings.csv', rows));
    await page.getByRole('heading', { name: 'Review ratings.csv (Letterboxd)' }).waitFor();
    expect(await page.getByTestId('import-matched').locator('li strong').allTextContents()).toEqual(["Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)"]);
    expect(await page.getByTestId('import-matched').textContent()).toContain('“Amélie (2001)” in the file, line 2');
    expect(await page.getByTestId('import-unmatched').textContent()).toContain('this dataset has "Parasite" only from 1982');
    const ambiguous = page.getByTestId('import-ambiguous').locator('li');
    expect(await ambiguous.getByRole('radio').count()).toBe(3); // two War of the Worlds (2005) and "skip"
    expect(await ambiguous.getByRole('radio', { name: 'None of these: skip it' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save 1 rating' }).waitFor();

    // The candidates link to their IMDb pages (plain links from links.csv) so the person can tell them apart.
    expect(await ambiguous.getByRole('link', { name: /^IMDb/ }).first().getAttribute('href')).toBe('https://www.imdb.com/title/tt0407304/');

    // No WCAG 2 A/AA violations (contrast included) in the review, light and dark.
    await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await page.evaluate(
        `axe.run(document.querySelector('[data-testid=import-review]'), { runOnly: ['wcag2a', 'wcag2aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
      );
      expect(violations, colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Screenshots of the whole review (ambiguous, conflict, matched, unmatched) at desktop and phone widths; tall
    // viewports rather than full-page captures, so the sticky Save bar sits where a person scrolled to the end sees it.
    const ok = page.getByRole('button', { name: 'OK', exact: true });
    if (await ok.isVisible()) await ok.click(); // the "ready to work offline" notice
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.screenshot({ path: join(artifacts, 'import-review-desktop.png') });
    await page.setViewportSize({ width: 360, height: 1700 });
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
    await page.screenshot({ path: join(artifacts, 'import-review-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Resolve: the most-rated War of the Worlds (Spielberg's, listed first) and the imported 5 stars for Toy Story.
    await ambiguous.getByRole('radio', { name: /^War of the Worlds \(2005\) · \d+ MovieLens ratings/ }).first().check();
    await page.getByRole('button', { name: 'Save 2 ratings' }).waitFor();
    await page.getByTestId('import-conflicts').getByRole('radio', { name: /^Take imported/ }).check();
    await page.getByRole('button', { name: 'Save 3 ratings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved 3 ratings from ratings.csv (Letterboxd).' }).waitFor();
    await page.getByTestId('my-ratings').locator('li[data-movie-id="34048"]').waitFor();
    expect(await count(page)).toBe(6);
    expect([await stars(page, 4973), await stars(page, 34048), await stars(page, 1), await stars(page, conflictId)]).toEqual(['4.5', '2', '5', '2']);
    await recsChangeFrom(page, recsAfterImdb);

    // Cancel saves nothing.
    await showView(page, 'My ratings');
    const profileBefore = (await storeCounts(page)).profile;
    await importInput(page).setInputFiles(
      csvFile('ratings.csv', [IMDB_HEADER, 'tt0110912,9,2023-03-03,Pulp Fiction,Pulp Fiction,https://www.imdb.com/title/tt0110912,Movie,8.9,154,1994,"Crime, Drama",2200000,1994-10-14,Quentin Tarantino']),
    );
    await page.getByRole('button', { name: 'Save 1 rating' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Import of ratings.csv cancelled: nothing was saved.' }).waitFor();
    expect(await count(page)).toBe(6);
    expect((await storeCounts(page)).profile).toBe(profileBefore);
    expect(await stars(page, 296)).toBeNull();

    // A Letterboxd watched.csv has no ratings: refused with the file, line and what was expected.
    await importInput(page).setInputFiles(csvFile('watched.csv', ['Date,Name,Year,Letterboxd URI', '2024-01-01,The Matrix,1999,https://boxd.it/29Ns']));
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported: watched.csv, line 1: expected a "Rating" column' }).waitFor();
    expect((await storeCounts(page)).profile).toBe(profileBefore);
    expect(errors).toEqual([]);
  });
});
