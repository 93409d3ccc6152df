// The main screen: onboarding cards and search on the left, recommendations on the right, refreshed after every stored rating change.
import { useCallback, useEffect, useState } from 'react';
import { serving } from '../../client/engineClient';
import { postTabMessage } from '../../sync/tabSync';
import type { Recommendations } from '../../client/workerTypes';
import type { RatingsState } from '../useRatings';
import { RatePanel } from './RatePanel';
import { Onboarding } from './onboarding/Onboarding';
import { RecommendationList } from './RecommendationList';
import type { Filters } from './RecFilters';
import type { RankBy } from './RankBySwitch';
import { loadRecPrefs, saveRecPrefs } from '../settings';
import type { ListedBy } from '../modelsInUse';

export function Recommender({
  mine,
  onOpen,
  onListed,
  rankerAt,
}: {
  mine: RatingsState;
  onOpen: (movieId: number) => void;
  onListed?: (by: ListedBy) => void;
  /** When the ranker in use was trained (null: none yet): a new one refreshes the list. */
  rankerAt: number | null;
}) {
  const [recs, setRecs] = useState<Recommendations | null>(null);
  // Kept in localStorage: the same filters and list after switching screens, a reload, or restoring a backup.
  const [stored] = useState(loadRecPrefs);
  const [filters, setFilters] = useState<Filters>(stored.filters);
  const [rankBy, setRankBy] = useState<RankBy>(stored.rankBy);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => saveRecPrefs({ filters, rankBy }), [filters, rankBy]);

  const refresh = useCallback(async () => {
    const next = await serving.api.recommend({ ...filters, sortBy: rankBy === 'implicit' ? 'best' : 'best' });
    setRecs(next);
    // The status line names the model that ranked this list (the ranker only when it really did).
    onListed?.(next.kind === 'personal' && next.sortBy === 'best' ? 'ranker' : 'stars');
  }, [filters, rankBy, onListed]);

  useEffect(() => {
    void refresh();
  }, [refresh, mine.version, rankerAt]);

  useEffect(() => {
    // App shortcuts (manifest) open #search, #rate or #recommendations.
    const target = document.getElementById(location.hash.slice(1));
    if (target instanceof HTMLInputElement) target.focus();
    else target?.scrollIntoView();
  }, []);

  return (
    <div className="columns">
      <div className="stack">
        <Onboarding ratings={mine.ratings} hidden={hidden} loaded={mine.version > 0} onRate={mine.rate} onOpen={onOpen} />
        <RatePanel ratings={mine.ratings} onRate={mine.rate} onOpen={onOpen} />
      </div>
      <RecommendationList
        recs={recs}
        filters={filters}
        onFilters={setFilters}
        rankBy={rankBy}
        onRankBy={setRankBy}
        onOpen={onOpen}
        onHide={async (movieId) => {
          await serving.api.hide(movieId);
          setHidden((h) => new Set(h).add(movieId));
          postTabMessage({ type: 'hidden' });
          await refresh();
        }}
      />
    </div>
  );
}
