// Taste map: the most-rated movies on the first two principal axes of the model's factors, the person's own position,
// their rated movies coloured by stars; zoom (wheel, buttons, pinch, keys), pan (drag, arrows), titles on hover/focus.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { serving } from '../../../client/engineClient';
import type { TasteMapData, TasteMapPoint } from '../../../client/workerTypes';
import './TasteMap.css';

const W = 640;
/** View-box height: wide screens get a landscape map, phones a square one. */
const heightFor = (pixels: number) => (pixels < 520 ? 640 : 440);
const MIN_SCALE_FACTOR = 0.5;
const MAX_SCALE_FACTOR = 64;

/** What is on screen: the data point at the centre and view-box units per data unit (same on both axes). */
interface View {
  cx: number;
  cy: number;
  scale: number;
}

/** Colour class for a person's rating: 1 (low) … 5 (high), a colour-blind-safe orange → blue scale. */
const starClass = (r: number) => `star-${Math.min(5, Math.max(1, Math.round(r)))}`;

function fit(points: TasteMapPoint[], me: TasteMapData['me'], H: number): View {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  const take = (x: number, y: number) => {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  };
  for (const p of points) take(p.x, p.y);
  if (me) take(me.x, me.y);
  if (!Number.isFinite(x0)) return { cx: 0, cy: 0, scale: 1 };
  const scale = 0.92 * Math.min(W / Math.max(1e-9, x1 - x0), H / Math.max(1e-9, y1 - y0));
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, scale };
}

const fmt = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2)).replace('-', '−');
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const label = (p: TasteMapPoint) =>
  `${p.title}${p.year ? ` (${p.year})` : ''} · ${p.count.toLocaleString('en')} ratings${p.myRating !== null ? ` · you rated it ${p.myRating} stars` : ''}`;

