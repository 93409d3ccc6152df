// The screens and states `npm run screenshots` captures, in the order it visits them: add a screen with one entry.
// Each entry's setUp starts from the page as the entry before it left it (same browser profile per size).
import type { Page } from 'playwright-core';
import { encodeTasteCode } from '../src/engine/group/tasteCode';

export type ShotSize = 'phone' | 'desktop';
export type ShotScheme = 'light' | 'dark';

export interface ShotContext {
  page: Page;
  /** The served build's address (no hash). */
  url: string;
  size: ShotSize;
}

export interface ShotState {
  /** File stem: docs/screenshots/<name>-<size>[-dark].png. */
  name: string;
  /** One line for the index in docs/USER-GUIDE.md. */
  caption: string;
  /** Defaults: both sizes, light only. */
  sizes?: readonly ShotSize[];
  schemes?: readonly ShotScheme[];
  /** A profile of its own (a fresh origin state) instead of the one the states before it built up. */
  profile?: 'fresh' | 'no-sample';
  /** Brings the page into the state and scrolls to what the picture should show; the picture is the viewport. */
  setUp: (ctx: ShotContext) => Promise<void>;
  /** This state's picture also becomes the manifest's store screenshot of that size (public/screenshots/). */
  manifest?: boolean;
}

const LIST_ROWS = '[data-testid=recommendations] li';

/** Another person's taste code for Movie night: ten well-known movies of ml-latest-small, some loved, some not. */
const SAM_CODE = encodeTasteCode({
  name: 'Sam',
  ratings: [
    [1, 5], [260, 4.5], [296, 5], [318, 4], [356, 3], [593, 2.5], [1196, 5], [2571, 2], [2959, 4.5], [4993, 5],
  ].map(([movieId, rating]) => ({ movieId, rating })),
});

/** Switches screens by the navigation link, as a person would (tap on a phone). */
async function show(ctx: ShotContext, label: string): Promise<void> {
  const link = ctx.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: new RegExp(`^${label}`) });
  if (ctx.size === 'phone') await link.tap();
  else await link.click();
}

async function top(page: Page): Promise<void> {
  await page.evaluate('scrollTo(0, 0)');
}

/** Reloads at a hash (a deep link) and waits for the list, so every screen has its data. */
async function open(ctx: ShotContext, hash: string): Promise<void> {
  await ctx.page.goto(`${ctx.url}${hash}`);
  await ctx.page.reload();
  await ctx.page.getByTestId('status-line').waitFor({ timeout: 120_000 });
}

