// The status line's words for the models behind what is on screen: which model ranks the list and which gives the
// stars, so "model: rank 64" is never shown while the implicit model ranks the list.
import type { AppStatus, ModelSummary } from '../client/workerTypes';

/** Which model ranked the list last shown (Recommendations' `objective`; the star model until the implicit one is used). */
export type ListedBy = 'explicit' | 'implicit';

const explicitName = (m: ModelSummary) => (m.history.length === 0 ? `Spark ALS factors, rank ${m.params.rank}` : `rank ${m.params.rank}, ${m.params.iterations} iterations`);

/** "model: rank 64, 15 iterations", or with the implicit list "ranked by implicit ALS (iALS) rank 32 · stars by ALS rank 64"; null without a model. */
export function modelsInUse(status: Pick<AppStatus, 'model' | 'implicitModel'>, listedBy: ListedBy): string | null {
  const { model, implicitModel } = status;
  if (listedBy === 'implicit' && implicitModel) {
    const ranked = `ranked by implicit ALS (iALS) rank ${implicitModel.params.rank}, ${implicitModel.params.iterations} iterations`;
    return model ? `${ranked} · stars by ALS ${explicitName(model)}` : ranked;
  }
  return model ? `model: ${explicitName(model)}` : null;
}
