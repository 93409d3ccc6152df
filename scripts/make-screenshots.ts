// Takes the manifest's store screenshots (wide and narrow) from the production build; run after `npm run build`.
import { join } from 'node:path';
import { launch, serveDist } from '../test/e2e/harness';
import { projectRoot } from './movielens-cache';

const server = await serveDist();
const browser = await launch();
try {
  for (const [name, width, height] of [['wide', 1280, 800], ['narrow', 390, 844]] as const) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: 'light', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
    for (const [k, stars] of [[0, '5 stars'], [1, '4.5 stars'], [3, '4 stars'], [4, '1 stars']] as const) {
      await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: stars, exact: true }).check();
      await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
    }
    if (name === 'narrow') await page.locator('#recommendations').evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(projectRoot, 'public', 'screenshots', `${name}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  server.server.close();
}
console.log('screenshots written to public/screenshots/');