export const SHOT_STATES: readonly ShotState[] = [
  {
    name: 'first-visit-import',
    caption: 'First visit: the bundled sample is imported, then a model trained, with progress and Cancel',
    profile: 'fresh',
    setUp: async ({ page, url }) => {
      await page.goto(url);
      await page.getByRole('heading', { name: /Importing|Training/ }).first().waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'for-you-first-visit',
    caption: 'For you on the first visit: rate a few well-known movies one at a time; the list is the popularity fallback until then',
    schemes: ['light', 'dark'],
    setUp: async ({ page }) => {
      await page.locator(LIST_ROWS).nth(19).waitFor({ timeout: 300_000 });
      await top(page);
    },
  },
  {
    name: 'search',
    caption: 'Search as you type; arrow keys choose a result, 1–5 rate it, Enter opens it',
    setUp: async ({ page }) => {
      const box = page.getByRole('combobox', { name: 'Search movies by title' });
      await box.fill('star wars');
      await page.getByText(/matches for “star wars”/).waitFor();
      await box.press('ArrowDown');
      await page.locator('#rate').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await box.press('Escape');
      await box.fill('star wars');
      await page.getByText(/matches for “star wars”/).waitFor();
    },
  },
  {
    name: 'onboarding-done',
    caption: 'Ten ratings in: the list is personal now',
    setUp: async ({ page }) => {
      await page.getByRole('combobox', { name: 'Search movies by title' }).fill('');
      await page.evaluate('document.activeElement?.blur()');
      await top(page);
      const cards = page.getByTestId('onboarding-cards').locator('li');
      // The card's keys: 1–5 stars, Shift for half a star less.
      for (const key of ['5', '4', 'Shift+Digit5', '2', '5', 'Shift+Digit4', '4', '1', 'Shift+Digit5', '3']) {
        const before = await cards.first().getAttribute('data-movie-id');
        await page.keyboard.press(key);
        await page.waitForFunction((id) => document.querySelector('[data-testid=onboarding-cards] li')?.getAttribute('data-movie-id') !== id, before);
      }
      await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
      await top(page);
    },
  },
  {
    name: 'for-you',
    caption: 'For you on a later visit: on a phone the list comes first; each row says why it is there',
    schemes: ['light', 'dark'],
    manifest: true,
    setUp: async (ctx) => {
      await open(ctx, '');
      await ctx.page.locator(LIST_ROWS).nth(19).waitFor({ timeout: 60_000 });
      await ctx.page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
      await top(ctx.page);
    },
  },
  {
    name: 'movie-sheet',
    caption: 'A movie: predicted and average stars, your rating, tags, links, similar movies (a full-screen sheet on phones: swipe down, Back or Close)',
    schemes: ['light', 'dark'],
    setUp: async ({ page, size }) => {
      const title = page.locator(`${LIST_ROWS} .title-link`).first();
      if (size === 'phone') await title.tap();
      else await title.click();
      await page.getByTestId('movie-panel').getByTestId('similar').locator('li').nth(9).waitFor();
    },
  },
  {
    name: 'movie-not-found',
    caption: 'A link to a movie this dataset lacks says so',
    setUp: async (ctx) => {
      await open(ctx, '#movie/99999999');
      await ctx.page.getByTestId('movie-missing').waitFor();
    },
  },
  {
    name: 'my-ratings',
    caption: 'My ratings: sort, change or remove; export, back up, restore, import from IMDb or Letterboxd',
    schemes: ['light', 'dark'],
    setUp: async (ctx) => {
      await open(ctx, '');
      await show(ctx, 'My ratings');
      await ctx.page.getByTestId('my-ratings').locator('li').nth(2).waitFor();
      await top(ctx.page);
    },
  },
  {
    name: 'movie-night',
    caption: 'Movie night: your taste code (text and QR code), the people coming, added from their code or backup file',
    setUp: async (ctx) => {
      await show(ctx, 'Movie night');
      await ctx.page.getByLabel('Your name in the code and the list').fill('Ana');
      await ctx.page.getByLabel('Their name').fill('Sam');
      await ctx.page.getByLabel('Their taste code').fill(SAM_CODE);
      await ctx.page.getByRole('button', { name: 'Add from code' }).click();
      await ctx.page.locator('[data-testid=night-list] > li').nth(19).waitFor({ timeout: 60_000 });
      await top(ctx.page);
    },
  },
  {
    name: 'movie-night-list',
    caption: 'Movie night: the group’s 20 movies by Average or Least misery, each person’s predicted stars and place',
    schemes: ['light', 'dark'],
    setUp: async ({ page }) => {
      await page.getByTestId('night-rule').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'model-lab',
    caption: 'Model lab: the dataset and model, train with a live error chart, evaluate against baselines, tune',
    setUp: async (ctx) => {
      await show(ctx, 'Model lab');
      await ctx.page.getByTestId('lab-model').waitFor();
      await top(ctx.page);
    },
  },
  {
    name: 'taste-map',
    caption: 'Taste map: every movie placed by its factors, your rated movies coloured by your stars',
    schemes: ['light', 'dark'],
    setUp: async ({ page }) => {
      const map = page.getByTestId('taste-map');
      await map.waitFor({ timeout: 60_000 });
      await map.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'data',
    caption: 'Data: your datasets, import another release, a Spark model',
    setUp: async (ctx) => {
      await show(ctx, 'Data');
      await ctx.page.getByTestId('datasets').waitFor();
      await top(ctx.page);
    },
  },
  {
    name: 'bring-your-own',
    caption: 'Bring your own MovieLens files (a build without the bundled sample opens here)',
    profile: 'no-sample',
    setUp: async ({ page, url }) => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor({ timeout: 60_000 });
    },
  },
];
