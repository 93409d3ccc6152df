// "Update ready" and "offline ready" notices; an update waits for a running import or training to finish, and the
// "ready to work offline" notice waits for it to end so it never covers the progress (styles.css leaves room below
// the page for it). A job behind the library (the ranker's training) only holds the update back.
import type { PwaState } from '../usePwa';

export function PwaToast({ pwa, busy, behind = false }: { pwa: PwaState; busy: boolean; behind?: boolean }) {
  if (!pwa.needRefresh && (!pwa.offlineReady || busy)) return null;
  const waiting = busy || behind;
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="pwa-toast">
      {pwa.needRefresh ? (
        <>
          <span>{waiting ? 'A new version is ready; it can load when the current job finishes.' : 'A new version of PocketLens is ready.'}</span>
          <button type="button" onClick={pwa.update} disabled={waiting}>
            Reload
          </button>
          <button type="button" onClick={pwa.dismiss}>
            Later
          </button>
        </>
      ) : (
        <>
          <span>PocketLens is ready to work offline.</span>
          <button type="button" onClick={pwa.dismiss}>
            OK
          </button>
        </>
      )}
    </div>
  );
}
