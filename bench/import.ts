// Benchmark: a synthetic MovieLens-shaped release imported through the app in headless Chromium, with papaparse on the same file.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { ensureRelease, ml25mShapedRelease } from './syntheticRelease';
import { launch, root, serveDist, type Browser, type Page } from '../test/e2e/harness';
import type { ReadBackMode, ReadBackResult } from './readBackPage';

const run = promisify(execFile);

/** Peak resident memory of Chromium's renderer processes (the page and its workers live in one), sampled with ps. */
function rssSampler() {
  let peak = 0;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      try {
        const { stdout } = await run('ps', ['-eo', 'rss=,args=']);
        for (const line of stdout.split('\n')) {
          if (!line.includes('--type=renderer')) continue;
          peak = Math.max(peak, Number(line.trim().split(/\s+/)[0]) * 1024);
        }
      } catch {
        /* ps missing: report null */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async end(): Promise<number | null> {
      stop = true;
      await loop;
      return peak ? peak / 2 ** 20 : null;
    },
  };
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/**
 * Peak V8 heap of the page and its workers (Runtime.getHeapUsage over the DevTools protocol, sampled every 200 ms off
 * the page's main thread): the heap alone, and the heap plus ArrayBuffer backing stores (the rating chunks).
 */
async function heapSampler(browser: Browser) {
  const cdp = await browser.newBrowserCDPSession();
  const sessions = new Map<string, string>();
  const waiting = new Map<number, (u: HeapUsage | null) => void>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (m: { message: string }) => {
    const msg = JSON.parse(m.message) as { id?: number; result?: HeapUsage };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result ?? null);
  });
  const usage = (sessionId: string) =>
    new Promise<HeapUsage | null>((ok) => {
      const id = nextId++;
      waiting.set(id, ok);
      setTimeout(() => ok(null), 2000);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => ok(null));
    });
  let peakHeap = 0;
  let peakWithBuffers = 0;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
      let heap = 0;
      let withBuffers = 0;
      for (const t of targetInfos.filter((x) => (x.type === 'worker' || x.type === 'page') && x.url.startsWith('http'))) {
        let sid = sessions.get(t.targetId);
        if (!sid) {
          sid = ((await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false }).catch(() => null)) as { sessionId: string } | null)?.sessionId;
          if (!sid) continue;
          sessions.set(t.targetId, sid);
        }
        const u = await usage(sid);
        if (!u) continue;
        heap += u.usedSize;
        withBuffers += u.usedSize + (u.backingStorageSize ?? 0);
      }
      peakHeap = Math.max(peakHeap, heap);
      peakWithBuffers = Math.max(peakWithBuffers, withBuffers);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    async end() {
      stop = true;
      await loop;
      await cdp.detach().catch(() => {});
      return { heap: peakHeap / 2 ** 20, withBuffers: peakWithBuffers / 2 ** 20 };
    },
  };
}

/** bench/readBackPage.ts (the app's readRatings) bundled into one script for a plain page of the app's origin. */
async function readBackScript(): Promise<string> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: join(root, 'bench', 'readBackPage.ts'), formats: ['iife'], name: 'benchReadBack', fileName: 'read-back' } },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
  return first.output.find((o) => o.type === 'chunk')!.code!;
}

/**
 * Reads every chunk of the imported dataset back with the app's own code (bench/readBackPage.ts), in a freshly loaded
 * page each time so that no earlier read's garbage is collected during this one.
 */
async function readBack(page: Page, script: string, mode: ReadBackMode): Promise<ReadBackResult> {
  await page.reload();
  await page.evaluate(script); // over DevTools: the app's CSP allows no inline script tag; defines globalThis.__readBack
  return (await page.evaluate(`globalThis.__readBack(${JSON.stringify(mode)})`)) as ReadBackResult;
}

/** papaparse (the text-file parser the app uses) on the same ratings file, in a blank page of the same browser. */
async function papaparseInBrowser(browser: Browser, file: string): Promise<{ seconds: number; rows: number; starSum: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<input type="file" id="f">');
    await page.addScriptTag({ path: join(root, 'node_modules', 'papaparse', 'papaparse.min.js') });
    await page.setInputFiles('#f', file);
    // A string, not a function: tsx would add a __name helper the page does not have.
    return (await page.evaluate(`new Promise((ok, fail) => {
      const file = document.getElementById('f').files[0];
      const t0 = performance.now();
      let rows = 0;
      let starSum = 0;
      Papa.parse(file, {
        dynamicTyping: true,
        skipEmptyLines: true,
        chunkSize: 4 << 20,
        chunk: (r) => {
          rows += r.data.length;
          for (const row of r.data) if (typeof row[2] === 'number') starSum += row[2];
        },
        complete: () => ok({ seconds: (performance.now() - t0) / 1000, rows: rows - 1, starSum }),
        error: (e) => fail(e),
      });
    })`)) as { seconds: number; rows: number; starSum: number };
  } finally {
    await context.close();
  }
}

