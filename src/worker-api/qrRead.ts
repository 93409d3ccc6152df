// The scanner's pure parts: RGBA pixels → the text of the QR code they show (jsQR), sizes to decode at, and a photo's checks before it is decoded.
import jsQR from 'jsqr';
import { imageSize } from 'image-size';
import { looksLikeTasteCode } from '../engine/group/tasteCode';
import { qrScanDefaults } from '../engine/defaults/qrScanDefaults';

/** What a frame or photo showed: a taste code's text, a QR code holding something else, or no QR code at all. */
export type QrRead = { kind: 'code'; text: string } | { kind: 'other'; text: string } | { kind: 'none' };

/** Why a picked photo was not decoded (the page words it, naming the file: see the night screen's scanText.ts). */
export type PhotoProblem =
  | { why: 'empty' }
  | { why: 'too-many-bytes'; bytes: number }
  | { why: 'not-image' }
  | { why: 'too-many-pixels'; type: string; width: number; height: number }
  | { why: 'undecodable'; type: string };

/** A photo's reading: its QR code (as a frame's) or why it was refused. */
export type PhotoRead = QrRead | { kind: 'refused'; problem: PhotoProblem };

/**
 * Reads the QR code in `rgba` (width × height pixels, 4 bytes each). `invert` also tries light modules on dark (a
 * screenshot in a dark theme), at twice the time; camera frames skip it.
 */
export function readQr(rgba: Uint8ClampedArray, width: number, height: number, invert = false): QrRead {
  if (rgba.length !== width * height * 4) throw new RangeError(`expected ${width} × ${height} × 4 = ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const qr = jsQR(rgba, width, height, { inversionAttempts: invert ? 'attemptBoth' : 'dontInvert' });
  if (!qr || qr.data === '') return { kind: 'none' };
  return looksLikeTasteCode(qr.data) ? { kind: 'code', text: qr.data.trim() } : { kind: 'other', text: qr.data };
}

/** `width` × `height` scaled down (never up) so the longer side is at most `side`, in whole pixels, at least 1. */
export function fitSide(width: number, height: number, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** How many bytes of a photo's start `checkPhoto` reads (a JPEG's size can follow 64 KB segments of camera data). */
export const PHOTO_HEAD_BYTES = 1024 * 1024;

/**
 * Checks a photo before any pixel is decoded, from its byte size and its first bytes (`head`, up to PHOTO_HEAD_BYTES):
 * the size to decode at (the longer side at most `photoSide`), or why not: empty, too many bytes, not a picture
 * image-size knows, or more pixels than `photoMaxPixels` (a decoded picture takes 4 bytes a pixel).
 */
export function checkPhoto(bytes: number, head: Uint8Array, limits = qrScanDefaults): { type: string; width: number; height: number; decodeAt: { width: number; height: number } } | PhotoProblem {
  if (bytes === 0) return { why: 'empty' };
  if (bytes > limits.photoMaxBytes) return { why: 'too-many-bytes', bytes };
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(head);
  } catch {
    return { why: 'not-image' };
  }
  const type = size.type ?? 'unknown';
  const { width, height } = size;
  if (!(width > 0 && height > 0)) return { why: 'not-image' };
  if (width * height > limits.photoMaxPixels) return { why: 'too-many-pixels', type, width, height };
  return { type, width, height, decodeAt: fitSide(width, height, limits.photoSide) };
}
