// Model lab: what the current dataset and model are, and (below) the tools to train, compare, tune and look at models.
import type { AppStatus } from '../../../client/workerTypes';
import { TrainPanel } from './TrainPanel';
import { EvalPanel } from './EvalPanel';
import { TunePanel } from './TunePanel';
import { TasteMap } from './map/TasteMap';
import { TitleText } from '../FileText';
import { thousands } from '../../format';

export function LabScreen({ status }: { status: AppStatus }) {
  const active = status.active!;
  const model = status.model;
  const density = active.users * active.movies > 0 ? active.ratings / (active.users * active.movies) : 0;
  return (
    <div className="lab">
      <section className="panel" aria-labelledby="lab-data-h" data-testid="lab-dataset">
        <h2 id="lab-data-h">Dataset</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>
            <TitleText text={active.name} />
          </dd>
          <dt>Ratings</dt>
          <dd>{thousands(active.ratings)}</dd>
          <dt>People</dt>
          <dd>{thousands(active.users)}</dd>
          <dt>Movies</dt>
          <dd>{thousands(active.movies)}</dd>
          <dt>Density</dt>
          <dd>{(density * 100).toFixed(2)}% of the user × movie matrix is rated</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="lab-model-h" data-testid="lab-model">
        <h2 id="lab-model-h">Current model</h2>
        {model && model.history.length === 0 ? (
          <p>
            Imported Spark ALS item factors: rank {model.params.rank}, regParam {model.params.lambda}; you are folded in with Spark&apos;s own user step
            (no biases).
          </p>
        ) : model ? (
          <p>
            Rank {model.params.rank}, λ {model.params.lambda}, {model.params.iterations} iterations, trained in {model.trainSeconds.toFixed(1)} s on{' '}
            {model.holdout > 0
              ? `${Math.round((1 - model.holdout) * 100)}% of the ratings (an older training kept ${Math.round(model.holdout * 100)}% out to validate it; train again to fit it on all of them)`
              : `all ${thousands(active.ratings)} ratings`}
            ; final training RMSE {model.history.at(-1)?.trainRmse.toFixed(4) ?? '–'}.
          </p>
        ) : (
          <p className="muted">No model yet.</p>
        )}
      </section>
      <TrainPanel status={status} />
      <EvalPanel />
      <TunePanel />
      <TasteMap />
    </div>
  );
}
