// Per-file fixture for e2e tests: the production build served with the real headers, and one Chromium.
import { afterAll, beforeAll } from 'vitest';
import { launch, serveDist, type Browser } from './harness';

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
