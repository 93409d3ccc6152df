// The taste map's picture: axes, the most-rated movies, the person's rated movies and their own position, the
// active movie's ring and tooltip, in the frame whose width the viewport watches.
import type { TasteMapData, TasteMapPoint } from '../../../../client/workerTypes';
import { dotScale, toScreen } from './mapViewport';
import type { MapViewport } from './useMapViewport';
import { starClass } from './starBins';
import { count, thousands } from '../../../format';

/** A movie as the map names it (tooltip, status line, rated dots' labels). */
export const pointLabel = (p: TasteMapPoint) =>
  `${p.title}${p.year ? ` (${p.year})` : ''} · ${count(p.count, 'rating')}${p.myRating !== null ? ` · you rated it ${count(p.myRating, 'star')}` : ''}`;

/** A share of the variance as the map writes it: 0.1153 → "11.5%". */
export const explainedPct = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** The two shares' sum as the reader would add the shown numbers: 11.5% + 6.6% → "18.1%". */
export const explainedSum = (a: number, b: number): string => `${((Math.round(a * 1000) + Math.round(b * 1000)) / 10).toFixed(1)}%`;

export function MapSvg(props: {
  data: TasteMapData;
  viewport: MapViewport;
  /** Index into data.points of the movie pointed at or focused, if any. */
  active: number | null;
  onActive: (k: number | null) => void;
}) {
  const { data, viewport, active, onActive } = props;
  const { box, pixels } = viewport;
  const view = viewport.view!;
  const at = (p: { x: number; y: number }) => toScreen(view, box, p);
  const origin = at({ x: 0, y: 0 });
  const dot = dotScale(pixels);
  const sample = data.points.slice(0, data.sampled);
  const rated = data.points.map((p, k) => [p, k] as const).filter(([p]) => p.myRating !== null);
  const shown = active !== null ? data.points[active] : null;
  const tip = shown ? { left: (at(shown).x / box.w) * 100, top: (at(shown).y / box.h) * 100 } : null;
  const inView = tip && tip.left >= 0 && tip.left <= 100 && tip.top >= 0 && tip.top <= 100;

  return (
    <div className="map-frame" ref={viewport.frameRef}>
      <svg
        ref={viewport.svgRef}
        viewBox={`0 0 ${box.w} ${box.h}`}
        role="group"
        aria-label={`Taste map of ${thousands(data.sampled)} movies. Focus it and use the arrow keys to pan, plus and minus to zoom, 0 to reset.`}
        tabIndex={0}
        {...viewport.handlers}
        onPointerLeave={() => onActive(null)}
        data-testid="map-svg"
      >
        <line className="axis" x1={0} x2={box.w} y1={origin.y} y2={origin.y} />
        <line className="axis" y1={0} y2={box.h} x1={origin.x} x2={origin.x} />
        <g className="axis-labels" aria-hidden="true" data-testid="map-axis-labels">
          <text x={box.w - 6} y={box.h - 8} textAnchor="end">
            PC1 → {explainedPct(data.explained[0])}
          </text>
          <text x={6} y={16}>
            PC2 ↑ {explainedPct(data.explained[1])}
          </text>
        </g>
        <g className="points" aria-hidden="true">
          {sample.map((p, k) => (
            <circle key={p.movieId} data-testid="map-point" cx={at(p).x} cy={at(p).y} r={3.2 * dot} onPointerEnter={() => onActive(k)} />
          ))}
        </g>
        <g className="rated">
          {rated.map(([p, k]) => (
            <circle
              key={p.movieId}
              data-testid="map-rated"
              className={starClass(p.myRating!)}
              cx={at(p).x}
              cy={at(p).y}
              r={6 * dot}
              tabIndex={0}
              role="img"
              aria-label={pointLabel(p)}
              onPointerEnter={() => onActive(k)}
              onFocus={() => onActive(k)}
              onBlur={() => onActive(null)}
            />
          ))}
        </g>
        {data.me && (
          <g className="me" data-testid="map-me" transform={`translate(${at(data.me).x} ${at(data.me).y}) scale(${dot})`} role="img" aria-label="You">
            <circle r={11} />
            <path d="M -6 0 H 6 M 0 -6 V 6" />
          </g>
        )}
        {shown && <circle className="active-ring" cx={at(shown).x} cy={at(shown).y} r={9 * dot} aria-hidden="true" />}
      </svg>
      {shown && inView && (
        <div
          className={`map-tip${tip!.top < 25 ? ' below' : ''}${tip!.left < 25 ? ' from-left' : tip!.left > 75 ? ' from-right' : ''}`}
          data-testid="map-tip"
          style={{ left: `${tip!.left}%`, top: `${tip!.top}%` }}
          aria-hidden="true"
        >
          {pointLabel(shown)}
        </div>
      )}
    </div>
  );
}
