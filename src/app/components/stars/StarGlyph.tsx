// One drawn star: a symmetric five-point shape lit from the left up to `fill` (0, ½ or 1), so half a star is exactly half.

const FILL_CLASS: Record<number, string> = { 0: 'empty', 0.5: 'half-lit', 1: 'full' };

export function StarGlyph({ fill }: { fill: number }) {
  return <span className={`glyph ${FILL_CLASS[fill] ?? 'empty'}`} aria-hidden="true" />;
}
