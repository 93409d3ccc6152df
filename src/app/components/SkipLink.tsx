// "Skip to recommendations": the page's first focusable element; it shows the For you screen and puts focus on the
// first recommendation's title (or the list's heading while the list is empty), so the list is one Tab and Enter away.
import { appRouter } from '../useRoute';

const WAIT_FRAMES = 120;

export function skipToRecommendations(): void {
  appRouter().show('recommend');
  let frames = 0;
  const tick = () => {
    const first = document.querySelector<HTMLElement>('[data-testid="recommendations"] li .title-link');
    const heading = document.getElementById('recs-h');
    const target = first ?? heading;
    if (!target || (!first && frames < WAIT_FRAMES / 4)) {
      // The screen is switching or the list is on its way: look again next frame (about two seconds at most).
      if (frames++ < WAIT_FRAMES) requestAnimationFrame(tick);
      return;
    }
    if (target === heading) heading.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
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
