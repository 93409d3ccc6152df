// Benchmark: a Spark-format export of ml-latest-small item factors imported from the Data screen, then the taste map
// (time to compute, PC1/PC2 variance shares) in the production build in Chromium, printed as JSON.
import { strToU8, zipSync } from 'fflate';
import { buildCsr } from '../src/engine/als/csr';
import { trainAls } from '../src/engine/als/train';
import { explicitDefaults } from '../src/engine/defaults/explicitDefaults';
import { loadDataset } from '../src/cli/loadDataset';
import { sampleFiles, sampleZipPath } from '../test/sample';
import { plantedLowRank } from '../src/engine/synth';
import { writeRelease } from '../src/engine/movielens/writeRelease';
import { launch, screenshot, serveDist } from '../test/e2e/harness';

/** ALS item factors of ml-latest-small at the default parameters, written the way Spark writes itemFactors (8 parts). */
async function sparkExport(): Promise<{ zip: Uint8Array; rank: number; rows: number; trainSeconds: number }> {
  const data = await loadDataset(sampleZipPath!);
  const t0 = performance.now();
  const model = trainAls(buildCsr(data.ratings, data.stats.users, data.stats.movies), explicitDefaults);
  const trainSeconds = (performance.now() - t0) / 1000;
  const { rank } = model;
  const lines = data.movies.map((m) => JSON.stringify({ id: m.movieId, features: Array.from(model.itemFactors.subarray(m.index * rank, (m.index + 1) * rank)).map((v) => Number(v.toPrecision(8))) }));
  const folder: Record<string, Uint8Array> = { 'itemFactors/_SUCCESS': new Uint8Array(0) };
  const per = Math.ceil(lines.length / 8);
  for (let k = 0; k < 8; k++) folder[`itemFactors/part-0000${k}-3f1e9c2a-0000-4000-8000-000000000000-c000.json`] = strToU8(lines.slice(k * per, (k + 1) * per).join('\n') + '\n');
  return { zip: zipSync(folder), rank, rows: lines.length, trainSeconds };
}

export async function benchSparkMap(): Promise<Record<string, unknown>> {
  if (!sampleZipPath) throw new Error('ml-latest-small.zip not found (set MOVIELENS_DIR)');
  const spark = await sparkExport();
  const files = sampleFiles();
  const server = await serveDist();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
    const page = await context.newPage();
    await page.goto(server.url);
    // A first small dataset, so the Data screen (where Spark models are imported) is open.
    const synth = plantedLowRank({ users: 60, items: 40, rank: 2, density: 0.3, noise: 0.3, seed: 1, clamp: true });
    const first = zipSync(Object.fromEntries(Object.entries(writeRelease(synth.columns, synth.nItems)).map(([f, t]) => [`ml-first/${f}`, strToU8(t)])));
    await page.locator('input[type=file]').setInputFiles({ name: 'ml-first.zip', mimeType: 'application/zip', buffer: Buffer.from(first) });
    await page.getByTestId('status-line').filter({ hasText: /ml-first: .* · model: rank/ }).waitFor({ timeout: 120_000 });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /^Data/ }).click();
    const panel = page.getByTestId('spark-import');
    await panel.getByLabel('Spark item factors and movies.csv files').setInputFiles([
      { name: 'itemFactors.zip', mimeType: 'application/zip', buffer: Buffer.from(spark.zip) },
      { name: 'movies.csv', mimeType: 'text/csv', buffer: Buffer.from(files['movies.csv']) },
      { name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(files['ratings.csv']) },
    ]);
    const t0 = performance.now();
    await panel.getByRole('button', { name: 'Import Spark model' }).click();
    const done = page.getByTestId('spark-done');
    await done.waitFor({ timeout: 120_000 });
    const clickToDoneSeconds = (performance.now() - t0) / 1000;
    const workerSeconds = Number(/in ([\d.]+) s/.exec((await done.textContent())!)![1]);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /^Model lab/ }).click();
    const map = page.getByTestId('taste-map');
    const t1 = performance.now();
    await map.getByTestId('map-svg').waitFor({ timeout: 60_000 });
    const mapOnScreenMs = performance.now() - t1;
    const computed = (await map.locator('p.small').textContent())!;
    const [, totalMs, pcaMs] = /Computed in (\d+) ms \(PCA (\d+) ms\)/.exec(computed) ?? [];
    // Rate five well-known movies, then the map again (PCA cached): the person's marker, saved as a screenshot.
    const nav = (name: RegExp) => page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name }).click();
    await nav(/^Recommendations/);
    for (const [k, stars] of [[0, '5 stars'], [1, '4.5 stars'], [2, '2 stars'], [3, '5 stars'], [4, '1 stars']] as const) {
      await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: stars, exact: true }).check();
    }
    await page.getByTestId('recs-kind').filter({ hasText: 'Predicted from your ratings' }).waitFor();
    await nav(/^Model lab/);
    await map.getByTestId('map-me').waitFor();
    const cached = (await map.locator('p.small').textContent())!;
    await screenshot(page, 'taste-map-ml-latest-small');
    return {
      bench: 'spark-map',
      dataset: 'ml-latest-small',
      sparkStandIn: { rank: spark.rank, factorRows: spark.rows, zipMB: +(spark.zip.length / 1e6).toFixed(2), trainedInNodeSeconds: +spark.trainSeconds.toFixed(1) },
      sparkImport: { clickToDoneSeconds: +clickToDoneSeconds.toFixed(2), workerSeconds },
      tasteMap: {
        points: await map.getByTestId('map-point').count(),
        pc1Percent: Number((await map.getByTestId('pc1').textContent())!.replace('%', '')),
        pc2Percent: Number((await map.getByTestId('pc2').textContent())!.replace('%', '')),
        workerMs: Number(totalMs),
        pcaMs: Number(pcaMs),
        labOpenToMapOnScreenMs: Math.round(mapOnScreenMs),
        withPersonCachedWorkerMs: Number(/Computed in (\d+) ms/.exec(cached)?.[1]),
      },
    };
  } finally {
    await browser.close();
    server.server.close();
  }
}
