// Taste map in the Model lab (real Chromium, production build): 1,500 points, the person's marker after rating, titles
// on hover and keyboard focus, zoom by button and wheel narrows the visible range; phone and desktop screenshots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { root, screenshot, watchErrors, type Page } from './harness';
import { showView, useServedApp } from './app';
import { synthZip } from './releases';

const app = useServedApp();
const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2 A/AA violations inside `selector` (evaluated through DevTools, so the page's CSP does not block it). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(`axe.run(document.querySelector('${selector}'), { runOnly: ['wcag2a', 'wcag2aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`);
}

/** "PC1 −1.23 to 2.34, PC2 …" → the two widths. */
async function ranges(page: Page): Promise<{ x: number; y: number }> {
  const text = (await page.getByTestId('map-range').textContent())!.replaceAll('−', '-');
  const m = /PC1 (-?[\d.]+) to (-?[\d.]+), PC2 (-?[\d.]+) to (-?[\d.]+)/.exec(text);
  if (!m) throw new Error(`unexpected range text ${text}`);
  return { x: Number(m[2]) - Number(m[1]), y: Number(m[4]) - Number(m[3]) };
}

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 780 }],
] as const) {
  test(`${label}: the map draws the 1,500 most-rated movies, marks the person after rating, shows titles, zooms`, async () => {
    const context = await app.browser.newContext({ viewport, hasTouch: label === 'phone' });
    await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    // 1,800 movies, every one rated by several people, so the sample of 1,500 is the most-rated part of the catalogue.
    await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(synthZip('ml-map', { users: 300, items: 1800, rank: 4, density: 0.04, seed: 11 }).file);
    await page.getByTestId('status-line').filter({ hasText: /ml-map: .* · model: rank/ }).waitFor({ timeout: 180_000 });

    await showView(page, 'Model lab');
    const map = page.getByTestId('taste-map');
    await map.getByTestId('map-svg').waitFor({ timeout: 30_000 });
    expect(await map.getByTestId('map-point').count()).toBe(1500);
    expect(await map.getByTestId('map-me').count()).toBe(0);
    const pc1 = Number((await map.getByTestId('pc1').textContent())!.replace('%', ''));
    const pc2 = Number((await map.getByTestId('pc2').textContent())!.replace('%', ''));
    expect(pc1).toBeGreaterThan(pc2);
    expect(pc2).toBeGreaterThan(0);
    expect(pc1 + pc2).toBeLessThanOrEqual(100);
    // Said in words above the map, with the sum, and on the axes themselves.
    const rank = Number(/\(rank (\d+)\)/.exec((await map.locator('figcaption').textContent())!)![1]);
    expect(await map.getByTestId('map-explained').textContent()).toBe(
      `The two axes explain ${pc1.toFixed(1)}% + ${pc2.toFixed(1)}% of the variance of these movies’ factors (${(pc1 + pc2).toFixed(1)}% together); the other ${rank - 2} dimensions hold the rest, so closeness on this map is only part of the story.`,
    );
    expect(await map.getByTestId('map-axis-labels').textContent()).toBe(`PC1 → ${pc1.toFixed(1)}%PC2 ↑ ${pc2.toFixed(1)}%`);
    // The legend's bins name disjoint ratings, and the unrated dots have their own entry.
    expect(await map.getByTestId('map-legend-bin').allTextContents()).toEqual(['0.5–1 stars', '1.5–2 stars', '2.5–3 stars', '3.5–4 stars', '4.5–5 stars']);
    const computed = await map.locator('p.small').textContent();
    console.log(JSON.stringify({ viewport: label, pc1, pc2, computed }));

    // Rate four movies, one in the middle bin; the map then shows the person and their four rated movies.
    await showView(page, 'For you');
    for (const [k, stars] of [[0, '5 stars'], [1, '4 stars'], [2, '1 star'], [3, '2.5 stars']] as const) {
      await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: stars, exact: true }).check();
    }
    await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
    await showView(page, 'Model lab');
    await map.getByTestId('map-me').waitFor();
    expect(await map.getByTestId('map-rated').count()).toBe(4);
    expect(await map.getByTestId('map-rated').nth(0).getAttribute('class')).toMatch(/^star-[1-5]$/);
    // Every rated movie is coloured by its bin, none in the grey of the movies not rated (2.5 stars included).
    const fills = await map.getByTestId('map-rated').evaluateAll((cs) => cs.map((c) => [c.getAttribute('class'), getComputedStyle(c).fill]));
    const grey = await map.getByTestId('map-point').first().evaluate((c) => getComputedStyle(c).fill);
    expect(fills.map(([c]) => c).sort()).toEqual(['star-1', 'star-3', 'star-4', 'star-5']);
    for (const [, fill] of fills) expect(fill).not.toBe(grey);
    expect(new Set(fills.map(([, fill]) => fill)).size).toBe(4);
    const nearest = map.getByTestId('map-nearest').locator('li');
    expect(await nearest.count()).toBe(10);
    expect(await nearest.nth(0).textContent()).toMatch(/^The Synthetic Movie \d+ \(\d{4}\)$/);

    // Hover a point: its title as text in the tooltip and the live status line.
    const point = map.getByTestId('map-point').nth(40);
    await point.hover({ force: true });
    const tip = map.getByTestId('map-tip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/^The Synthetic Movie \d+ \(\d{4}\) · \d+ ratings$/);
    // Keyboard: Tab from the map reaches the rated movies; focus shows the title and the person's stars.
    await map.getByTestId('map-svg').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.getAttribute("data-testid")')).toBe('map-rated');
    expect(await map.getByTestId('map-status').textContent()).toMatch(/^The Synthetic Movie \d+ \(\d{4}\) · \d+ ratings · you rated it (5 stars|4 stars|1 star|2\.5 stars)$/);
    await screenshot(page, `taste-map-${label}`);
    expect(await axeViolations(page, '[data-testid=taste-map]')).toEqual([]);

    // Zoom: the button narrows the visible range by 1.5, the wheel narrows it further, keys pan, Reset restores it.
    const r0 = await ranges(page);
    await map.getByRole('button', { name: 'Zoom in' }).click();
    const r1 = await ranges(page);
    expect(r1.x).toBeCloseTo(r0.x / 1.5, 1);
    expect(r1.y).toBeCloseTo(r0.y / 1.5, 1);
    await map.getByTestId('map-svg').scrollIntoViewIfNeeded();
    const box = (await map.getByTestId('map-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await ranges(page)).x).toBeLessThan(r1.x * 0.9);
    const before = await map.getByTestId('map-range').textContent();
    await map.getByTestId('map-svg').focus();
    await page.keyboard.press('ArrowRight');
    expect(await map.getByTestId('map-range').textContent()).not.toBe(before);
    await map.getByRole('button', { name: 'Reset view' }).click();
    expect((await ranges(page)).x).toBeCloseTo(r0.x, 2);
    // The home view fits the movies; when the person lies outside it, "Show me" brings them into view.
    const showMe = map.getByRole('button', { name: 'Show me' });
    if ((await showMe.count()) > 0) await showMe.click();
    const meBox = (await map.getByTestId('map-me').boundingBox())!;
    const svgBox = (await map.getByTestId('map-svg').boundingBox())!;
    expect(meBox.x + meBox.width / 2).toBeGreaterThan(svgBox.x);
    expect(meBox.x + meBox.width / 2).toBeLessThan(svgBox.x + svgBox.width);
    expect(meBox.y + meBox.height / 2).toBeGreaterThan(svgBox.y);
    expect(meBox.y + meBox.height / 2).toBeLessThan(svgBox.y + svgBox.height);
    expect(errors).toEqual([]);
    await context.close();
  });
}
