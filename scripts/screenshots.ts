// `npm run screenshots`: every state in scripts/screenshotStates.ts at phone (390×844, touch) and desktop (1440×900)
// size from the production build, as 8-bit palette PNGs in docs/screenshots/ (each under 200 KB), the index in
// docs/USER-GUIDE.md rewritten, and the manifest's two store screenshots. `-- --only name,name` saves only those.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as upngModule from '@pdf-lib/upng';
import type { BrowserContext } from 'playwright-core';
import { launch, root, serveDist, type Browser } from '../test/e2e/harness';
import { SHOT_STATES, type ShotScheme, type ShotSize, type ShotState } from './screenshotStates';

const OUT = join(root, 'docs', 'screenshots');
const GUIDE = join(root, 'docs', 'USER-GUIDE.md');
const MAX_BYTES = 200 * 1024;
const SIZES: Record<ShotSize, { viewport: { width: number; height: number }; hasTouch?: boolean; isMobile?: boolean; manifest: string }> = {
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, manifest: 'narrow' },
  desktop: { viewport: { width: 1440, height: 900 }, manifest: 'wide' },
};

// The package's types name its functions as exports; its CommonJS build puts them on `default` (which Node's
// interop wraps once more): take the first object down that chain that has them.
function upng(): typeof upngModule {
  let m: unknown = upngModule;
  for (let k = 0; k < 3 && typeof (m as Partial<typeof upngModule>).decode !== 'function'; k++) m = (m as { default?: unknown }).default;
  if (typeof (m as Partial<typeof upngModule>).decode !== 'function') throw new Error('@pdf-lib/upng: no decode() found');
  return m as typeof upngModule;
}
const UPNG = upng();

/** An 8-bit palette PNG of a screenshot (UPNG's quantizer, 256 colours): a fifth of Chromium's RGBA file or less. */
export function paletteQuantize(png: Buffer): Buffer {
  const img = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
  const rgba = UPNG.toRGBA8(img)[0];
  return Buffer.from(UPNG.encode([rgba], img.width, img.height, 256));
}

export const fileName = (name: string, size: ShotSize, scheme: ShotScheme) => `${name}-${size}${scheme === 'dark' ? '-dark' : ''}.png`;

async function newProfile(browser: Browser, size: ShotSize, kind: ShotState['profile']): Promise<BrowserContext> {
  const { manifest: _, ...device } = SIZES[size];
  const context = await browser.newContext({ ...device, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce', serviceWorkers: 'block' });
  if (kind === 'no-sample') await context.route('**/data/manifest.json', (r) => r.fulfill({ json: { datasets: [] } }));
  return context;
}

function writeIndex(): void {
  const rows = SHOT_STATES.map((s) => {
    const cell = (size: ShotSize) => {
      if (!(s.sizes ?? ['phone', 'desktop']).includes(size)) return '–';
      const dark = (s.schemes ?? ['light']).includes('dark') ? ` ([dark](screenshots/${fileName(s.name, size, 'dark')}))` : '';
      return `<img src="screenshots/${fileName(s.name, size, 'light')}" width="${size === 'phone' ? 180 : 360}" alt="${s.caption.replace(/"/g, '&quot;')}, ${size}">${dark}`;
    };
    return `| ${s.caption} | ${cell('phone')} | ${cell('desktop')} |`;
  });
  const table = ['<!-- screenshots:start (written by npm run screenshots from scripts/screenshotStates.ts) -->', '| State | Phone (390×844) | Desktop (1440×900) |', '| --- | --- | --- |', ...rows, '<!-- screenshots:end -->'].join('\n');
  const guide = readFileSync(GUIDE, 'utf8');
  const marked = /<!-- screenshots:start[^>]*-->[\s\S]*?<!-- screenshots:end -->/;
  writeFileSync(GUIDE, marked.test(guide) ? guide.replace(marked, table) : `${guide.trimEnd()}\n\n## Screenshots\n\n${table}\n`);
}

async function main(): Promise<void> {
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : null;
  mkdirSync(OUT, { recursive: true });
  const server = await serveDist();
  const browser = await launch();
  const written: { file: string; kB: number }[] = [];
  try {
    for (const size of ['phone', 'desktop'] as const) {
      let context: BrowserContext | null = null;
      for (const state of SHOT_STATES) {
        if (!(state.sizes ?? ['phone', 'desktop']).includes(size)) continue;
        if (state.profile || !context) {
          await context?.close();
          context = await newProfile(browser, size, state.profile);
        }
        const page = context.pages()[0] ?? (await context.newPage());
        await state.setUp({ page, url: server.url, size });
        for (const scheme of state.schemes ?? ['light']) {
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          await page.waitForFunction((s) => document.documentElement.dataset.scheme === s, scheme);
          await page.waitForTimeout(150);
          if (only && !only.has(state.name)) continue;
          const png = paletteQuantize(await page.screenshot({ animations: 'disabled', caret: 'hide' }));
          const file = fileName(state.name, size, scheme);
          writeFileSync(join(OUT, file), png);
          written.push({ file, kB: Math.round(png.length / 1024) });
          if (png.length > MAX_BYTES) throw new Error(`${file} is ${png.length} bytes, over the ${MAX_BYTES} budget`);
          if (state.manifest && scheme === 'light') writeFileSync(join(root, 'public', 'screenshots', `${SIZES[size].manifest}.png`), png);
        }
        await page.emulateMedia({ colorScheme: 'light' });
      }
      await context?.close();
    }
  } finally {
    await browser.close();
    server.server.close();
  }
  if (!only) writeIndex();
  console.log(JSON.stringify({ screenshots: written, totalKB: written.reduce((a, w) => a + w.kB, 0) }, null, 1));
}

await main();
