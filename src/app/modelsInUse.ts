// The status line's words for the models behind what is on screen: which model ranks the list and which gives the
// stars, so "model: rank 64" is never shown while the ranker orders the list.
import type { AppStatus, ModelSummary } from '../client/workerTypes';
import { count } from './format';

/** Which model ordered the list last shown: the ranker ("Best for you") or the star model (predicted rating, or the popular fallback). */
export type ListedBy = 'ranker' | 'stars';

const explicitName = (m: ModelSummary) => (m.history.length === 0 ? `Spark ALS factors, rank ${m.params.rank}` : `rank ${m.params.rank}, ${m.params.iterations} iterations`);

/** "iALS rank 32, 10 iterations + EASE over 1,000 movies": the ranker's two parts in full (the lab, the line's tooltip). */
export function rankerName(r: ModelSummary): string {
  const ials = `iALS rank ${r.params.rank}, ${r.params.iterations} iterations`;
  return r.ranker && r.ranker.easeItems > 0 ? `${ials} + EASE over ${count(r.ranker.easeItems, 'movie')}` : ials;
}

/**
 * "model: rank 64, 15 iterations", or with the ranked list "ranked by iALS rank 32 + EASE · stars by ALS rank 64, 15
 * iterations" (short enough that the status line does not wrap on a desktop when the first rating brings it; the
 * ranker's iterations and EASE size are in rankerName); null without a model.
 */
export function modelsInUse(status: Pick<AppStatus, 'model' | 'ranker'>, listedBy: ListedBy): string | null {
  const { model, ranker } = status;
  if (listedBy === 'ranker' && ranker && model) return `ranked by iALS rank ${ranker.params.rank}${ranker.ranker?.easeItems ? ' + EASE' : ''} · stars by ALS ${explicitName(model)}`;
  return model ? `model: ${explicitName(model)}` : null;
}
