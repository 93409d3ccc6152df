// The main screen: onboarding cards and search on the left, recommendations on the right, refreshed after every stored rating change.
import { useCallback, useEffect, useState } from 'react';
import { serving } from '../../client/engineClient';
import type { Recommendations } from '../../client/workerTypes';
import type { RatingsState } from '../useRatings';
import type { MarksState } from '../useMarks';
import { RatePanel } from './RatePanel';
import { Onboarding } from './onboarding/Onboarding';
import { RecommendationList } from './RecommendationList';
import type { Filters } from './RecFilters';
import type { RankBy } from './RankBySwitch';
import { loadRecPrefs, saveRecPrefs } from '../settings';

export function Recommender({ mine, marks, onOpen }: { mine: RatingsState; marks: MarksState; onOpen: (movieId: number) => void }) {
  const [recs, setRecs] = useState<Recommendations | null>(null);
  // Kept in localStorage: the same filters and list after switching screens, a reload, or restoring a backup.
  const [stored] = useState(loadRecPrefs);
  const [filters, setFilters] = useState<Filters>(stored.filters);
  const [rankBy, setRankBy] = useState<RankBy>(stored.rankBy);

  useEffect(() => saveRecPrefs({ filters, rankBy }), [filters, rankBy]);

  const refresh = useCallback(async () => {
    setRecs(await serving.api.recommend({ ...filters, objective: rankBy }));
  }, [filters, rankBy]);

  useEffect(() => {
    void refresh();
  }, [refresh, mine.version, marks.version]);

  useEffect(() => {
    // App shortcuts (manifest) open #search, #rate or #recommendations.
    const target = document.getElementById(location.hash.slice(1));
    if (target instanceof HTMLInputElement) target.focus();
    else target?.scrollIntoView();
  }, []);

  return (
    <div className="columns">
      <div className="stack">
        <Onboarding ratings={mine.ratings} hidden={marks.hidden} loaded={mine.version > 0} onRate={mine.rate} onOpen={onOpen} />
        <RatePanel ratings={mine.ratings} marks={marks} onRate={mine.rate} onOpen={onOpen} />
      </div>
      <RecommendationList
        recs={recs}
        filters={filters}
        onFilters={setFilters}
        rankBy={rankBy}
        onRankBy={setRankBy}
        onOpen={onOpen}
        marks={marks}
      />
    </div>
  );
}
