// One dataset in the datasets panel: counts and sizes, "Use" to switch to it, "Delete" with an inline confirmation.
import { useState } from 'react';
import type { DatasetInfo } from '../../client/workerTypes';
import { count, megabytes } from '../format';
import { freshnessText } from './freshness';
import { TitleText } from './FileText';

export function DatasetsRow(props: { d: DatasetInfo; busy: boolean; onUse: () => void; onDelete: () => void }) {
  const { d } = props;
  const [confirming, setConfirming] = useState(false);
  const fresh = freshnessText(d);
  return (
    <li className="dataset" data-testid="dataset" data-dataset-id={d.id}>
      <div className="meta">
        <span className="title">
          <TitleText text={d.name} />
        </span>{' '}
        {d.active && <strong className="active-mark">(in use)</strong>}
        <div className="details">
          <span>{count(d.ratings, 'rating')}</span>
          <span>{count(d.users, 'person', 'people')}</span>
          <span>{count(d.movies, 'movie')}</span>
          {fresh && <span data-testid="dataset-freshness">{fresh}</span>}
          <span title="Estimated space in this browser">≈ {megabytes(d.storedBytes)} stored</span>
          <span>from {megabytes(d.sourceBytes)}</span>
          <span>{d.hasModel ? 'trained' : 'not trained yet'}</span>
          {d.importSeconds !== null && <span>imported in {d.importSeconds.toFixed(1)} s</span>}
        </div>
      </div>
      <div className="actions">
        {!d.active && (
          <button type="button" disabled={props.busy} onClick={props.onUse}>
            Use
          </button>
        )}
        {confirming ? (
          <>
            <button type="button" className="danger" disabled={props.busy} onClick={props.onDelete}>
              Delete <TitleText text={d.name} /> for good
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" disabled={props.busy} onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
