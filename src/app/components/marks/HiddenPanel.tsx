// Movies marked "Not interested", on My ratings: most recently hidden first, each with Unhide.
import { useEffect, useState } from 'react';
import { serving } from '../../../client/engineClient';
import type { HiddenEntry } from '../../../client/workerTypes';
import type { MarksState } from '../../useMarks';
import { MovieMeta, movieLabel } from '../MovieMeta';
import './marks.css';

export function HiddenPanel({ marks, onOpen }: { marks: MarksState; onOpen: (movieId: number) => void }) {
  const [list, setList] = useState<HiddenEntry[]>([]);
  useEffect(() => {
    let live = true;
    void serving.api.hiddenList().then((h) => live && setList(h));
    return () => {
      live = false;
    };
  }, [marks.version]);

  return (
    <section className="panel hidden-movies" id="hidden" aria-labelledby="hidden-h">
      <h2 id="hidden-h">Hidden ({list.length})</h2>
      <p className="muted">
        {list.length === 0 ? 'Movies you mark “Not interested” are listed here and never recommended; you can unhide them any time.' : 'Never recommended while hidden. Unhide a movie to let it back into your recommendations.'}
      </p>
      {list.length > 0 && (
        <ul className="movie-list" data-testid="hidden-movies">
          {list.map((m) => (
            <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
              <MovieMeta movie={m} onOpen={onOpen} />
              <button type="button" className="unhide" onClick={() => void marks.unhide(m.movieId)} aria-label={`Unhide ${movieLabel(m)}`}>
                Unhide
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
