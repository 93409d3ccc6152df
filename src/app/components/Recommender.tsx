// The main screen: rate on the left, recommendations on the right, refreshed after every stored rating change.
import { useCallback, useEffect, useState } from 'react';
import { serving } from '../../client/engineClient';
import { postTabMessage } from '../../client/tabSync';
import type { Recommendations } from '../../worker/types';
import type { RatingsState } from '../useRatings';
import { RatePanel } from './RatePanel';
import { RecommendationList } from './RecommendationList';
import { DEFAULT_FILTERS, type Filters } from './RecFilters';

export function Recommender({ mine, onOpen }: { mine: RatingsState; onOpen: (movieId: number) => void }) {
  const [recs, setRecs] = useState<Recommendations | null>(null);
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);

  const refresh = useCallback(async () => {
    setRecs(await serving.api.recommend({ n: 20, ...filters }));
  }, [filters]);

  useEffect(() => {
    void refresh();
  }, [refresh, mine.version]);

  useEffect(() => {
    // App shortcuts (manifest) open #search, #rate or #recommendations.
    const target = document.getElementById(location.hash.slice(1));
    if (target instanceof HTMLInputElement) target.focus();
    else target?.scrollIntoView();
  }, []);

  return (
    <div className="columns">
      <RatePanel ratings={mine.ratings} onRate={mine.rate} onOpen={onOpen} />
      <RecommendationList
        recs={recs}
        filters={filters}
        onFilters={setFilters}
        onOpen={onOpen}
        onHide={async (movieId) => {
          await serving.api.hide(movieId);
          postTabMessage({ type: 'hidden' });
          await refresh();
        }}
      />
    </div>
  );
}
