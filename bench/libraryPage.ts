// One production-build page for the browser benchmarks that start from the library: the served dist, Chromium, a
// 1280×900 window, page errors collected, the bundled sample imported and its library on screen.
import { launch, serveDist, type Page } from '../test/e2e/harness';

export interface LibraryPage {
  page: Page;
  /** Uncaught errors of the page, as they come. */
  errors: string[];
  close: () => Promise<void>;
}

/** `prepare` runs on the page before it opens the app (init scripts, dialog handlers). */
export async function openLibraryPage(prepare?: (page: Page) => Promise<void>): Promise<LibraryPage> {
  const server = await serveDist();
  const browser = await launch();
  const close = async () => {
    await browser.close();
    server.server.close();
  };
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await prepare?.(page);
    await page.goto(server.url);
    await page.getByTestId('to-rate').locator('li').first().waitFor({ timeout: 300_000 });
    return { page, errors, close };
  } catch (e) {
    await close();
    throw e;
  }
}
