// What the scanner says: the status line for each state, a failed camera by its DOMException, and every photo refusal naming the file with what was expected.
import { describe, expect, test } from 'vitest';
import { SCAN_STATUS, cameraOff, cameraProblem, photoRefusal } from '../../../../../src/app/components/night/scanText';

describe('the camera', () => {
  test('status lines say what to do', () => {
    expect(SCAN_STATUS.scanning).toBe('Point the camera at their code');
    expect(SCAN_STATUS.other).toBe('That QR code is not a PocketLens taste code');
    expect(SCAN_STATUS['no-camera']).toBe('No camera on this device: paste the code or pick a photo instead');
    expect(SCAN_STATUS.refused).toBe('Camera permission was refused: paste the code or pick a photo instead');
  });

  test('a refused permission, a missing camera, a busy camera and anything else are told apart; only those stop the scanner', () => {
    const err = (name: string) => new DOMException('x', name);
    expect(cameraProblem(err('NotAllowedError'))).toBe('refused');
    expect(cameraProblem(err('SecurityError'))).toBe('refused');
    expect(cameraProblem(err('NotFoundError'))).toBe('no-camera');
    expect(cameraProblem(err('OverconstrainedError'))).toBe('no-camera');
    expect(cameraProblem(err('NotReadableError'))).toBe('busy');
    expect(cameraProblem(new TypeError('getUserMedia is not a function'))).toBe('failed');
    expect(cameraProblem('nonsense')).toBe('failed');
    expect((['starting', 'scanning', 'other'] as const).map(cameraOff)).toEqual([false, false, false]);
    expect((['no-camera', 'refused', 'busy', 'failed'] as const).map(cameraOff)).toEqual([true, true, true, true]);
  });
});

describe('a photo', () => {
  test('each refusal names the file and what was expected', () => {
    expect(photoRefusal('notes.txt', { kind: 'refused', problem: { why: 'not-image' } })).toBe('notes.txt: not a picture; expected a PNG, JPEG, GIF or WebP image of their QR code');
    expect(photoRefusal('blank.png', { kind: 'none' })).toBe(
      "blank.png: no QR code found in this picture; expected a photo or screenshot of their taste code's QR code (crop it closer, or paste the code)",
    );
    expect(photoRefusal('menu.png', { kind: 'other', text: 'https://example.com/a-very-long-menu-address-for-the-table' })).toBe(
      'menu.png: that QR code is not a PocketLens taste code (it holds "https://example.com/a-very-long-menu-add…"); expected a code starting with "PL1."',
    );
    expect(photoRefusal('huge.png', { kind: 'refused', problem: { why: 'too-many-pixels', type: 'png', width: 30_000, height: 20_000 } })).toBe(
      'huge.png: the PNG picture is 30,000 × 20,000 pixels; at most 50 megapixels are read (crop it or take a screenshot)',
    );
    expect(photoRefusal('big.jpg', { kind: 'refused', problem: { why: 'too-many-bytes', bytes: 64_000_000 } })).toBe('big.jpg: the file is 64 MB; a picture of a QR code is at most 40 MB');
    expect(photoRefusal('cut.jpg', { kind: 'refused', problem: { why: 'undecodable', type: 'jpg' } })).toBe(
      'cut.jpg: the JPEG picture could not be opened (damaged, or a kind this browser cannot show); expected a PNG or JPEG of their QR code',
    );
    expect(photoRefusal('e.png', { kind: 'refused', problem: { why: 'empty' } })).toBe('e.png: the file is empty; expected a picture (PNG or JPEG) of their QR code');
    expect(photoRefusal('slow.png', { kind: 'timeout' })).toBe('slow.png: reading the picture took longer than 20 s and was stopped; try a smaller screenshot');
    expect(photoRefusal('ok.png', { kind: 'code' })).toBeNull();
  });
});
