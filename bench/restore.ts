// Benchmark: a large backup (default 1,000,000 ratings, ≈ 50 MB) restored through My ratings of the production build in
// headless Chromium: Cancel first (nothing changes), then pick → question → restored → list, and Undo; printed as JSON.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root, storeCounts } from '../test/e2e/harness';
import { openLibraryPage } from './libraryPage';

/** The budget the issue set: a 1,000,000-rating backup restores in at most 30 s. */
const BUDGET_SECONDS = 30;

/** A backup of `n` ratings: every ml-latest-small-like id 1..n (so the catalogue's movies are among them), one a minute. */
function ensureBackup(n: number): string {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `backup-${n}.json`);
  if (existsSync(file)) return file;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`{"movieId":${i + 1},"rating":${((i % 10) + 1) / 2},"ratedAt":${1_500_000_000_000 + i * 60_000}}`);
  writeFileSync(file, `{"format":"pocketlens-backup","version":1,"exportedAt":"2025-01-01T00:00:00.000Z","ratings":[${parts.join(',\n')}],"hidden":[]}`);
  return file;
}

export async function benchRestore(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({ args, options: { ratings: { type: 'string', default: '1000000' } } });
  const n = Number(values.ratings);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--ratings: expected a whole number from 1, found ${values.ratings}`);
  const file = ensureBackup(n);
  const { page, errors, close } = await openLibraryPage(async (page) => {
    page.on('dialog', (d) => void d.accept()); // a build from before the in-page question
    await page.addInitScript(() => {
      const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
      w.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
  });
  try {
    for (const k of [0, 1, 2]) await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: '4 stars', exact: true }).check();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /^My ratings/ }).click();
    await page.getByTestId('my-ratings').locator('li').nth(2).waitFor();
    const input = page.getByLabel('Restore backup');

    // Cancel while the file is read and checked: nothing changes.
    await input.setInputFiles(file);
    await page.getByTestId('restore-progress').waitFor();
    const c0 = performance.now();
    await page.getByTestId('restore-progress').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('my-ratings-notice').filter({ hasText: 'cancelled: nothing was changed' }).waitFor();
    const cancelMs = performance.now() - c0;
    const afterCancel = await storeCounts(page);

    // The restore: pick → the question → Restore → "Restored" → the list shows the restored ratings.
    const progressSeen = new Set<string>();
    const t0 = performance.now();
    await input.setInputFiles(file);
    const dialog = page.getByTestId('restore-dialog');
    for (;;) {
      if (await dialog.isVisible()) break;
      const text = await page.getByTestId('restore-progress').textContent().catch(() => null);
      if (text) progressSeen.add(text.replace(/\d+(\.\d+)? of/, 'N of').trim());
      await page.waitForTimeout(100);
    }
    const tAsked = performance.now();
    const question = await dialog.textContent();
    await page.evaluate('window.__longtasks.length = 0');
    const t1 = performance.now();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    const notice = page.getByTestId('my-ratings-notice').filter({ hasText: `Restored ${n} ratings` });
    await notice.waitFor({ timeout: 600_000 });
    const tWritten = performance.now();
    await page.getByTestId('rated-count').filter({ hasText: /^(?!3$)\d+$/ }).waitFor({ timeout: 600_000 });
    await page.getByTestId('my-ratings').locator('li').first().waitFor();
    const tList = performance.now();
    const timings = JSON.parse((await notice.getAttribute('data-timings')) ?? '{}') as Record<string, number>;
    const longtasks = (await page.evaluate('window.__longtasks')) as { duration: number }[];
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const restored = await storeCounts(page);

    // Undo: the three ratings from before, exactly.
    const u0 = performance.now();
    await page.getByTestId('my-ratings-notice').getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('my-ratings-notice').filter({ hasText: 'Undone' }).waitFor({ timeout: 600_000 });
    const undoSeconds = (performance.now() - u0) / 1000;
    const undone = await storeCounts(page);

    const restoreSeconds = (tList - t0) / 1000;
    return {
      bench: 'restore',
      ratings: n,
      backupBytes: statSync(file).size,
      machine: { cpus: cpus().length, load1: +loadavg()[0].toFixed(1) },
      // Pick → the question on screen (read, parse, check, blocks, space), then Restore → written → the list updated.
      pickToQuestionSeconds: +((tAsked - t0) / 1000).toFixed(2),
      answerToRestoredSeconds: +((tWritten - t1) / 1000).toFixed(2),
      restoredToListSeconds: +((tList - tWritten) / 1000).toFixed(2),
      restoreSeconds: +restoreSeconds.toFixed(2),
      restoreSecondsWithoutQuestion: +(restoreSeconds - (t1 - tAsked) / 1000).toFixed(2),
      budgetSeconds: BUDGET_SECONDS,
      withinBudget: restoreSeconds - (t1 - tAsked) / 1000 <= BUDGET_SECONDS,
      workerSeconds: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, +v.toFixed(3)])),
      progressShown: [...progressSeen],
      question,
      mainThreadLongTasksWhileWriting: { count: longtasks.length, longestMs: Math.max(0, ...longtasks.map((l) => l.duration)) },
      elementsInPage: elements,
      cancel: { ms: +cancelMs.toFixed(0), ratingsAfter: afterCancel.profile },
      storedRatings: restored.profile,
      undo: { seconds: +undoSeconds.toFixed(2), ratingsAfter: undone.profile },
      pageErrors: errors,
    };
  } finally {
    await close();
  }
}
