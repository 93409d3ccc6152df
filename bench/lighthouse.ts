// Lighthouse (system Chromium) on the production build: category scores as JSON, with the targets beside them.
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { join } from 'node:path';
import { startServer } from '../scripts/serve';
import { root } from '../test/e2e/harness';

// Issue 13's quality bar: Lighthouse mobile ≥ 95 in all four categories (desktop is held to the same).
const TARGETS: Record<string, number> = { performance: 95, accessibility: 95, 'best-practices': 95, seo: 95 };

export async function benchLighthouse(): Promise<Record<string, unknown>> {
  const { server, url } = await startServer(join(root, 'dist'));
  const runs: Record<string, Record<string, number | string>> = {};
  try {
    // A fresh browser profile per run: a first visit each time, as a new person would see it.
    for (const formFactor of (process.env.LH_ONLY ? [process.env.LH_ONLY] : ['mobile', 'desktop']) as ('mobile' | 'desktop')[]) {
      const chrome = await launchChrome({
        chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      });
      const result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS) },
        formFactor === 'desktop'
          ? { extends: 'lighthouse:default', settings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttlingMethod: 'simulate' } }
          : undefined,
      );
      await chrome.kill(); // the previous browser must be gone: its import and training would steal the CPU
      if (!result) throw new Error('lighthouse returned no result');
      runs[formFactor] = Object.fromEntries(Object.entries(result.lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
      const failed = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
      runs[`${formFactor}Failing`] = Object.fromEntries(
        failed.map((a) => [a.id, a.id === 'errors-in-console' ? JSON.stringify((a.details as { items?: unknown[] } | undefined)?.items ?? []) : Math.round((a.score ?? 0) * 100)]),
      );
    }
    const scored = Object.keys(runs).filter((r) => !r.endsWith('Failing'));
    const meets = Object.entries(TARGETS).every(([k, t]) => scored.every((r) => Number(runs[r][k]) >= t));
    return { bench: 'lighthouse', url, targets: TARGETS, ...runs, meetsTargets: meets };
  } finally {
    server.close();
  }
}
