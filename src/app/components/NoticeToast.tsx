// The notice at the foot of the screen: its text read out politely, an Undo button when the action can be undone.
import { useEffect, useRef } from 'react';
import type { NoticeState } from '../useNotice';
import './NoticeToast.css';

export function NoticeToast({ state }: { state: NoticeState }) {
  const { notice, dismiss, hold } = state;
  const action = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The control that was pressed may be gone (a hidden movie's row): focus goes to Undo rather than to the page.
    if (notice?.action && (document.activeElement === document.body || document.activeElement === null)) action.current?.focus();
  }, [notice]);
  return (
    // Always in the page (an empty live region while there is nothing to say), so what appears in it is read out.
    <div className={notice ? 'toast notice' : 'visually-hidden'} role="status" aria-live="polite" data-testid="notice" onMouseEnter={() => hold(true)} onMouseLeave={() => hold(false)} onFocus={() => hold(true)} onBlur={() => hold(false)}>
      {notice && (
        <>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              ref={action}
              onClick={() => {
                const run = notice.action!.run;
                dismiss();
                void run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="notice-close" aria-label="Close notice" onClick={dismiss}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
