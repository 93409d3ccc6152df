// A taste code as a QR code's modules (qrcode-generator: no network, no canvas), or null when the code is too long to scan.
import qrcode from 'qrcode-generator';

/**
 * The longest code drawn as a QR code: about version 25 at error correction L (117 modules a side), which a phone
 * camera still reads off another phone's screen; longer codes are shared as text.
 */
export const QR_MAX_CHARS = 1_200;

/** The dark modules of the QR code for `text`, row by row (true = dark), or null past QR_MAX_CHARS. */
export function qrModules(text: string): boolean[][] | null {
  if (text.length > QR_MAX_CHARS) return null;
  const qr = qrcode(0, 'L');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** One SVG path drawing every dark module as a 1×1 square, offset by the quiet zone `margin`. */
export function qrPath(modules: boolean[][], margin: number): string {
  const parts: string[] = [];
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) parts.push(`M${c + margin} ${r + margin}h1v1h-1z`);
    }),
  );
  return parts.join('');
}
