// A banner when another tab changes or deletes the database, or the browser closes it: what happened to the person's
// data, and the way on (reload; a backup when the data is gone). Or that this tab's upgrade waits for the others.
import { useEffect, useState } from 'react';
import { onTabMessage } from '../../sync/tabSync';
import { DB_VERSION } from '../../store/schema';
import './tabs.css';

type Notice = 'reload' | 'blocked' | 'deleted' | 'closed' | null;

/** What each notice says; the backup is the way back when the data may be gone. */
const TEXT: Record<Exclude<Notice, null | 'blocked'>, string> = {
  reload: 'PocketLens was updated in another tab. Reload this tab to go on; your ratings are safe.',
  deleted:
    'PocketLens’s data in this browser was deleted in another tab: your ratings, datasets and models are no longer stored here, and what this tab still shows will be gone after a reload. Reload to start again; if you downloaded a backup, restore it on My ratings (Restore backup).',
  closed:
    'The browser closed PocketLens’s storage (for example because this site’s data was cleared): what this tab shows may no longer be stored. Reload this tab; if your ratings are gone, restore your backup on My ratings (Restore backup).',
};

export function UpgradeBanner() {
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(
    () =>
      onTabMessage((msg) => {
        // Deleted (another tab, or its "clear data"): the ratings are gone, not safe.
        if (msg.type === 'db-versionchange' && msg.newVersion === null) setNotice('deleted');
        else if (msg.type === 'db-closed') setNotice((n) => (n === 'deleted' ? n : 'closed'));
        // A newer version closed this tab's storage: it cannot read or save until it reloads.
        else if (msg.type === 'db-versionchange' && msg.newVersion !== null && msg.newVersion > DB_VERSION) setNotice((n) => (n === 'deleted' || n === 'closed' ? n : 'reload'));
        else if (msg.type === 'db-blocked' && msg.version > DB_VERSION) setNotice((n) => (n === 'deleted' || n === 'closed' ? n : 'reload'));
        // This version's upgrade waits for a tab still holding the old database open.
        else if (msg.type === 'db-blocked' && msg.version === DB_VERSION) setNotice((n) => n ?? 'blocked');
        else if (msg.type === 'db-opened' && msg.version === DB_VERSION) setNotice((n) => (n === 'blocked' ? null : n));
      }),
    [],
  );
  if (notice === 'blocked') {
    return (
      <div className="tab-banner" role="status" data-testid="upgrade-blocked">
        <p>PocketLens is updating its storage and waits for another tab with an older version open: close or reload that tab.</p>
      </div>
    );
  }
  if (notice === null) return null;
  return (
    <div className="tab-banner" role="alert" data-testid={notice === 'reload' ? 'upgrade-banner' : 'storage-gone'}>
      <p>{TEXT[notice]}</p>
      <button type="button" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}
