// The movie's most frequent MovieLens tags, as plain text chips with how many people used each (nothing rendered as HTML).
import type { MovieDetails } from '../../client/workerTypes';
import './MovieTags.css';
import { count, thousands } from '../format';

export function MovieTags({ tags }: { tags: MovieDetails['tags'] }) {
  if (tags.length === 0) return null;
  return (
    <>
      <h3 id="movie-tags-h">Tags</h3>
      <ul className="movie-tags" data-testid="movie-tags" aria-labelledby="movie-tags-h">
        {tags.map((t) => (
          <li key={t.tag} title={`${count(t.count, 'person', 'people')} used this tag`}>
            <bdi className="tag-text">{t.tag}</bdi> <span className="tag-count">×{thousands(t.count)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
