// Scanning a taste code's QR code (camera frames and photos): how often, how large, and what a photo may be (scanner worker, screen).
export const qrScanDefaults: Readonly<{
  frameSide: number;
  frameIntervalMs: number;
  photoSide: number;
  photoMaxBytes: number;
  photoMaxPixels: number;
  decodeTimeoutMs: number;
}> = Object.freeze({
  /** Camera frames are downscaled so their longer side is at most this many pixels before they are decoded. */
  frameSide: 640,
  /** At least this long between two camera frames sent to the decoder (125 ms: at most 8 frames a second). */
  frameIntervalMs: 125,
  /** A photo is decoded at most this many pixels on its longer side (a phone screenshot's QR code keeps ≥ 4 px a module). */
  photoSide: 1600,
  /** A photo file larger than this is refused before it is read (a screenshot is a few MB at most); MB as the app's format.ts says them, 10⁶ bytes. */
  photoMaxBytes: 40_000_000,
  /** A photo whose header says more pixels than this is refused before it is decoded (50 megapixels: 200 MB as RGBA; a phone photo is 12–48). */
  photoMaxPixels: 50_000_000,
  /** A photo not decoded within this time is given up (the decoder worker is stopped). */
  decodeTimeoutMs: 20_000,
});