export async function benchImport(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: { ratings: { type: 'string' }, zip: { type: 'boolean', default: false }, json: { type: 'boolean', default: true }, 'skip-papaparse': { type: 'boolean', default: false } },
  });
  const ratings = Number(values.ratings ?? 1_000_000);
  const opts = ml25mShapedRelease(ratings, values.ratings);
  const zip = values.zip ?? false;
  const release = ensureRelease(opts, zip);
  const ratingsFile = zip ? release.files[0] : release.files.find((f) => f.endsWith('ratings.csv'))!;
  const loadBefore = loadavg()[0];

  const server = await serveDist();
  const browser = await launch();
  try {
    const context = await browser.newContext();
    // No bundled sample: the app opens on "bring your own files", where the benchmark picks the release.
    await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __tasks: [number, number][]; __tChange: number; __tDone: number };
      w.__tasks = [];
      w.__tChange = 0;
      w.__tDone = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      document.addEventListener('change', () => (w.__tChange = performance.now()), true);
      new MutationObserver(() => {
        if (!w.__tDone && (document.querySelector('[data-testid=train-status]') || document.querySelector('[role=alert]'))) w.__tDone = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
    const rss = rssSampler();
    const heap = await heapSampler(browser);
    await page.locator('input[type=file]').setInputFiles(release.files);
    await page.waitForFunction(() => (window as unknown as { __tDone: number }).__tDone > 0, null, { timeout: 0, polling: 250 });
    const timing = await page.evaluate(() => {
      const w = window as unknown as { __tasks: [number, number][]; __tChange: number; __tDone: number };
      const longest = w.__tasks.filter(([s]) => s >= w.__tChange && s <= w.__tDone).reduce((m, [, d]) => Math.max(m, d), 0);
      const alert = document.querySelector('[role=alert]')?.textContent ?? null;
      const tasks = w.__tasks.filter(([s]) => s >= w.__tChange - 50 && s <= w.__tDone).map(([s, d]) => [Math.round(s - w.__tChange), Math.round(d)]);
      return { seconds: (w.__tDone - w.__tChange) / 1000, longest, alert, tasks };
    });
    const [heapPeak, rssPeak] = [await heap.end(), await rss.end()];
    if (timing.alert) throw new Error(`the import failed: ${timing.alert}`);
    // Leave the app (its workers would start training) for a page of the same origin, then read the chunks back.
    await page.goto(new URL('bench-readback.txt', server.url).href);
    const script = await readBackScript();
    const back = await readBack(page, script, 'training');
    const again = await readBack(page, script, 'training');
    const idb = await readBack(page, script, 'idb');
    const full = await readBack(page, script, 'full');
    await context.close();
    const looseRatings = zip ? ensureRelease(opts, false).files.find((f) => f.endsWith('ratings.csv'))! : ratingsFile;
    const papa = values['skip-papaparse'] ? { seconds: NaN, rows: 0 } : await papaparseInBrowser(browser, looseRatings);
    const bytes = release.ratingsCsvBytes;
    return {
      bench: 'import',
      input: zip ? 'zip' : 'loose ratings.csv + movies.csv + links.csv',
      ratings,
      users: opts.users,
      movies: opts.movies,
      bytes,
      fileBytes: statSync(ratingsFile).size,
      seconds: +timing.seconds.toFixed(2),
      mbPerSec: +(bytes / 1e6 / timing.seconds).toFixed(1),
      heapPeakMB: +heapPeak.heap.toFixed(0),
      heapPlusArrayBuffersPeakMB: +heapPeak.withBuffers.toFixed(0),
      rendererRssPeakMB: rssPeak === null ? null : +rssPeak.toFixed(0),
      inWorkerSeconds: back.timings,
      readBackSeconds: +back.seconds.toFixed(2),
      readBackAgainSeconds: +again.seconds.toFixed(2),
      readBackSecondsPerMillion: +((Math.min(back.seconds, again.seconds) / ratings) * 1e6).toFixed(3),
      readBackIdbOnlySeconds: +idb.seconds.toFixed(2),
      readBackWithTimestampsSeconds: +full.seconds.toFixed(2),
      readBackRows: back.rows,
      storedChunks: back.chunks,
      storedChunkMB: +(idb.chunkBytes / 2 ** 20).toFixed(1),
      papaparseMbPerSec: +(bytes / 1e6 / papa.seconds).toFixed(1),
      papaparseRows: papa.rows,
      speedupOverPapaparse: +(papa.seconds / timing.seconds).toFixed(2),
      longestMainThreadTaskMs: timing.longest,
      longTasksMs: timing.tasks,
      targets: { seconds: '< 20 at 25M', mbPerSec: '>= 40', heapPeakMB: '< 1536', readBackSeconds: '< 2 at 25M', longestMainThreadTaskMs: '<= 50' },
      loadAverage1m: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2), cores: cpus().length },
      generatedSeconds: release.generatedSeconds,
    };
  } finally {
    await browser.close();
    server.server.close();
  }
}
