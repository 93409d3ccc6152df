// "Skip to recommendations": the page's first focusable element; it shows the For you screen and puts focus on the
// first recommendation's title (or the list's heading while the list is empty), so the list is one Tab and Enter away.
import { appRouter } from '../useRoute';

/** How long (animation frames, about 3 s) to wait for the list's first row after switching screens. */
const WAIT_FRAMES = 180;

export function skipToRecommendations(): void {
  appRouter().show('recommend');
  let frames = 0;
  const tick = () => {
    const first = document.querySelector<HTMLElement>('[data-testid="recommendations"] li .title-link');
    // The screen is switching or the list is on its way: look again next frame; an empty list gets its heading.
    if (!first && frames++ < WAIT_FRAMES) {
      requestAnimationFrame(tick);
      return;
    }
    const heading = document.getElementById('recs-h');
    if (!first && heading) heading.tabIndex = -1;
    const target = first ?? heading;
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'center' });
  };
  tick();
}

export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#recommendations"
      onClick={(e) => {
        e.preventDefault();
        skipToRecommendations();
      }}
    >
      Skip to recommendations
    </a>
  );
}
