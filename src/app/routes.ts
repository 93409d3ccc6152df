// What a URL hash shows: a screen ('' For you, #ratings, #lab, #data), or a movie's panel over one (#movie/2571).
import { viewHash, viewOf, type View } from './useView';

export interface Route {
  view: View;
  /** The open movie panel's MovieLens id; NaN when the hash names no valid id (#movie/abc); null when none is open. */
  movie: number | null;
}

/** What the page keeps in history.state for each of its entries. */
export interface RouteState {
  /** The screen under the panel (a #movie/… hash does not say which). */
  view: View;
  /** How many movie panels the app opened on top of the screen entry, counting this one (0: a screen, or a deep link). */
  depth: number;
}

const MOVIE = /^#movie\/(.*)$/;

/** The route a hash names; a movie's screen comes from the entry's state (a deep link with no state: For you). */
export function parseRoute(hash: string, state: unknown): Route {
  const m = MOVIE.exec(hash);
  if (!m) return { view: viewOf(hash), movie: null };
  const id = /^[1-9]\d{0,9}$/.test(m[1]) ? Number(m[1]) : NaN;
  return { view: isRouteState(state) ? state.view : 'recommend', movie: id };
}

export function movieHash(movieId: number): string {
  return `#movie/${movieId}`;
}

/** The hash a route is written as. */
export function routeHash(route: Route): string {
  return route.movie === null ? viewHash(route.view) : movieHash(route.movie);
}

export function isRouteState(s: unknown): s is RouteState {
  if (typeof s !== 'object' || s === null) return false;
  const r = s as Partial<RouteState>;
  return typeof r.view === 'string' && viewOf(`#${r.view}`) === r.view && Number.isInteger(r.depth) && (r.depth ?? -1) >= 0;
}
