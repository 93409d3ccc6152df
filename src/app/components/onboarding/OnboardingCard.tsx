// One movie to rate during onboarding: its title (opens the movie), genres and MovieLens average, stars, "Haven't seen";
// and the card without a movie that holds its place while the first one is chosen.
import type { MovieCard } from '../../../client/workerTypes';
import { movieLabel } from '../MovieMeta';
import { StarRating } from '../StarRating';
import { GenreList, TitleText } from '../FileText';
import { count } from '../../format';

function Facts({ m }: { m: MovieCard }) {
  return (
    <p className="onb-facts">
      <span className="genres">
        <GenreList genres={m.genres} />
      </span>
      <span className="count">
        {m.count ? `★ ${m.mean.toFixed(1)} average from ${count(m.count, 'MovieLens rating')}` : 'No MovieLens ratings'}
      </span>
    </p>
  );
}

export function OnboardingCard(props: { movie: MovieCard; rating: number | null; onRate: (stars: number) => void; onSkip: () => void; onOpen: () => void }) {
  const { movie: m } = props;
  return (
    <li className="onb-card" data-movie-id={m.movieId}>
      <h3 tabIndex={-1}>
        <button type="button" className="title-link" onClick={props.onOpen}>
          <TitleText text={m.title} />
        </button>
        {m.year !== null && <span className="year"> ({m.year})</span>}
      </h3>
      <Facts m={m} />
      <div className="onb-rate">
        <StarRating label={`Your rating for ${movieLabel(m)}`} value={props.rating} onChange={(v) => v !== null && props.onRate(v)} />
        <button type="button" className="onb-skip" onClick={props.onSkip} aria-label={`Haven’t seen ${movieLabel(m)}`}>
          Haven’t seen
        </button>
      </div>
    </li>
  );
}

/** The single card's place while the first movie is chosen: a card's parts, unseen, so the card that replaces it is as tall. */
export function CardPlaceholder() {
  return (
    <li className="onb-card onb-placeholder" data-testid="onboarding-waiting">
      <h3>Choosing movies…</h3>
      <div aria-hidden="true" inert>
        <p className="onb-facts">
          <span>Comedy, Drama</span>
          <span>★ 4.0 average from 100 MovieLens ratings</span>
        </p>
        <div className="onb-rate">
          <StarRating label="" value={null} onChange={() => undefined} />
          <button type="button" className="onb-skip" tabIndex={-1}>
            Haven’t seen
          </button>
        </div>
      </div>
    </li>
  );
}
