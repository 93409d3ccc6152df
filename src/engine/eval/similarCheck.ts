// Checks a similar-movies source: for each well-rated movie, how many of its neighbours share a genre, against chance.
import type { ScoredItem } from '../types';
import { createRng } from '../als/random';

export interface SimilarCheckResult {
  /** Movies checked: those with at least minRatings ratings and a genre. */
  movies: number;
  /** Share of their neighbours that share at least one genre with the movie. */
  sameGenre: number;
  /** Mean Jaccard index of the movie's and the neighbour's genre sets (1 = identical sets). */
  genreJaccard: number;
  /** The same two numbers for random movies drawn from the neighbours' eligible set (chance level). */
  chanceSameGenre: number;
  chanceJaccard: number;
  /** Ratings of the neighbours: the fewest any neighbour has, and the median. */
  minNeighbourRatings: number;
  medianNeighbourRatings: number;
  /** Neighbours per movie actually returned (mean). */
  neighbours: number;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  let both = 0;
  for (const g of new Set(b)) if (sa.has(g)) both++;
  const union = sa.size + new Set(b).size - both;
  return union ? both / union : 0;
}

/**
 * For every movie with ≥ minRatings ratings: its neighbours by `similar`, the share that share a genre and the mean
 * genre Jaccard; chance draws as many random movies with ≥ minCount ratings per movie (seeded), so a source is
 * judged by how far above chance it is, not by how common Drama is.
 */
export function similarCheck(
  genres: readonly (readonly string[])[],
  counts: ArrayLike<number>,
  similar: (item: number) => ScoredItem[],
  opts: { minRatings: number; minCount: number; seed?: number },
): SimilarCheckResult {
  const rng = createRng(opts.seed ?? 7);
  const eligible: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] >= opts.minCount) eligible.push(i);
  let movies = 0;
  let pairs = 0;
  let same = 0;
  let jac = 0;
  let chancePairs = 0;
  let chanceSame = 0;
  let chanceJac = 0;
  const neighbourCounts: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] < opts.minRatings || genres[i].length === 0) continue;
    movies++;
    const ns = similar(i);
    for (const { item } of ns) {
      pairs++;
      const j = jaccard(genres[i], genres[item]);
      jac += j;
      if (j > 0) same++;
      neighbourCounts.push(counts[item]);
    }
    for (let k = 0; k < ns.length && eligible.length > 1; k++) {
      let r = eligible[rng.int(eligible.length)];
      while (r === i) r = eligible[rng.int(eligible.length)];
      chancePairs++;
      const j = jaccard(genres[i], genres[r]);
      chanceJac += j;
      if (j > 0) chanceSame++;
    }
  }
  neighbourCounts.sort((a, b) => a - b);
  return {
    movies,
    sameGenre: pairs ? same / pairs : NaN,
    genreJaccard: pairs ? jac / pairs : NaN,
    chanceSameGenre: chancePairs ? chanceSame / chancePairs : NaN,
    chanceJaccard: chancePairs ? chanceJac / chancePairs : NaN,
    minNeighbourRatings: neighbourCounts.length ? neighbourCounts[0] : NaN,
    medianNeighbourRatings: neighbourCounts.length ? neighbourCounts[neighbourCounts.length >> 1] : NaN,
    neighbours: movies ? pairs / movies : 0,
  };
}
