// Model lab on the bundled sample in real Chromium: a live training chart with validation RMSE, Cancel keeping the
// old model, the evaluation table against the baselines, a tiny tune and "Train with the winner", and the implicit
// model's "You'll likely watch" list behind the switch on Recommendations. Each state screenshotted at 1280 and 360 px.
import { afterAll, expect, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { artifacts, screenshot, storedModels as readStoredModels, watchErrors, type BrowserContext, type Page } from './harness';
import { rankerReady, showView, useServedApp } from './app';

const app = useServedApp();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

let context: BrowserContext;
let page: Page;
let errors: string[] = [];
/** The titles the person rated in the first test. */
const ratedTitles: string[] = [];

afterAll(async () => {
  await context?.close();
});

/** The same state at desktop and phone widths (whole page), and the panel it is about alone at phone width. */
async function shots(name: string, panel: string): Promise<void> {
  const toast = page.getByTestId('pwa-toast').getByRole('button', { name: 'OK', exact: true }); // "ready to work offline": would cover the panels
  if (await toast.isVisible()) await toast.click();
  await screenshot(page, `lab-${name}-desktop`);
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(150); // the chart follows its box through a ResizeObserver
  await screenshot(page, `lab-${name}-phone`);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width); // nothing wider than the phone
  mkdirSync(artifacts, { recursive: true });
  await page.locator(panel).screenshot({ path: join(artifacts, `lab-${name}-phone-panel.png`) });
  await page.setViewportSize(DESKTOP);
}

interface StoredModel {
  id: string;
  objective: string;
  rank: number;
  lambda: number;
  iterations: number;
  holdout: number | null;
  trainedAt: number;
  /** The validation RMSE per iteration of the model's own fit (null: none). */
  validation: (number | null)[];
  /** Its validation run's share held out and validation RMSE per iteration, when it had one. */
  validationRun: { holdout: number; rmse: (number | null)[] } | null;
  /** Train RMSE per iteration of the model's own fit. */
  train: number[];
}

/** The models as stored in the page's IndexedDB (read directly, not through the app). */
async function storedModels(): Promise<StoredModel[]> {
  return (await readStoredModels(page)).map(({ id, objective, rank, lambda, iterations, holdout, trainedAt, history, validation }) => ({
    id,
    objective,
    rank,
    lambda,
    iterations,
    holdout,
    trainedAt,
    validation: history.map((h) => h.validationRmse ?? null),
    validationRun: validation ? { holdout: validation.holdout, rmse: validation.history.map((h) => h.validationRmse ?? null) } : null,
    train: history.map((h) => h.trainRmse),
  }));
}

