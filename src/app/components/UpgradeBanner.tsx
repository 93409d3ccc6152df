// A banner when another tab changes the database's version: this tab must reload, or this tab waits for the others.
import { useEffect, useState } from 'react';
import { onTabMessage } from '../../sync/tabSync';
import { DB_VERSION } from '../../store/schema';
import './tabs.css';

type Notice = 'reload' | 'blocked' | null;

export function UpgradeBanner() {
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(
    () =>
      onTabMessage((msg) => {
        // A newer version (or a deletion) closed this tab's storage: it cannot read or save until it reloads.
        if (msg.type === 'db-versionchange' && (msg.newVersion === null || msg.newVersion > DB_VERSION)) setNotice('reload');
        else if (msg.type === 'db-blocked' && msg.version > DB_VERSION) setNotice('reload');
        // This version's upgrade waits for a tab still holding the old database open.
        else if (msg.type === 'db-blocked' && msg.version === DB_VERSION) setNotice((n) => n ?? 'blocked');
        else if (msg.type === 'db-opened' && msg.version === DB_VERSION) setNotice((n) => (n === 'blocked' ? null : n));
      }),
    [],
  );
  if (notice === 'reload') {
    return (
      <div className="tab-banner" role="alert" data-testid="upgrade-banner">
        <p>PocketLens was updated in another tab. Reload this tab to go on; your ratings are safe.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (notice === 'blocked') {
    return (
      <div className="tab-banner" role="status" data-testid="upgrade-blocked">
        <p>PocketLens is updating its storage and waits for another tab with an older version open: close or reload that tab.</p>
      </div>
    );
  }
  return null;
}
