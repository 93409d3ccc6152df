// Per-file fixture for e2e tests: the production build served with the real headers, and one Chromium.
import { afterAll, beforeAll } from 'vitest';
import { launch, serveDist, type Browser, type Page } from './harness';

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

/** Switches the app to one of its screens by the navigation link a person would click. */
export async function showView(page: Page, label: 'Recommendations' | 'My ratings' | 'Model lab' | 'Data'): Promise<void> {
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
