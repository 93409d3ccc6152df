// Test pictures of QR codes (unit and e2e): a taste code drawn from qrModules as RGBA, as a PNG (@pdf-lib/upng), and as a YUV4MPEG2 video for Chromium's fake camera.
import * as upngModule from '@pdf-lib/upng';
import { encodeTasteCode } from '../src/engine/group/tasteCode';
import { qrModules } from '../src/app/components/night/qrModules';

/** A real taste code of `n` ratings (seeded: the same code every run), with a name. */
export function tasteCode(n: number, name = 'Kim'): string {
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const ids = new Set<number>();
  while (ids.size < n) ids.add(1 + Math.floor(rand() * 5_000));
  return encodeTasteCode({ ratings: [...ids].map((movieId) => ({ movieId, rating: 0.5 + Math.floor(rand() * 10) / 2 })), name });
}

/** A grey picture (one byte a pixel): `text`'s QR code at `scale` px a module with a 4-module quiet zone, at (x, y) on a `width` × `height` light-grey field. */
export function qrLuma(text: string, opts: { scale: number; width?: number; height?: number; x?: number; y?: number }): { luma: Uint8Array; width: number; height: number } {
  const m = qrModules(text);
  if (!m) throw new Error(`${text.length} characters: too long for a QR code`);
  const side = (m.length + 8) * opts.scale;
  const width = opts.width ?? side;
  const height = opts.height ?? side;
  const x0 = opts.x ?? Math.floor((width - side) / 2);
  const y0 = opts.y ?? Math.floor((height - side) / 2);
  const luma = new Uint8Array(width * height).fill(200);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const r = Math.floor(y / opts.scale) - 4;
      const c = Math.floor(x / opts.scale) - 4;
      if (y0 + y < height && x0 + x < width) luma[(y0 + y) * width + x0 + x] = m[r]?.[c] ? 16 : 240;
    }
  return { luma, width, height };
}

/** Grey bytes as RGBA (opaque). */
export function rgbaOf(luma: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(luma.length * 4);
  luma.forEach((v, k) => out.set([v, v, v, 255], k * 4));
  return out;
}

// The package's types name its functions as exports; its CommonJS build puts them on `default` (scripts/screenshots.ts does the same).
function upng(): typeof upngModule {
  let m: unknown = upngModule;
  for (let k = 0; k < 3 && typeof (m as Partial<typeof upngModule>).encode !== 'function'; k++) m = (m as { default?: unknown }).default;
  return m as typeof upngModule;
}

/** An RGBA picture as a PNG file's bytes. */
export function pngOf(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
  return Buffer.from(upng().encode([rgba.slice().buffer], width, height, 0));
}

/** A YUV4MPEG2 (C420) video of `frames` identical frames of `luma` (even width and height), chroma neutral: what --use-file-for-fake-video-capture plays. */
export function y4mOf(luma: Uint8Array, width: number, height: number, frames = 10): Buffer {
  if (width % 2 || height % 2) throw new Error('y4m C420 needs an even width and height');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(luma), chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]);
}