/** No axe-core WCAG 2 A/AA violation inside `selector`, in light and in dark. */
async function expectAccessible(selector: string): Promise<void> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(
      `axe.run(document.querySelector(${JSON.stringify(selector)}), { runOnly: ['wcag2a', 'wcag2aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(' | ')))`,
    );
    expect(violations, `${selector} in ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const train = () => page.getByTestId('lab-train');
const status = () => page.getByTestId('lab-train-status');

async function iterationRows(): Promise<{ iteration: number; train: number; validation: number }[]> {
  return page.$$eval('[data-testid=iteration-table] tbody tr', (trs) =>
    trs.map((tr) => ({
      iteration: Number(tr.getAttribute('data-iteration')),
      train: Number(tr.querySelector('[data-metric=train]')!.textContent),
      validation: Number(tr.querySelector('[data-metric=validation]')?.textContent ?? NaN),
    })),
  );
}

/**
 * Starts recording, on every DOM change, the text of the `testid` element and the number of iteration rows, so a test
 * can check what was on screen while a job ran however fast the job is (a read after a wait can come too late).
 */
async function recordStates(testid: string): Promise<void> {
  await page.evaluate(`(() => {
    const seen = (window.__seen = window.__seen || {});
    const list = (seen[${JSON.stringify(testid)}] = []);
    const note = () => {
      const text = document.querySelector('[data-testid=${testid}]')?.textContent ?? '';
      const rows = document.querySelectorAll('[data-testid=iteration-table] tbody tr').length;
      const last = list[list.length - 1];
      if (!last || last.text !== text || last.rows !== rows) list.push({ text, rows });
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

async function recordedStates(testid: string): Promise<{ text: string; rows: number }[]> {
  return page.evaluate(`window.__seen[${JSON.stringify(testid)}]`);
}

async function setField(panel: 'lab-train' | 'lab-tune', label: string, value: string): Promise<void> {
  await page.getByTestId(panel).getByLabel(label, { exact: true }).fill(value);
}

/** The Train form's ranking-only knobs, by label (the ranking objective shows them; the star model does not). */
const KNOBS = ['Confidence α', 'Star offset', 'Unobserved weight α0', 'Frequency-scaled λ'] as const;

/** The Train form's ranking knobs as shown: the three numbers and whether the frequency-scaled λ switch is on. */
async function knobValues(): Promise<{ alpha: string; starOffset: string; unobserved: string; frequencyScaled: boolean }> {
  const field = (label: string) => train().getByLabel(label, { exact: true });
  return {
    alpha: await field('Confidence α').inputValue(),
    starOffset: await field('Star offset').inputValue(),
    unobserved: await field('Unobserved weight α0').inputValue(),
    frequencyScaled: await field('Frequency-scaled λ').isChecked(),
  };
}

/** The stored implicit model's params (read from IndexedDB, not through the app). */
async function storedRankerParams(): Promise<Record<string, unknown> & { trainedAt: number }> {
  const m = (await readStoredModels(page)).find((x) => x.objective === 'implicit')!;
  return { ...(m.params as unknown as Record<string, unknown>), trainedAt: m.trainedAt };
}

/** Clicks Train and waits until a new implicit model is stored and the status says so. */
async function trainRanker(): Promise<void> {
  const before = (await storedRankerParams()).trainedAt;
  await train().getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => (await storedRankerParams()).trainedAt, { timeout: 120_000, interval: 250 }).toBeGreaterThan(before);
  await status().filter({ hasText: /^Trained in .*“Best for you” list now ranks with it/ }).waitFor({ timeout: 60_000 });
}

test('train with a 10% holdout: the chart and the per-iteration train and validation RMSE update while the validation run runs; the model in use is then fitted on all ratings', async () => {
  context = await app.browser.newContext({ viewport: DESKTOP });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
  await rankerReady(page);
  for (const [k, stars] of [[0, '5 stars'], [1, '4 stars'], [3, '4.5 stars'], [5, '2 stars'], [8, '5 stars']] as const) {
    const row = page.getByTestId('to-rate').locator('li').nth(k);
    ratedTitles.push((await row.locator('.title').first().textContent())!);
    await row.getByRole('radio', { name: stars, exact: true }).check();
  }
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  await showView(page, 'Model lab');
  await train().waitFor();
  // The first visit trained the ranker behind the list: the lab names it with its EASE part.
  await expect(page.getByTestId('lab-models').textContent()).resolves.toMatch(/Best for you \(ranking\)rank 32, λ 5, 10 iterations, .* \+ EASE over 1,000 movies/);

  await setField('lab-train', 'Iterations', '5');
  expect(await train().getByLabel('Validation holdout (%)').inputValue()).toBe('10');
  await recordStates('lab-train-status');
  await train().getByRole('button', { name: 'Train', exact: true }).click();
  await status().filter({ hasText: /^Trained in/ }).waitFor({ timeout: 60_000 });
  const rows = await iterationRows();
  expect(rows.map((r) => r.iteration)).toEqual([1, 2, 3, 4, 5]);
  // Live: rows arrived one iteration at a time while the job still ran, each with the status naming its iteration.
  const live = (await recordedStates('lab-train-status')).filter((s) => /^Iteration \d of 5:/.test(s.text));
  expect(live.length).toBeGreaterThan(1);
  for (const s of live) {
    expect(s.text).toMatch(/^Iteration [1-5] of 5: train RMSE 0\.\d{4}, validation RMSE 0\.\d{4}$/);
    expect(s.rows).toBe(Number(/^Iteration (\d)/.exec(s.text)![1]));
  }
  expect(live.some((s) => s.rows < 5)).toBe(true);
  for (const r of rows) {
    expect(r.validation).toBeGreaterThan(0.8);
    expect(r.validation).toBeLessThan(1.0);
    expect(r.train).toBeLessThan(r.validation);
  }
  expect(rows[4].validation).toBeLessThan(rows[0].validation);
  expect(await page.locator('[data-testid=rmse-chart] canvas').count()).toBeGreaterThan(0);
  expect(await page.getByTestId('rmse-chart').getAttribute('aria-label')).toContain(`validation RMSE ${rows[4].validation.toFixed(4)} after iteration 5 of 5`);
  console.log(`validation RMSE per iteration: ${rows.map((r) => r.validation.toFixed(4)).join(', ')}; train: ${rows.map((r) => r.train.toFixed(4)).join(', ')}`);

  // Then the model in use, on all ratings, said as such while it ran; the chart keeps the validation run's rows.
  const finalFit = (await recordedStates('lab-train-status')).filter((s) => s.text.startsWith('Model in use'));
  expect(finalFit.length).toBeGreaterThan(0);
  for (const s of finalFit) {
    expect(s.text).toMatch(/^Model in use, on all 100,836 ratings: iteration [1-5] of 5: train RMSE 0\.\d{4}$/);
    expect(s.rows).toBe(5);
  }
  expect(await status().textContent()).toMatch(/^Trained in \d+\.\d s: a validation run on 90% of the ratings \(\d+\.\d s\), then the model in use on all 100,836 ratings\. Recommendations now use it\.$/);
  expect(await train().locator('figcaption').textContent()).toContain('The model in use is fitted on all ratings with the same settings after it.');

  const [stored] = await storedModels();
  // The stored model is the fit on all ratings (nothing held out of it); the validation run is kept beside it.
  expect(stored).toMatchObject({ objective: 'explicit', iterations: 5, holdout: 0, validationRun: { holdout: 0.1 } });
  expect(stored.id).toMatch(/:explicit$/);
  expect(stored.validationRun!.rmse.map((v) => v!.toFixed(4))).toEqual(rows.map((r) => r.validation.toFixed(4)));
  expect(stored.validation).toEqual([null, null, null, null, null]);
  expect(stored.train[4]).not.toBe(rows[4].train); // fitted on 100% of the ratings, not the chart's 90%
  await expect(page.getByTestId('lab-models').textContent()).resolves.toMatch(/rank 64, λ 2\.2, 5 iterations, [\d.]+ s; train RMSE 0\.\d{4} on all ratings; validation run: validation RMSE 0\.\d{4} with 10% held out/);
  // The shell's status line follows the new model without leaving the screen.
  await page.getByTestId('status-line').filter({ hasText: 'rank 64, 5 iterations' }).waitFor();
  await shots('trained', '[data-testid=lab-train]');
  // Dark: the chart is drawn again in the dark palette (validation #8ab8ff instead of #1f5fa8).
  const markers = `Array.from(document.querySelectorAll('[data-testid=rmse-chart] .u-marker')).map((m) => getComputedStyle(m).borderColor)`;
  expect(await page.evaluate(markers)).toContain('rgb(31, 95, 168)');
  await page.emulateMedia({ colorScheme: 'dark' });
  for (let k = 0; k < 50 && !((await page.evaluate(markers)) as string[]).includes('rgb(138, 184, 255)'); k++) await page.waitForTimeout(100);
  expect(await page.evaluate(markers)).toContain('rgb(138, 184, 255)');
  await screenshot(page, 'lab-trained-dark-desktop');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('Cancel stops a training and the model in use stays exactly as it was', async () => {
  // Both stored models (the star model and the ranker) stay exactly as they were.
  const before = await storedModels();
  // The most iterations the form allows, so the job is still running after the screenshots, however fast the machine.
  await setField('lab-train', 'Iterations', '100');
  await train().getByRole('button', { name: 'Train', exact: true }).click();
  await status().filter({ hasText: /^Iteration \d+ of 100: / }).waitFor({ timeout: 60_000 });
  await shots('training', '[data-testid=lab-train]');
  await train().getByRole('button', { name: 'Cancel' }).click();
  await status().filter({ hasText: 'Stopped. The previous model is still the one in use.' }).waitFor();
  expect(await storedModels()).toEqual(before);
  await expect(page.getByTestId('lab-models').textContent()).resolves.toContain('rank 64, λ 2.2, 5 iterations');
  // The jobs worker starts again for the next job.
  await setField('lab-train', 'Iterations', '5');
});

test('evaluation: model RMSE below the bias baseline, below the global mean, in the table', async () => {
  await setField('lab-train', 'Rank', '32');
  await setField('lab-train', 'Iterations', '8');
  await recordStates('lab-eval-status');
  await page.getByTestId('lab-eval').getByRole('button', { name: 'Evaluate' }).click();
  await page.getByTestId('lab-eval-status').filter({ hasText: /^Evaluated in/ }).waitFor({ timeout: 120_000 });
  // It showed its progress through the model's training on the way.
  expect((await recordedStates('lab-eval-status')).some((s) => /^Training the model: iteration \d of 8/.test(s.text))).toBe(true);
  const table = await page.$$eval('[data-testid=eval-table] tbody tr', (trs) =>
    Object.fromEntries(
      trs.map((tr) => [
        tr.getAttribute('data-model')!,
        Object.fromEntries(Array.from(tr.querySelectorAll('[data-metric]')).map((td) => [td.getAttribute('data-metric')!, parseFloat(td.textContent!)])),
      ]),
    ),
  );
  expect(Object.keys(table)).toEqual(['model', 'bias', 'popularity', 'globalMean']);
  expect(table.model.rmse).toBeLessThan(table.bias.rmse);
  expect(table.bias.rmse).toBeLessThan(table.globalMean.rmse);
  expect(table.model.rmse).toBeGreaterThan(0.8);
  expect(table.model['ndcg@10']).toBeGreaterThan(table.bias['ndcg@10']);
  console.log(`evaluation (${await page.getByTestId('lab-eval-status').textContent()}): ${JSON.stringify(table)}`);
  await shots('evaluated', '[data-testid=lab-eval]');

  // The lab with its chart and tables passes axe's WCAG 2 A/AA rules (labels, contrast, table headers), light and dark.
  await expectAccessible('.lab');
});

test('a tune can be cancelled; a tiny tune lists configurations by RMSE with mean ± sd, calls ties ties; "Train with the winner" (or the simplest of the tied) fills the controls and trains it', async () => {
  // The default grid, stopped once its first configuration is in: what finished stays listed.
  await page.getByTestId('lab-tune').getByRole('button', { name: 'Tune (9 configurations)' }).click();
  await page.getByTestId('lab-tune-status').filter({ hasText: /^[1-8] of 9 configurations done/ }).waitFor({ timeout: 120_000 });
  await page.getByTestId('lab-tune').getByRole('button', { name: 'Cancel' }).click();
  const stopped = await page.getByTestId('lab-tune-status').filter({ hasText: /^Stopped after [1-8] of 9 configurations\.$/ }).textContent();
  expect(await page.locator('[data-testid=tune-table] tbody tr').count()).toBe(Number(/after (\d)/.exec(stopped!)![1]));
  expect(await page.getByRole('button', { name: /^Train (with the winner|the simplest)/ }).count()).toBe(0);

  await setField('lab-tune', 'Ranks', '8, 16');
  await setField('lab-tune', 'λ values', '2.2, 6');
  await setField('lab-tune', 'Folds', '2');
  await setField('lab-tune', 'Iterations', '3');
  await page.getByTestId('lab-tune').getByRole('button', { name: 'Tune (4 configurations)' }).click();
  await page.getByTestId('lab-tune-status').filter({ hasText: /^Done in/ }).waitFor({ timeout: 120_000 });
  const results = await page.$$eval('[data-testid=tune-table] tbody tr', (trs) =>
    trs.map((tr) => ({
      rank: Number(tr.getAttribute('data-rank')),
      lambda: Number(tr.getAttribute('data-lambda')),
      rmse: Number(tr.querySelector('[data-metric=rmse]')!.textContent),
      sd: Number(tr.querySelector('[data-metric=sd]')!.textContent!.replace('± ', '')),
      diff: tr.querySelector('[data-metric=diff]')!.textContent!,
      folds: tr.getAttribute('data-folds')!.split(' ').map(Number),
      tie: tr.hasAttribute('data-tie'),
    })),
  );
  expect(results).toHaveLength(4);
  for (let k = 1; k < results.length; k++) expect(results[k - 1].rmse).toBeLessThanOrEqual(results[k].rmse);
  const best = results[0];
  // Mean ± sd over the 2 folds, as shown; ties are the rows within one standard error (sd / √2) of the best mean.
  const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - xs.reduce((p, q) => p + q, 0) / xs.length) ** 2, 0) / (xs.length - 1));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const se = sd(best.folds) / Math.SQRT2;
  for (const r of results) {
    expect(r.folds).toHaveLength(2);
    expect(r.rmse).toBe(Number(mean(r.folds).toFixed(4)));
    expect(r.sd).toBe(Number(sd(r.folds).toFixed(4)));
    expect(r.tie).toBe(mean(r.folds) - mean(best.folds) <= se);
  }
  expect(best.diff).toMatch(/^best/);
  for (const r of results.slice(1)) expect(r.diff).toMatch(new RegExp(`^\\+${(mean(r.folds) - mean(best.folds)).toFixed(4)}`));
  const tied = results.filter((r) => r.tie);
  const tuneStatus = (await page.getByTestId('lab-tune-status').textContent())!;
  // The one to train: the winner, or the simplest (lowest rank, then highest λ) of the tied.
  const pick = tied.length > 1 ? [...tied].sort((a, b) => a.rank - b.rank || b.lambda - a.lambda)[0] : best;
  if (tied.length > 1) expect(tuneStatus).toContain(`A tie: ${tied.length} configurations are within one standard error (${se.toFixed(4)}) of the best mean`);
  else expect(tuneStatus).toMatch(/Best: rank \d+, λ [\d.]+, CV RMSE 0\.\d{4} ± 0\.\d{4}, ahead of every other configuration by more than one standard error\.$/);
  console.log(`tune: ${tuneStatus} ${JSON.stringify(results)}`);
  await shots('tuned', '[data-testid=lab-tune]');

  await page.getByTestId('lab-tune').getByRole('button', { name: tied.length > 1 ? /^Train the simplest of the tied/ : /^Train with the winner/ }).click();
  expect(await train().getByLabel('Rank', { exact: true }).inputValue()).toBe(String(pick.rank));
  expect(await train().getByLabel('λ (regularization)').inputValue()).toBe(String(pick.lambda));
  expect(await train().getByLabel('Iterations', { exact: true }).inputValue()).toBe('3');
  await status().filter({ hasText: /^Trained in/ }).waitFor({ timeout: 60_000 });
  const explicit = (await storedModels()).find((m) => m.objective === 'explicit')!;
  expect(explicit).toMatchObject({ rank: pick.rank, lambda: pick.lambda, iterations: 3 });
});

test('the ranking objective retrains the ranker behind "Best for you"; "Sort by: Predicted rating" is the star model\'s list', async () => {
  // The star model's form has no iALS knobs; the ranking objective shows every one at the ranker's defaults.
  for (const label of KNOBS) expect(await train().getByLabel(label, { exact: true }).count()).toBe(0);
  await train().getByRole('radio', { name: /^Ranking/ }).check();
  expect(await knobValues()).toEqual({ alpha: '3', starOffset: '3', unobserved: '1', frequencyScaled: false });
  await expectAccessible('[data-testid=lab-train]'); // the knobs and the switch: labelled, described, in contrast, light and dark
  await setField('lab-train', 'Rank', '32');
  await setField('lab-train', 'Iterations', '5');
  // α0 0 is refused with its field's message, and nothing is trained or stored.
  const storedBefore = await storedModels();
  await setField('lab-train', 'Unobserved weight α0', '0');
  await train().getByRole('button', { name: 'Train', exact: true }).click();
  await train().getByRole('alert').filter({ hasText: 'Unobserved weight α0: a number greater than 0 and at most 100.' }).waitFor();
  expect(await train().getByLabel('Unobserved weight α0', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  expect(await storedModels()).toEqual(storedBefore);
  await setField('lab-train', 'Unobserved weight α0', '1');
  // A confidence other than the shipped 3: the stored ranker is trained with it, and its line says so.
  await setField('lab-train', 'Confidence α', '5');
  await train().getByRole('button', { name: 'Train', exact: true }).click();
  await status().filter({ hasText: /^Trained in .*“Best for you” list now ranks with it/ }).waitFor({ timeout: 120_000 });
  expect(await storedRankerParams()).toMatchObject({ objective: 'implicit', rank: 32, iterations: 5, implicitAlpha: 5, starOffset: 3, unobservedWeight: 1, frequencyScaled: false });
  await expect(page.getByTestId('lab-models').textContent()).resolves.toMatch(/Best for you \(ranking\)rank 32, λ 5, 5 iterations, α 5 over 3★, α0 1, /);
  expect(await page.$eval('[data-testid=iteration-table] thead', (t) => t.textContent)).toContain('Validation preference error');
  const models = await storedModels();
  expect(models.map((m) => m.objective).sort()).toEqual(['explicit', 'implicit']);
  await expect(page.getByTestId('lab-models').textContent()).resolves.toMatch(/Best for you \(ranking\)rank 32, λ 5, 5 iterations, .* \+ EASE over 1,000 movies/);
  await shots('implicit', '[data-testid=lab-train]');

  await showView(page, 'For you');
  const list = page.getByTestId('recommendations');
  await page.getByTestId('sort-by').waitFor();
  await expect(page.getByRole('radio', { name: 'Best for you' }).isChecked()).resolves.toBe(true);
  // The status line names the models behind the list: the retrained ranker (with EASE) and the star model.
  await page.getByTestId('status-line').filter({ hasText: / · ranked by iALS rank 32 \+ EASE · stars by ALS rank \d+, 3 iterations$/ }).waitFor();
  await page.locator('[data-testid=recommendations][data-sort=best] li').nth(19).waitFor();
  const best = await list.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-movie-id')));
  // Every row: the star model's predicted rating, and the ratings that carried it (or that people of the same taste like it).
  const stars = await list.locator('.predicted').allTextContents();
  expect(stars).toHaveLength(20);
  for (const t of stars) expect(t).toMatch(/^★ [0-5]\.\d predicted stars$/);
  const reasons = await list.locator('.because').allTextContents();
  expect(reasons).toHaveLength(20);
  for (const r of reasons) {
    if (r === 'Popular with people who share your taste') continue;
    const named = r.replace(/^Because you rated /, '').split(' and ');
    expect(named.length).toBeGreaterThan(0);
    for (const t of named) expect(ratedTitles).toContain(t);
  }
  console.log(`ranked reasons: ${reasons.slice(0, 3).join(' | ')}`);
  await shots('recs-ranked', '#recommendations');

  await page.getByRole('radio', { name: 'Predicted rating' }).check();
  await page.getByTestId('status-line').filter({ hasText: / · model: rank \d+, 3 iterations$/ }).waitFor();
  await page.locator('[data-testid=recommendations][data-sort=predicted] li').nth(19).waitFor();
  const values = (await list.locator('.predicted').allTextContents()).map((t) => parseFloat(t.replace('★', '')));
  for (let k = 1; k < values.length; k++) expect(values[k - 1]).toBeGreaterThanOrEqual(values[k]);
  const byStars = await list.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-movie-id')));
  expect(byStars).not.toEqual(best);
  await shots('recs-predicted', '#recommendations');
  await expectAccessible('#recommendations');
  // The choice survives a trip to another screen.
  await showView(page, 'Model lab');
  await showView(page, 'For you');
  await page.locator('[data-testid=recommendations][data-sort=predicted] li').nth(19).waitFor();
  expect(errors).toEqual([]);
});

test("Tune for the ranking model: rank × λ × confidence × α0 × star offset × frequency-scaled λ by NDCG@10 over per-user holdouts; the pick trains the ranker with its offset and penalty", async () => {
  await showView(page, 'Model lab');
  const tune = page.getByTestId('lab-tune');
  await tune.getByRole('radio', { name: 'Ranking model (NDCG@10)' }).check();
  // The ranking-only knobs at their defaults (the fields edited by the search above keep their values), then a tiny grid.
  await expect(tune.getByLabel('Confidence alphas', { exact: true }).inputValue()).resolves.toBe('1, 3');
  await expect(tune.getByLabel('Unobserved weights (α0)', { exact: true }).inputValue()).resolves.toBe('1, 0.3');
  await expect(tune.getByLabel('Star offsets', { exact: true }).inputValue()).resolves.toBe('0, 3');
  await expect(tune.getByLabel('Frequency-scaled λ', { exact: true }).inputValue()).resolves.toBe('off');
  // The frequency choice is a target of at least 44 × 44 px at phone width, like the objective's radios.
  await page.setViewportSize(PHONE);
  const box = (await tune.getByLabel('Frequency-scaled λ', { exact: true }).boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.width).toBeGreaterThanOrEqual(44);
  await page.setViewportSize(DESKTOP);
  await setField('lab-tune', 'Ranks', '8');
  // λ of the frequency-scaled penalty's scale (λ 1 fits it where the plain penalty takes 5) and one that smothers every score.
  await setField('lab-tune', 'λ values', '1, 500');
  await setField('lab-tune', 'Confidence alphas', '3');
  await setField('lab-tune', 'Unobserved weights (α0)', '1');
  await setField('lab-tune', 'Folds', '2');
  await setField('lab-tune', 'Iterations', '3');
  // "Both" doubles the count the button shows; the search runs the scaled penalty alone, so the winner differs from the
  // shipped iALS (plain penalty) and the stored ranker can only carry it if "Train with the winner" passed it on.
  await tune.getByLabel('Frequency-scaled λ', { exact: true }).selectOption('both');
  await tune.getByRole('button', { name: 'Tune (8 configurations)' }).waitFor();
  await tune.getByLabel('Frequency-scaled λ', { exact: true }).selectOption('on');
  await tune.getByRole('button', { name: 'Tune (4 configurations)' }).click();
  await page.getByTestId('lab-tune-status').filter({ hasText: /^Done in/ }).waitFor({ timeout: 120_000 });
  const rows = await page.$$eval('[data-testid=tune-table] tbody tr', (trs) =>
    trs.map((tr) => ({
      lambda: Number(tr.getAttribute('data-lambda')),
      offset: Number(tr.getAttribute('data-star-offset')),
      frequency: tr.getAttribute('data-frequency'),
      shownOffset: Number(tr.children[5].textContent),
      ndcg: Number(tr.querySelector('[data-metric="ndcg@10"]')!.textContent),
    })),
  );
  // Every λ at both offsets, each row showing its offset and the scaled penalty in its own column.
  expect(rows.map((r) => `${r.lambda} ${r.offset}`).sort()).toEqual(['1 0', '1 3', '500 0', '500 3']);
  for (const r of rows) expect(r.shownOffset).toBe(r.offset);
  expect(rows.map((r) => r.frequency)).toEqual(['on', 'on', 'on', 'on']);
  expect(await page.$$eval('[data-testid=tune-table] thead th', (ths) => ths.map((th) => th.textContent))).toContain('Frequency-scaled λ');
  expect(await page.$$eval('[data-testid=tune-table] tbody tr td:nth-of-type(6)', (tds) => tds.map((td) => td.textContent))).toEqual(['on', 'on', 'on', 'on']);
  expect(rows.slice(0, 2).map((r) => r.lambda)).toEqual([1, 1]); // λ 500 smothers every score, at either offset
  expect(rows[1].ndcg).toBeGreaterThan(rows[2].ndcg);
  expect(rows[0].ndcg).toBeGreaterThan(0.05);
  const winner = rows[0];
  expect(await page.getByTestId('lab-tune-status').textContent()).toMatch(
    new RegExp(`Best: rank 8, λ 1, confidence α 3, α0 1, star offset ${winner.offset}, frequency-scaled λ, NDCG@10 0\\.\\d{4} ± 0\\.\\d{4}`),
  );
  console.log(`tune ranking: ${JSON.stringify(rows)}`);
  await shots('tune-ranking', '[data-testid=lab-tune]');
  await expectAccessible('[data-testid=lab-tune]'); // the offset and penalty controls and columns, light and dark
  await page.getByRole('button', { name: `Train with the winner (rank 8, λ 1, α 3, α0 1, star offset ${winner.offset}, frequency-scaled λ)` }).click();
  await status().filter({ hasText: /^Trained in .*“Best for you” list now ranks with it/ }).waitFor({ timeout: 120_000 });
  const ranker = (await storedModels()).find((m) => m.objective === 'implicit')!;
  expect(ranker).toMatchObject({ rank: 8, lambda: 1, iterations: 3 });
  // The stored ranker carries the winner's confidence, α0, offset and penalty.
  const params = (await readStoredModels(page)).find((m) => m.objective === 'implicit')!.params;
  expect(params).toMatchObject({ objective: 'implicit', implicitAlpha: 3, unobservedWeight: 1, starOffset: winner.offset, frequencyScaled: true });
  await expect(page.getByTestId('lab-models').textContent()).resolves.toMatch(/Best for you \(ranking\)rank 8, λ 1, 3 iterations, .* \+ EASE over 1,000 movies/);
  // The Train form shows exactly what trained: the winner's rank, λ, iterations and every iALS knob.
  expect(await train().getByRole('radio', { name: /^Ranking/ }).isChecked()).toBe(true);
  expect(await train().getByLabel('Rank', { exact: true }).inputValue()).toBe('8');
  expect(await train().getByLabel('λ (regularization)').inputValue()).toBe('1');
  expect(await train().getByLabel('Iterations', { exact: true }).inputValue()).toBe('3');
  expect(await knobValues()).toEqual({ alpha: '3', starOffset: String(winner.offset), unobserved: '1', frequencyScaled: true });
  const shownConfidence = winner.offset > 0 ? `α 3 over ${winner.offset}★` : 'α 3 per star';
  expect(await page.getByTestId('lab-models').textContent()).toContain(`3 iterations, ${shownConfidence}, α0 1, frequency-scaled λ, `);

  // At phone size (390 × 844) the form fits and each knob is a target of at least 44 px; a confidence set there trains.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  for (const label of KNOBS) {
    const field = train().getByLabel(label, { exact: true });
    // The switch's target is its label row (the label toggles it).
    const box = (await (label === 'Frequency-scaled λ' ? train().locator('label:has(> #lab-frequencyScaled)') : field).boundingBox())!;
    expect(box.height, label).toBeGreaterThanOrEqual(44);
    expect(box.width, label).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width, label).toBeLessThanOrEqual(390);
  }
  await setField('lab-train', 'Confidence α', '2');
  await train().getByText('Frequency-scaled λ', { exact: true }).click(); // the switch, off by its label
  expect(await knobValues()).toMatchObject({ alpha: '2', frequencyScaled: false });
  mkdirSync(artifacts, { recursive: true });
  await train().screenshot({ path: join(artifacts, 'lab-train-knobs-phone-panel.png') });
  await trainRanker();
  expect(await storedRankerParams()).toMatchObject({ objective: 'implicit', rank: 8, lambda: 1, iterations: 3, implicitAlpha: 2, starOffset: winner.offset, unobservedWeight: 1, frequencyScaled: false });
  await expect(page.getByTestId('lab-models').textContent()).resolves.toContain(`3 iterations, ${winner.offset > 0 ? `α 2 over ${winner.offset}★` : 'α 2 per star'}, α0 1, `);
  await page.setViewportSize(DESKTOP);
  expect(errors).toEqual([]);
});
