// Draws the app icons (PNG, any + maskable) from the same shapes as public/favicon.svg; run once, output committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './movielens-cache';

type RGBA = [number, number, number, number];
const BG: RGBA = [138, 75, 0, 255];
const RING: RGBA = [255, 255, 255, 255];
const STAR: RGBA = [255, 208, 137, 255];

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Uint8Array {
  const raw = new Uint8Array(size * (size * 4 + 1));
  const S = 4; // supersampling per axis
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = pixel((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
          acc[3] += c[3];
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let k = 0; k < 3; k++) raw[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      raw[o + 3] = Math.round(acc[3] / (S * S));
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, size);
  v.setUint32(4, size);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())];
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Five-pointed star test (even-odd over its 10-vertex outline). */
function inStar(x: number, y: number, cx: number, cy: number, r: number): boolean {
  const pts: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 ? r * 0.45 : r;
    pts.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The mark in a unit square; `scale` shrinks it toward the centre (maskable icons keep it in the safe zone). */
function mark(x: number, y: number, scale: number): RGBA | null {
  const u = (x - 0.5) / scale;
  const w = (y - 0.5) / scale;
  const d = Math.hypot(u, w);
  if (inStar(u, w, 0, 0.01, 0.19)) return STAR;
  if (d > 0.22 && d < 0.31) return RING;
  return null;
}

const CLEAR: RGBA = [0, 0, 0, 0];
const rounded = (x: number, y: number) => {
  const r = 0.22;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
};

const dir = join(projectRoot, 'public', 'icons');
for (const size of [192, 512]) {
  writeFileSync(join(dir, `icon-${size}.png`), png(size, (x, y) => (rounded(x, y) ? (mark(x, y, 1) ?? BG) : CLEAR)));
}
writeFileSync(join(dir, 'maskable-512.png'), png(512, (x, y) => mark(x, y, 0.78) ?? BG));
writeFileSync(join(dir, 'apple-touch-icon-180.png'), png(180, (x, y) => mark(x, y, 0.9) ?? BG));
console.log(`icons written to ${dir}`);
