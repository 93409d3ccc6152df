// The movie panel's frame: a modal dialog on desktop, a full-screen sheet on phones. Close sits at the top (sticky);
// Esc, a tap on the backdrop or a swipe down close it too; Tab stays inside; focus returns where it was.
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type TouchEvent } from 'react';
import './MovieSheet.css';

/** How far (px) a downward swipe must travel to close the sheet; a shorter one springs back. */
const SWIPE_CLOSE_PX = 90;
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function MovieSheet(props: { labelledBy: string; onClose: () => void; children: ReactNode }) {
  const { onClose } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const swipe = useRef<{ y0: number; dy: number } | null>(null);

  useEffect(() => {
    const d = dialog.current;
    // Where focus was when the panel opened (the title the person activated); a deep link has none.
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
      const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('nav[aria-label="Screens"] [aria-current="page"]');
      back?.focus({ preventScroll: Boolean(opener?.isConnected) });
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    // Keep Tab inside the sheet (a modal dialog alone lets it reach the browser's own controls).
    const items = Array.from(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []).filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const setOffset = (px: number) => {
    const d = dialog.current;
    if (!d) return;
    d.style.transform = px > 0 ? `translateY(${px}px)` : '';
    d.classList.toggle('dragging', px > 0);
  };
  const onTouchStart = (e: TouchEvent<HTMLDialogElement>) => {
    // A swipe closes only from the top of the sheet; further down, the finger scrolls its content.
    swipe.current = e.touches.length === 1 && (dialog.current?.scrollTop ?? 0) <= 0 ? { y0: e.touches[0].clientY, dy: 0 } : null;
  };
  const onTouchMove = (e: TouchEvent<HTMLDialogElement>) => {
    const s = swipe.current;
    if (!s) return;
    s.dy = e.touches[0].clientY - s.y0;
    setOffset(Math.max(0, s.dy));
  };
  const onTouchEnd = () => {
    const s = swipe.current;
    swipe.current = null;
    setOffset(0);
    if (s && s.dy >= SWIPE_CLOSE_PX) onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="movie-panel sheet"
      aria-labelledby={props.labelledBy}
      data-testid="movie-panel"
      onCancel={(e) => {
        e.preventDefault(); // Esc: close through the router, so the history entry goes too
        onClose();
      }}
      onClick={(e) => e.target === dialog.current && onClose()}
      onKeyDown={onKeyDown}
      onTouchStart={onTouchStart}
      onTouchMove={onTouchMove}
      onTouchEnd={onTouchEnd}
      onTouchCancel={onTouchEnd}
    >
      <div className="sheet-body">
        <div className="sheet-bar">
          <span className="sheet-grip" aria-hidden="true" />
          <button type="button" className="sheet-close" onClick={onClose}>
            Close
          </button>
        </div>
        {props.children}
      </div>
    </dialog>
  );
}
