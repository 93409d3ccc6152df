// The scanner's pure parts: a real taste code's QR code reads back to the exact code (alone, or small inside a camera-sized
// frame), another QR code is told apart, nothing is found in a blank frame; sizes are scaled down, never up; a photo is
// checked from its header alone: a PNG or JPEG gives its size, a huge one, a non-picture, an empty or oversized file are refused.
import { describe, expect, test } from 'vitest';
import { decodeTasteCode } from '../../../src/engine/group/tasteCode';
import { qrScanDefaults } from '../../../src/engine/defaults/qrScanDefaults';
import { checkPhoto, fitSide, readQr } from '../../../src/worker-api/qrRead';
import { pngOf, qrLuma, rgbaOf, tasteCode } from '../../qrPictures';

describe('readQr', () => {
  test('a taste code of 120 ratings, drawn from qrModules, reads back to the exact code and its 120 ratings', () => {
    const code = tasteCode(120);
    const { luma, width, height } = qrLuma(code, { scale: 4 });
    const read = readQr(rgbaOf(luma), width, height);
    expect(read).toEqual({ kind: 'code', text: code });
    expect(decodeTasteCode((read as { text: string }).text).ratings).toHaveLength(120);
  });

  test('inside a 640 × 480 camera-sized frame, 3 px a module and off centre, the code is still read', () => {
    const code = tasteCode(40);
    const { luma, width, height } = qrLuma(code, { scale: 3, width: 640, height: 480, x: 300, y: 90 });
    expect(readQr(rgbaOf(luma), width, height)).toEqual({ kind: 'code', text: code });
  });

  test('a QR code holding something else is "other" with its text; a blank frame is "none"', () => {
    const { luma, width, height } = qrLuma('https://example.com/menu', { scale: 4 });
    expect(readQr(rgbaOf(luma), width, height)).toEqual({ kind: 'other', text: 'https://example.com/menu' });
    expect(readQr(new Uint8ClampedArray(320 * 240 * 4).fill(255), 320, 240)).toEqual({ kind: 'none' });
  });

  test('light modules on dark (a dark-theme screenshot) are read only when inverting is asked for', () => {
    const code = tasteCode(10);
    const { luma, width, height } = qrLuma(code, { scale: 4 });
    const inverted = rgbaOf(luma.map((v) => 255 - v));
    expect(readQr(inverted, width, height)).toEqual({ kind: 'none' });
    expect(readQr(inverted, width, height, true)).toEqual({ kind: 'code', text: code });
  });

  test('pixels that do not match the size given are a RangeError, not a misread', () => {
    expect(() => readQr(new Uint8ClampedArray(100), 10, 10)).toThrow('expected 10 × 10 × 4 = 400 bytes of RGBA, got 100');
  });
});

describe('fitSide', () => {
  test('scales the longer side down to the limit, keeps the shape, never scales up', () => {
    expect(fitSide(1920, 1080, 640)).toEqual({ width: 640, height: 360 });
    expect(fitSide(720, 1280, 640)).toEqual({ width: 360, height: 640 });
    expect(fitSide(300, 200, 640)).toEqual({ width: 300, height: 200 });
    expect(fitSide(100_000, 10, 640)).toEqual({ width: 640, height: 1 });
  });
});

/** A PNG's first 33 bytes (signature and IHDR) saying `width` × `height`: a header with no pixels behind it. */
function pngHeader(width: number, height: number): Uint8Array {
  const real = pngOf(new Uint8ClampedArray(4 * 4), 2, 2).subarray(0, 33);
  const view = new DataView(real.buffer, real.byteOffset, 33);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return new Uint8Array(real);
}

/** A baseline JPEG's markers up to its frame header (SOI, APP0 JFIF, SOF0 with `width` × `height`). */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xda]);
}

describe('checkPhoto', () => {
  test('a phone screenshot (PNG, 1170 × 2532) is decoded at 1600 px on its longer side', () => {
    const png = pngHeader(1170, 2532);
    expect(checkPhoto(300_000, png)).toEqual({ type: 'png', width: 1170, height: 2532, decodeAt: { width: 739, height: 1600 } });
  });

  test('a JPEG photo gives its size from the frame header; a small picture is decoded as it is', () => {
    expect(checkPhoto(2_000_000, jpegHeader(4032, 3024))).toMatchObject({ type: 'jpg', width: 4032, height: 3024, decodeAt: { width: 1600, height: 1200 } });
    expect(checkPhoto(5_000, pngHeader(400, 300))).toMatchObject({ decodeAt: { width: 400, height: 300 } });
  });

  test('more pixels than the limit is refused from the header alone, with the size it claims', () => {
    expect(checkPhoto(1_000, pngHeader(30_000, 30_000))).toEqual({ why: 'too-many-pixels', type: 'png', width: 30_000, height: 30_000 });
    expect(checkPhoto(1_000, jpegHeader(10_000, 6_000))).toEqual({ why: 'too-many-pixels', type: 'jpg', width: 10_000, height: 6_000 });
    // Exactly the limit is read.
    const side = Math.floor(Math.sqrt(qrScanDefaults.photoMaxPixels));
    expect(checkPhoto(1_000, pngHeader(side, side))).toMatchObject({ width: side });
  });

  test('text, a truncated header, an empty file and a file over the byte limit are refused, each for what it is', () => {
    expect(checkPhoto(20, new TextEncoder().encode('movieId,rating\n1,4.5\n'))).toEqual({ why: 'not-image' });
    expect(checkPhoto(12, pngHeader(100, 100).subarray(0, 12))).toEqual({ why: 'not-image' });
    expect(checkPhoto(0, new Uint8Array(0))).toEqual({ why: 'empty' });
    expect(checkPhoto(qrScanDefaults.photoMaxBytes + 1, pngHeader(100, 100))).toEqual({ why: 'too-many-bytes', bytes: qrScanDefaults.photoMaxBytes + 1 });
  });
});
