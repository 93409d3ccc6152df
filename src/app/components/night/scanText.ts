// What the QR scanner says: the camera's status line, why a camera could not start, and why a picked photo was refused (naming the file).
import type { PhotoProblem } from '../../../client/workerTypes';
import { qrScanDefaults } from '../../../engine/defaults/qrScanDefaults';
import { megabytes, thousands } from '../../format';

/** Where the camera scanner stands. */
export type ScanStatus = 'starting' | 'scanning' | 'other' | 'no-camera' | 'refused' | 'busy' | 'failed';

const INSTEAD = 'paste the code or pick a photo instead';

/** The scanner's status line for each state. */
export const SCAN_STATUS: Readonly<Record<ScanStatus, string>> = Object.freeze({
  starting: 'Starting the camera…',
  scanning: 'Point the camera at their code',
  other: 'That QR code is not a PocketLens taste code',
  'no-camera': `No camera on this device: ${INSTEAD}`,
  refused: `Camera permission was refused: ${INSTEAD}`,
  busy: `The camera is in use by another app: close it and try again, or ${INSTEAD}`,
  failed: `The camera could not start: ${INSTEAD}`,
});

/** True for the states where the camera is off for good (the scanner only says why and offers Close). */
export const cameraOff = (s: ScanStatus) => s === 'no-camera' || s === 'refused' || s === 'busy' || s === 'failed';

/** The state a failed getUserMedia leaves the scanner in, by the DOMException's name. */
export function cameraProblem(e: unknown): ScanStatus {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'refused';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'no-camera';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  return 'failed';
}

const TYPES: Record<string, string> = { jpg: 'JPEG', png: 'PNG', gif: 'GIF', webp: 'WebP', bmp: 'BMP', avif: 'AVIF', heif: 'HEIF', tiff: 'TIFF', ico: 'icon', svg: 'SVG' };
const typeName = (type: string) => TYPES[type] ?? type.toUpperCase();

/** Why `file` gave no taste code, in one line that names it; `null` for a photo whose code was read. */
export function photoRefusal(file: string, read: { kind: 'code' } | { kind: 'other'; text: string } | { kind: 'none' } | { kind: 'refused'; problem: PhotoProblem } | { kind: 'timeout' }): string | null {
  const L = qrScanDefaults;
  switch (read.kind) {
    case 'code':
      return null;
    case 'other': {
      const shown = read.text.length > 40 ? `${read.text.slice(0, 40)}…` : read.text;
      return `${file}: that QR code is not a PocketLens taste code (it holds ${JSON.stringify(shown)}); expected a code starting with "PL1."`;
    }
    case 'none':
      return `${file}: no QR code found in this picture; expected a photo or screenshot of their taste code's QR code (crop it closer, or paste the code)`;
    case 'timeout':
      return `${file}: reading the picture took longer than ${L.decodeTimeoutMs / 1000} s and was stopped; try a smaller screenshot`;
    case 'refused': {
      const p = read.problem;
      switch (p.why) {
        case 'empty':
          return `${file}: the file is empty; expected a picture (PNG or JPEG) of their QR code`;
        case 'too-many-bytes':
          return `${file}: the file is ${megabytes(p.bytes)}; a picture of a QR code is at most ${megabytes(L.photoMaxBytes)}`;
        case 'not-image':
          return `${file}: not a picture; expected a PNG, JPEG, GIF or WebP image of their QR code`;
        case 'too-many-pixels':
          return `${file}: the ${typeName(p.type)} picture is ${thousands(p.width)} × ${thousands(p.height)} pixels; at most ${thousands(L.photoMaxPixels / 1e6)} megapixels are read (crop it or take a screenshot)`;
        case 'undecodable':
          return `${file}: the ${typeName(p.type)} picture could not be opened (damaged, or a kind this browser cannot show); expected a PNG or JPEG of their QR code`;
      }
    }
  }
}
