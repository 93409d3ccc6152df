// Worker API: one movie in full — the person's predicted rating, similar movies (the ranker's), its top tags, outbound links.
import { foldIn } from '../engine/als/foldIn';
import { clampStars, predict } from '../engine/als/recommend';
import { similarItems } from '../engine/als/similar';
import { similarMovies } from '../engine/ranker/similarMovies';
import { rankerDefaults } from '../engine/defaults/rankerDefaults';
import { openDb } from '../store/db';
import { readMovieTags } from '../store/datasets';
import { card, myRatings } from './cards';
import { getServing } from './state';
import type { MovieDetails } from './apiTypes';

/** Details for the movie panel; null when the movie is not in the active dataset. */
export async function movieDetails(movieId: number, similarCount = 10): Promise<MovieDetails | null> {
  const s = await getServing();
  const index = s?.byMovieId.get(movieId);
  if (!s || index === undefined) return null;
  const mine = await myRatings();
  const m = s.movies[index];
  let predicted: number | null = null;
  if (s.model) {
    const items: number[] = [];
    const stars: number[] = [];
    for (const [id, r] of mine) {
      const i = s.byMovieId.get(id);
      if (i !== undefined && i !== index) {
        items.push(i);
        stars.push(r);
      }
    }
    if (items.length) predicted = clampStars(predict(s.model, foldIn(s.model, items, stars), index));
  }
  // Neighbours from the ranking model's item factors (its iALS part) when it exists, else the star model's; with at
  // least rankerDefaults.similarMinCount ratings (none to count in a dataset without ratings, a Spark model's).
  const minCount = s.dataset.stats.ratings === 0 ? 0 : rankerDefaults.similarMinCount;
  const neighbours = s.ranker
    ? similarMovies(s.ranker, index, { n: similarCount, minCount, counts: s.counts })
    : s.model
      ? similarItems(s.model, index, { n: similarCount, norms: s.itemNorms ?? undefined, minCount, counts: s.counts })
      : [];
  const similar = neighbours.map((r) => card(s, r.item, mine));
  const tags = s.dataset.taggedMovies ? await readMovieTags(await openDb(), s.dataset.id, index) : [];
  return {
    ...card(s, index, mine),
    predicted,
    similar,
    tags,
    imdbUrl: m.imdbId ? `https://www.imdb.com/title/tt${m.imdbId}/` : null,
    tmdbUrl: m.tmdbId ? `https://www.themoviedb.org/movie/${m.tmdbId}` : null,
  };
}
