// Reads what is drawn: a screenshot of a region, decoded by the page's own canvas, as amounts of star-coloured ink.
import type { Locator, Page } from 'playwright-core';

export interface StarInk {
  /** Ink in the lit and in the unlit star colour, in pixels' worth (each pixel unmixed against the background). */
  lit: number;
  unlit: number;
  /** The ink's horizontal centre (ink-weighted mean x), the rightmost mostly-lit and the leftmost mostly-unlit column. */
  centre: number;
  litMaxX: number;
  unlitMinX: number;
}

type Rgb = [number, number, number];

/** A computed colour ("rgb(179, 92, 0)") as numbers. */
async function colour(el: Locator, property: string): Promise<Rgb> {
  const text = await el.evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property);
  const probe = await el.evaluate((e, c) => {
    const s = document.createElement('span');
    s.style.color = c;
    e.appendChild(s);
    const rgb = getComputedStyle(s).color;
    s.remove();
    return rgb;
  }, text.trim());
  return probe.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number) as Rgb;
}

/**
 * Unmixes every pixel of `clip` (CSS px; the image has the page's device pixels) into background, lit star colour (--star) and
 * unlit star colour (--star-off) of `stars` by least squares, so antialiased edges count for the ink they hold.
 */
export async function starInk(page: Page, stars: Locator, clip: { x: number; y: number; width: number; height: number }): Promise<StarInk> {
  const lit = await colour(stars, '--star');
  const unlit = await colour(stars, '--star-off');
  const bg = (await stars.evaluate((e) => {
    for (let n: Element | null = e; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (!/rgba\(.*, 0\)|transparent/.test(c)) return c;
    }
    return 'rgb(255, 255, 255)';
  })).match(/\d+/g)!.slice(0, 3).map(Number) as Rgb;
  const png = await page.screenshot({ clip });
  return page.evaluate(
    async ([b64, L, U, W]) => {
      const bytes = Uint8Array.from(atob(b64 as string), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      const { data, width, height } = g.getImageData(0, 0, bitmap.width, bitmap.height);
      const [l, u, w] = [L, U, W] as number[][];
      const a = [0, 1, 2].map((k) => l[k] - w[k]);
      const b = [0, 1, 2].map((k) => u[k] - w[k]);
      const aa = a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
      const bb = b[0] * b[0] + b[1] * b[1] + b[2] * b[2];
      const ab = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
      const det = aa * bb - ab * ab;
      let litSum = 0;
      let unlitSum = 0;
      let xSum = 0;
      let litMaxX = -1;
      let unlitMinX = width;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const o = (y * width + x) * 4;
          const d = [data[o] - w[0], data[o + 1] - w[1], data[o + 2] - w[2]];
          const da = d[0] * a[0] + d[1] * a[1] + d[2] * a[2];
          const db = d[0] * b[0] + d[1] * b[1] + d[2] * b[2];
          const cl = Math.min(1, Math.max(0, (bb * da - ab * db) / det));
          const cu = Math.min(1, Math.max(0, (aa * db - ab * da) / det));
          litSum += cl;
          unlitSum += cu;
          xSum += (cl + cu) * x;
          if (cl > 0.5) litMaxX = Math.max(litMaxX, x);
          if (cu > 0.5) unlitMinX = Math.min(unlitMinX, x);
        }
      }
      return { lit: litSum, unlit: unlitSum, centre: xSum / Math.max(1e-9, litSum + unlitSum), litMaxX, unlitMinX };
    },
    [png.toString('base64'), lit, unlit, bg] as const,
  );
}
