// The person's taste code as a QR code, drawn as one SVG path (no script, no image request: the strict CSP holds).
import { useMemo } from 'react';
import { QR_MAX_CHARS, qrModules, qrPath } from './qrModules';
import { count, thousands } from '../../format';

const MARGIN = 4; // the quiet zone the QR standard asks for, in modules

export function TasteQr({ code }: { code: string }) {
  const modules = useMemo(() => qrModules(code), [code]);
  if (!modules) {
    return (
      <p className="muted" data-testid="night-qr-none">
        Your code is {count(code.length, 'character')}, too long for a QR code a phone can scan (at most {thousands(QR_MAX_CHARS)}): share it as text.
      </p>
    );
  }
  const size = modules.length + 2 * MARGIN;
  return (
    <svg className="night-qr" data-testid="night-qr" data-modules={modules.length} viewBox={`0 0 ${size} ${size}`} role="img" aria-label="Your taste code as a QR code" shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={qrPath(modules, MARGIN)} fill="#000" />
    </svg>
  );
}
