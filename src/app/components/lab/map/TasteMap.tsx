// Taste map: the most-rated movies on the first two principal axes of the model's factors, the person's own position,
// their rated movies coloured by stars; zoom (wheel, buttons, pinch, keys), pan (drag, arrows), titles on hover/focus.
// This file loads the map and lays out the panel; useMapViewport moves the view, MapSvg draws it, NearestMovies lists.
import { useEffect, useState } from 'react';
import { serving } from '../../../../client/engineClient';
import type { TasteMapData } from '../../../../client/workerTypes';
import { visibleRange } from './mapViewport';
import { useMapViewport } from './useMapViewport';
import { MapSvg, explainedPct, explainedSum, pointLabel } from './MapSvg';
import { STAR_BINS, binLabel, starClass } from './starBins';
import { thousands } from '../../../format';
import { NearestMovies } from './NearestMovies';
import './TasteMap.css';

const fmt = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2)).replace('-', '−');

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
      <p className="map-explained" data-testid="map-explained">
        The two axes explain <strong data-testid="pc1">{explainedPct(data.explained[0])}</strong> +{' '}
        <strong data-testid="pc2">{explainedPct(data.explained[1])}</strong> of the variance of these movies’ factors (
        {explainedSum(data.explained[0], data.explained[1])} together); the other {data.rank - 2 > 0 ? data.rank - 2 : 0} dimensions hold the rest, so
        closeness on this map is only part of the story.
      </p>
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
          Each small grey dot is one of the {thousands(data.sampled)} most-rated movies, placed by the first two principal components of the
          model&rsquo;s movie factors (rank {data.rank}): PC1 across, PC2 up. Movies close together tend to be liked by the same people.
          {data.me
            ? ' The cross in a ring is you: your taste vector from your ratings, projected the same way. Every movie you rated is a larger coloured dot, orange (low) through purple (middle) to blue (high).'
            : ' Rate a few movies and your own position appears.'}
        </figcaption>
        <ul className="map-legend" aria-label="Colour legend">
          {STAR_BINS.map((b) => (
            <li key={b} data-testid="map-legend-bin">
              <svg width="14" height="14" aria-hidden="true">
                <circle className={starClass(b)} cx="7" cy="7" r="6" />
              </svg>
              {binLabel(b)}
            </li>
          ))}
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <circle className="unrated" cx="7" cy="7" r="3.2" />
            </svg>
            not rated
          </li>
        </ul>
      </figure>
      {data.me && data.nearest.length > 0 && <NearestMovies data={data} onActive={setActive} />}
      <p className="muted small">
        Computed in {Math.round(data.millis)} ms{data.fitMillis > 0 ? ` (PCA ${Math.round(data.fitMillis)} ms)` : ''} from {thousands(data.moviesInDataset)} movies in the dataset.
      </p>
    </section>
  );
}
