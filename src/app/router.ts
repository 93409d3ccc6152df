// The History API router: every screen and movie panel is a history entry, so Back, Forward, reload and links work.
import { isRouteState, parseRoute, routeHash, type Route, type RouteState } from './routes';
import type { View } from './useView';

/** The parts of `window` the router uses (a test passes an in-memory history). */
export interface RouterWindow {
  readonly history: Pick<History, 'state' | 'pushState' | 'replaceState' | 'go'>;
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

export class Router {
  private route: Route;
  private readonly listeners = new Set<() => void>();
  /** Set while Close walks back over the panels the app opened; the entry it lands on shows the screen. */
  private closing = false;

  constructor(private readonly win: RouterWindow) {
    this.route = parseRoute(win.location.hash, win.history.state);
    // Stamp the entry the page arrived on (a deep link has no state), keeping its address: #search stays #search.
    if (!isRouteState(win.history.state)) this.write('replace', { view: this.route.view, depth: 0 }, win.location.hash);
    win.addEventListener('popstate', this.onPop);
  }

  readonly get = (): Route => this.route;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    this.win.removeEventListener('popstate', this.onPop);
  }

  /** Shows a screen as a new history entry (nothing when it is already showing with no panel over it). */
  show(view: View): void {
    if (view === this.route.view && this.route.movie === null) return;
    this.set({ view, movie: null }, 'push', 0);
  }

  /** Opens a movie's panel over the current screen as a new entry (from inside a panel: one more entry, Back returns). */
  open(movieId: number): void {
    if (movieId === this.route.movie) return;
    this.set({ view: this.route.view, movie: movieId }, 'push', this.route.movie === null ? 1 : this.depth() + 1);
  }

  /** Closes the panel: back over every panel entry the app opened, or (a deep link) replaces the entry with its screen. */
  close(): void {
    if (this.route.movie === null) return;
    const depth = this.depth();
    if (depth > 0) {
      this.closing = true;
      this.win.history.go(-depth);
    } else {
      this.set({ view: this.route.view, movie: null }, 'replace', 0);
    }
  }

  private depth(): number {
    const s = this.win.history.state;
    return isRouteState(s) ? s.depth : 0;
  }

  private readonly onPop = (): void => {
    const state: unknown = this.win.history.state;
    // An entry the page did not make (a typed #hash, a plain link): a panel opens over the screen showing now.
    const known = isRouteState(state);
    let next = parseRoute(this.win.location.hash, known ? state : { view: this.route.view, depth: 0 });
    if (!known) this.write('replace', { view: next.view, depth: 0 }, this.win.location.hash);
    if (this.closing) {
      this.closing = false;
      if (next.movie !== null) {
        next = { view: next.view, movie: null };
        this.write('replace', { view: next.view, depth: 0 }, routeHash(next));
      }
    }
    this.update(next);
  };

  private set(route: Route, how: 'push' | 'replace', depth: number): void {
    this.write(how, { view: route.view, depth }, routeHash(route));
    this.update(route);
  }

  private write(how: 'push' | 'replace', state: RouteState, hash: string): void {
    const url = `${this.win.location.pathname}${this.win.location.search}${hash}`;
    if (how === 'push') this.win.history.pushState(state, '', url);
    else this.win.history.replaceState(state, '', url);
  }

  private update(route: Route): void {
    if (route.view === this.route.view && Object.is(route.movie, this.route.movie)) return;
    this.route = route;
    for (const l of this.listeners) l();
  }
}