export function TasteMap() {
  const [data, setData] = useState<TasteMapData | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [home, setHome] = useState<View | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [pixels, setPixels] = useState(W);
  const H = heightFor(pixels);
  const pointers = useRef(new Map<number, { x: number; y: number }>());

  useEffect(() => {
    let live = true;
    serving.api.tasteMap().then(
      (d) => {
        if (!live) return;
        setData(d);
        if (d) {
          // Home view: the movies. The person's vector can lie far outside them (its norm is not an item's); a button shows both.
          const v = fit(d.points, null, heightFor(frame.current?.clientWidth ?? W));
          setView(v);
          setHome(v);
        }
      },
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, []);

  // The frame's width in CSS pixels: picks the map's shape and keeps dots a constant size on screen.
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setPixels(el.clientWidth || W));
    ro.observe(el);
    setPixels(el.clientWidth || W);
    return () => ro.disconnect();
  }, [data]);

  /** Zooms by `f` keeping the data point under view-box position (vx, vy) fixed. */
  const zoom = useCallback(
    (f: number, vx = W / 2, vy = H / 2) =>
      setView((v) => {
        if (!v || !home) return v;
        const scale = Math.min(home.scale * MAX_SCALE_FACTOR, Math.max(home.scale * MIN_SCALE_FACTOR, v.scale * f));
        const px = v.cx + (vx - W / 2) / v.scale;
        const py = v.cy - (vy - H / 2) / v.scale;
        return { scale, cx: px - (vx - W / 2) / scale, cy: py + (vy - H / 2) / scale };
      }),
    [home, H],
  );
  const pan = useCallback((dvx: number, dvy: number) => setView((v) => v && { ...v, cx: v.cx - dvx / v.scale, cy: v.cy + dvy / v.scale }), []);

  /** Client pixels → view-box units. */
  const toBox = (clientX: number, clientY: number) => {
    const r = svg.current!.getBoundingClientRect();
    return { x: ((clientX - r.left) / r.width) * W, y: ((clientY - r.top) / r.height) * H };
  };

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const b = toBox(e.clientX, e.clientY);
      zoom(Math.exp(-e.deltaY * 0.002), b.x, b.y);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoom, data, H]);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    pointers.current.set(e.pointerId, toBox(e.clientX, e.clientY));
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const ps = pointers.current;
    const before = ps.get(e.pointerId);
    if (!before) return;
    const now = toBox(e.clientX, e.clientY);
    if (ps.size === 1) pan(now.x - before.x, now.y - before.y);
    else if (ps.size === 2) {
      const other = [...ps.entries()].find(([id]) => id !== e.pointerId)![1];
      const d0 = Math.hypot(before.x - other.x, before.y - other.y);
      const d1 = Math.hypot(now.x - other.x, now.y - other.y);
      if (d0 > 0) zoom(d1 / d0, (now.x + other.x) / 2, (now.y + other.y) / 2);
    }
    ps.set(e.pointerId, now);
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    pointers.current.delete(e.pointerId);
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = 40;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => pan(step, 0),
      ArrowRight: () => pan(-step, 0),
      ArrowUp: () => pan(0, step),
      ArrowDown: () => pan(0, -step),
      '+': () => zoom(1.25),
      '=': () => zoom(1.25),
      '-': () => zoom(0.8),
      '0': () => setView(home),
    };
    const k = keys[e.key];
    if (k && e.target === e.currentTarget) {
      e.preventDefault();
      k();
    }
  };

  const byId = useMemo(() => new Map((data?.points ?? []).map((p, k) => [p.movieId, k])), [data]);

  if (error) return <section className="panel taste-map" aria-labelledby="map-h"><h2 id="map-h">Taste map</h2><p role="alert" className="error">{error}</p></section>;
  if (data === undefined || (data && !view)) {
    return (
      <section className="panel taste-map" aria-labelledby="map-h" aria-busy="true">
        <h2 id="map-h">Taste map</h2>
        <p className="muted">Computing the map…</p>
      </section>
    );
  }
  if (data === null || !view) {
    return (
      <section className="panel taste-map" aria-labelledby="map-h">
        <h2 id="map-h">Taste map</h2>
        <p className="muted">The map appears once a model is trained.</p>
      </section>
    );
  }

  const sx = (x: number) => W / 2 + (x - view.cx) * view.scale;
  const sy = (y: number) => H / 2 - (y - view.cy) * view.scale;
  const range = {
    x0: view.cx - W / 2 / view.scale,
    x1: view.cx + W / 2 / view.scale,
    y0: view.cy - H / 2 / view.scale,
    y1: view.cy + H / 2 / view.scale,
  };
  /** View-box units per CSS pixel (at least 1): dots keep their size on narrow screens. */
  const dot = Math.min(2.5, Math.max(1, W / Math.max(1, pixels)));
  const sample = data.points.slice(0, data.sampled);
  const rated = data.points.map((p, k) => [p, k] as const).filter(([p]) => p.myRating !== null);
  const meOutside = data.me !== null && (data.me.x < range.x0 || data.me.x > range.x1 || data.me.y < range.y0 || data.me.y > range.y1);
  const shown = active !== null ? data.points[active] : null;
  const tip = shown ? { left: (sx(shown.x) / W) * 100, top: (sy(shown.y) / H) * 100 } : null;
  const inView = tip && tip.left >= 0 && tip.left <= 100 && tip.top >= 0 && tip.top <= 100;

  return (
    <section className="panel taste-map" aria-labelledby="map-h" data-testid="taste-map">
      <h2 id="map-h">Taste map</h2>
      <figure>
        <div className="map-toolbar" role="group" aria-label="Map zoom">
          <button type="button" onClick={() => zoom(1.5)} aria-label="Zoom in">+</button>
          <button type="button" onClick={() => zoom(1 / 1.5)} aria-label="Zoom out">−</button>
          <button type="button" onClick={() => setView(home)}>Reset view</button>
          {meOutside && (
            <button type="button" onClick={() => setView(fit(data.points, data.me, H))}>
              Show me
            </button>
          )}
          <span className="muted map-range" data-testid="map-range">
            PC1 {fmt(range.x0)} to {fmt(range.x1)}, PC2 {fmt(range.y0)} to {fmt(range.y1)}
          </span>
        </div>
        <div className="map-frame" ref={frame}>
          <svg
            ref={svg}
            viewBox={`0 0 ${W} ${H}`}
            role="group"
            aria-label={`Taste map of ${data.sampled.toLocaleString('en')} movies. Focus it and use the arrow keys to pan, plus and minus to zoom, 0 to reset.`}
            tabIndex={0}
            onKeyDown={onKey}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onPointerLeave={() => setActive(null)}
            data-testid="map-svg"
          >
            <line className="axis" x1={0} x2={W} y1={sy(0)} y2={sy(0)} />
            <line className="axis" y1={0} y2={H} x1={sx(0)} x2={sx(0)} />
            <g className="points" aria-hidden="true">
              {sample.map((p, k) => (
                <circle key={p.movieId} data-testid="map-point" cx={sx(p.x)} cy={sy(p.y)} r={3.2 * dot} onPointerEnter={() => setActive(k)} />
              ))}
            </g>
            <g className="rated">
              {rated.map(([p, k]) => (
                <circle
                  key={p.movieId}
                  data-testid="map-rated"
                  className={starClass(p.myRating!)}
                  cx={sx(p.x)}
                  cy={sy(p.y)}
                  r={6 * dot}
                  tabIndex={0}
                  role="img"
                  aria-label={label(p)}
                  onPointerEnter={() => setActive(k)}
                  onFocus={() => setActive(k)}
                  onBlur={() => setActive(null)}
                />
              ))}
            </g>
            {data.me && (
              <g className="me" data-testid="map-me" transform={`translate(${sx(data.me.x)} ${sy(data.me.y)}) scale(${dot})`} role="img" aria-label="You">
                <circle r={11} />
                <path d="M -6 0 H 6 M 0 -6 V 6" />
              </g>
            )}
            {shown && <circle className="active-ring" cx={sx(shown.x)} cy={sy(shown.y)} r={9 * dot} aria-hidden="true" />}
          </svg>
          {shown && inView && (
            <div
              className={`map-tip${tip!.top < 25 ? ' below' : ''}${tip!.left < 25 ? ' from-left' : tip!.left > 75 ? ' from-right' : ''}`}
              data-testid="map-tip"
              style={{ left: `${tip!.left}%`, top: `${tip!.top}%` }}
              aria-hidden="true"
            >
              {label(shown)}
            </div>
          )}
        </div>
        <p className="map-status" aria-live="polite" data-testid="map-status">
          {shown
            ? label(shown)
            : `Point at a movie, or focus one of your rated movies, to see its title.${meOutside ? ' You are outside this view: “Show me” zooms out to include you.' : ''}`}
        </p>
        <figcaption>
          Each grey dot is one of the {data.sampled.toLocaleString('en')} most-rated movies, placed by the first two principal
          components of the model&rsquo;s movie factors (rank {data.rank}). The horizontal axis (PC1) explains{' '}
          <strong data-testid="pc1">{pct(data.explained[0])}</strong> of these movies&rsquo; factor variance, the vertical axis (PC2){' '}
          <strong data-testid="pc2">{pct(data.explained[1])}</strong>. Movies close together tend to be liked by the same people.
          {data.me
            ? ' The cross in a ring is you: your taste vector from your ratings, projected the same way. Coloured dots are the movies you rated, orange (low) to blue (high).'
            : ' Rate a few movies and your own position appears.'}
        </figcaption>
        <ul className="map-legend" aria-label="Colour legend">
          {[1, 2, 3, 4, 5].map((s) => (
            <li key={s}>
              <svg width="14" height="14" aria-hidden="true">
                <circle className={starClass(s)} cx="7" cy="7" r="6" />
              </svg>
              {s === 5 ? '4.5–5' : s === 1 ? '0.5–1' : `${s - 0.5}–${s + 0.5}`} stars
            </li>
          ))}
        </ul>
      </figure>
      {data.me && data.nearest.length > 0 && (
        <div className="map-nearest">
          <h3 id="map-near-h">Movies nearest you on the map</h3>
          <ol aria-labelledby="map-near-h" data-testid="map-nearest">
            {data.nearest.map((id) => {
              const k = byId.get(id)!;
              const p = data.points[k];
              return (
                <li key={id}>
                  <button type="button" className="link" onFocus={() => setActive(k)} onMouseEnter={() => setActive(k)} onClick={() => setActive(k)}>
                    {p.title}
                    {p.year ? ` (${p.year})` : ''}
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      <p className="muted small">
        Computed in {Math.round(data.millis)} ms{data.fitMillis > 0 ? ` (PCA ${Math.round(data.fitMillis)} ms)` : ''} from {data.moviesInDataset.toLocaleString('en')} movies in the dataset.
      </p>
    </section>
  );
}
