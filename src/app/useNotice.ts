// One short notice at a time at the foot of the screen ("Hidden … Undo"): shown after an action, gone after a while.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export interface Notice {
  id: number;
  text: string;
  /** A button beside the text (Undo); the notice closes when it is pressed. */
  action?: { label: string; run: () => void | Promise<void> };
}

/** How long a notice stays (long enough to reach Undo with a keyboard or a screen reader). */
export const NOTICE_MS = 10_000;

export interface NoticeState {
  notice: Notice | null;
  show: (text: string, action?: Notice['action']) => void;
  dismiss: () => void;
  /** Keeps the notice while it is hovered or focused. */
  hold: (held: boolean) => void;
}

export function useNotice(): NoticeState {
  const [notice, setNotice] = useState<Notice | null>(null);
  const next = useRef(1);
  const held = useRef(false);
  const dismiss = useCallback(() => setNotice(null), []);
  const show = useCallback((text: string, action?: Notice['action']) => setNotice({ id: next.current++, text, action }), []);
  const hold = useCallback((h: boolean) => {
    held.current = h;
  }, []);
  useEffect(() => {
    if (!notice) return;
    const timer = setInterval(() => {
      if (!held.current) setNotice((n) => (n?.id === notice.id ? null : n));
    }, NOTICE_MS);
    return () => clearInterval(timer);
  }, [notice]);
  return useMemo(() => ({ notice, show, dismiss, hold }), [notice, show, dismiss, hold]);
}
