// Taste map: the most-rated movies on the first two principal axes of the model's factors, the person's own position,
// their rated movies coloured by stars; zoom (wheel, buttons, pinch, keys), pan (drag, arrows), titles on hover/focus.
// This file loads the map and lays out the panel; useMapViewport moves the view, MapSvg draws it, NearestMovies lists.
import { useEffect, useState } from 'react';
import { serving } from '../../../../client/engineClient';
import type { TasteMapData } from '../../../../client/workerTypes';
import { visibleRange } from './mapViewport';
import { useMapViewport } from './useMapViewport';
import { MapSvg, pointLabel, starClass } from './MapSvg';
import { NearestMovies } from './NearestMovies';
import './TasteMap.css';

const fmt = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2)).replace('-', '−');
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function TasteMap() {
  const [data, setData] = useState<TasteMapData | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const viewport = useMapViewport();
  const { view, goHome } = viewport;

  useEffect(() => {
    let live = true;
    serving.api.tasteMap().then(
      (d) => {
        if (!live) return;
        setData(d);
        // Home view: the movies. The person's vector can lie far outside them (its norm is not an item's); a button shows both.
        if (d) goHome(d.points);
      },
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [goHome]);

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

  const range = visibleRange(view, viewport.box);
  const meOutside = data.me !== null && (data.me.x < range.x0 || data.me.x > range.x1 || data.me.y < range.y0 || data.me.y > range.y1);
  const shown = active !== null ? data.points[active] : null;

  return (
    <section className="panel taste-map" aria-labelledby="map-h" data-testid="taste-map">
      <h2 id="map-h">Taste map</h2>
      <figure>
        <div className="map-toolbar" role="group" aria-label="Map zoom">
          <button type="button" onClick={() => viewport.zoom(1.5)} aria-label="Zoom in">+</button>
          <button type="button" onClick={() => viewport.zoom(1 / 1.5)} aria-label="Zoom out">−</button>
          <button type="button" onClick={viewport.reset}>Reset view</button>
          {meOutside && (
            <button type="button" onClick={() => viewport.show(data.me ? [...data.points, data.me] : data.points)}>
              Show me
            </button>
          )}
          <span className="muted map-range" data-testid="map-range">
            PC1 {fmt(range.x0)} to {fmt(range.x1)}, PC2 {fmt(range.y0)} to {fmt(range.y1)}
          </span>
        </div>
        <MapSvg data={data} viewport={viewport} active={active} onActive={setActive} />
        <p className="map-status" aria-live="polite" data-testid="map-status">
          {shown
            ? pointLabel(shown)
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
      {data.me && data.nearest.length > 0 && <NearestMovies data={data} onActive={setActive} />}
      <p className="muted small">
        Computed in {Math.round(data.millis)} ms{data.fitMillis > 0 ? ` (PCA ${Math.round(data.fitMillis)} ms)` : ''} from {data.moviesInDataset.toLocaleString('en')} movies in the dataset.
      </p>
    </section>
  );
}
