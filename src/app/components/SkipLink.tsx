// The page's first focusable element. On For you, "Skip to recommendations" puts focus on the first recommendation's
// title (or the list's heading when the list is empty), so the list is one Tab and Enter away; on the other screens,
// "Skip to main content" moves focus to the screen, past the header and the navigation.
import { appRouter, useRoute } from '../useRoute';

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

function skipToScreen(): void {
  document.getElementById('screen')?.focus();
}

export function SkipLink() {
  const { view } = useRoute();
  const list = view === 'recommend';
  return (
    <a
      className="skip-link"
      href={list ? '#recommendations' : '#screen'}
      onClick={(e) => {
        e.preventDefault();
        if (list) skipToRecommendations();
        else skipToScreen();
      }}
    >
      {list ? 'Skip to recommendations' : 'Skip to main content'}
    </a>
  );
}
