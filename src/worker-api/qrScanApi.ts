// The QR scanner worker's API: a camera frame or a picked photo → the QR code it shows (readQr), decoded off the page's thread.
import { qrScanDefaults } from '../engine/defaults/qrScanDefaults';
import { checkPhoto, fitSide, PHOTO_HEAD_BYTES, readQr, type PhotoRead, type QrRead } from './qrRead';

export type { PhotoProblem, PhotoRead, QrRead } from './qrRead';

/** One canvas for every frame (resized when the frames' size changes), read back often: kept in memory, not on a GPU. */
let canvas: OffscreenCanvasRenderingContext2D | null = null;

/** Draws `image` at `width` × `height` and returns its pixels. */
function pixels(image: ImageBitmap, width: number, height: number): ImageData {
  if (!canvas || canvas.canvas.width !== width || canvas.canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!canvas) throw new Error('this browser gives workers no 2D canvas, which the QR scanner needs');
  }
  canvas.drawImage(image, 0, 0, width, height);
  return canvas.getImageData(0, 0, width, height);
}

/** Decodes one camera frame (transferred; closed here), downscaled so its longer side is at most `frameSide` pixels. */
export async function decodeFrame(frame: ImageBitmap): Promise<QrRead> {
  try {
    const { width, height } = fitSide(frame.width, frame.height, qrScanDefaults.frameSide);
    const image = pixels(frame, width, height);
    return readQr(image.data, width, height);
  } finally {
    frame.close();
  }
}

/**
 * Decodes a picked photo: checked from its byte size and header first (checkPhoto: nothing past the limits is decoded),
 * then decoded straight to at most `photoSide` pixels a side, and read with both light-on-dark and dark-on-light tried.
 */
export async function decodePhoto(file: Blob): Promise<PhotoRead> {
  const head = file.size > 0 && file.size <= qrScanDefaults.photoMaxBytes ? new Uint8Array(await file.slice(0, PHOTO_HEAD_BYTES).arrayBuffer()) : new Uint8Array(0);
  const checked = checkPhoto(file.size, head);
  if ('why' in checked) return { kind: 'refused', problem: checked };
  const { width, height } = checked.decodeAt;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  } catch {
    return { kind: 'refused', problem: { why: 'undecodable', type: checked.type } };
  }
  try {
    const image = pixels(bitmap, width, height);
    return readQr(image.data, width, height, true);
  } finally {
    bitmap.close();
    canvas = null; // a photo's canvas is not kept
  }
}
