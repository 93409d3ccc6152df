// The movies nearest the person on the taste map, as buttons that point them out on the map.
import { useMemo } from 'react';
import type { TasteMapData } from '../../../../client/workerTypes';
import { TitleText } from '../../FileText';

export function NearestMovies(props: { data: TasteMapData; onActive: (k: number) => void }) {
  const { data, onActive } = props;
  const byId = useMemo(() => new Map(data.points.map((p, k) => [p.movieId, k])), [data]);
  return (
    <div className="map-nearest">
      <h3 id="map-near-h">Movies nearest you on the map</h3>
      <ol aria-labelledby="map-near-h" data-testid="map-nearest">
        {data.nearest.map((id) => {
          const k = byId.get(id)!;
          const p = data.points[k];
          return (
            <li key={id}>
              <button type="button" className="link" onFocus={() => onActive(k)} onMouseEnter={() => onActive(k)} onClick={() => onActive(k)}>
                <TitleText text={p.title} />
                {p.year ? ` (${p.year})` : ''}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
