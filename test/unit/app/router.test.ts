// The History API router over an in-memory history that behaves as a browser's: push truncates Forward, traversal fires
// popstate later. Back and Forward move between screens and panels, Close and deep links never leave the app.
import { expect, test } from 'vitest';
import { Router, type RouterWindow } from '../../../src/app/router';
import { parseRoute, routeHash } from '../../../src/app/routes';

/** A browser-like session history: entries (state, url), a cursor, popstate after go() as a task. */
class FakeWindow implements RouterWindow {
  entries: { state: unknown; url: string }[];
  index = 0;
  private pops = new Set<() => void>();
  constructor(url = '/') {
    this.entries = [{ state: null, url }];
  }
  get location() {
    const url = new URL(this.entries[this.index].url, 'https://pocketlens.test');
    return { hash: url.hash, pathname: url.pathname, search: url.search };
  }
  history = {
    get state() {
      return win().entries[win().index].state;
    },
    pushState: (state: unknown, _: string, url: string) => {
      this.entries = [...this.entries.slice(0, this.index + 1), { state: structuredClone(state), url }];
      this.index++;
    },
    replaceState: (state: unknown, _: string, url: string) => {
      this.entries[this.index] = { state: structuredClone(state), url };
    },
    go: (delta: number) => {
      const to = this.index + delta;
      if (to < 0) throw new Error('left the app');
      if (to >= this.entries.length) return;
      this.index = to;
      setTimeout(() => this.pops.forEach((p) => p()), 0);
    },
  };
  /** A link or typed address: a new entry with no state, then popstate (as a fragment navigation does). */
  followFragment(hash: string) {
    this.entries = [...this.entries.slice(0, this.index + 1), { state: null, url: `/${hash}` }];
    this.index++;
    this.pops.forEach((p) => p());
  }
  addEventListener(_: 'popstate', l: () => void) {
    this.pops.add(l);
  }
  removeEventListener(_: 'popstate', l: () => void) {
    this.pops.delete(l);
  }
}
let current: FakeWindow;
const win = () => current;
const settle = () => new Promise((r) => setTimeout(r, 5));
const back = async (w: FakeWindow) => (w.history.go(-1), settle());
const forward = async (w: FakeWindow) => (w.history.go(1), settle());
const hashes = (w: FakeWindow) => w.entries.map((e) => new URL(e.url, 'https://x').hash);

function start(url = '/') {
  current = new FakeWindow(url);
  return { w: current, r: new Router(current) };
}

test('routes: every screen and a movie id round-trip through their hash; bad ids parse as NaN; shortcuts show For you', () => {
  for (const view of ['recommend', 'ratings', 'lab', 'data'] as const) {
    expect(parseRoute(routeHash({ view, movie: null }), null)).toEqual({ view, movie: null });
    expect(parseRoute(routeHash({ view, movie: 2571 }), { view, depth: 1 })).toEqual({ view, movie: 2571 });
  }
  expect(routeHash({ view: 'recommend', movie: null })).toBe('');
  expect(routeHash({ view: 'lab', movie: 2571 })).toBe('#movie/2571');
  expect(parseRoute('#movie/2571', null)).toEqual({ view: 'recommend', movie: 2571 });
  for (const bad of ['#movie/abc', '#movie/', '#movie/0', '#movie/-3', '#movie/12.5', '#movie/25712571257']) expect(parseRoute(bad, null).movie).toBeNaN();
  for (const shortcut of ['#search', '#rate', '#recommendations', '#nonsense', '']) expect(parseRoute(shortcut, null)).toEqual({ view: 'recommend', movie: null });
  // A state from elsewhere (another app, an older build) is not trusted for the screen.
  expect(parseRoute('#movie/1', { view: 'settings', depth: 1 }).view).toBe('recommend');
  expect(parseRoute('#movie/1', { view: 'ratings', depth: -1 }).view).toBe('recommend');
});

test('screens are entries: Back and Forward walk them; showing the current screen adds nothing', async () => {
  const { w, r } = start();
  r.show('ratings');
  r.show('ratings');
  r.show('lab');
  expect(hashes(w)).toEqual(['', '#ratings', '#lab']);
  await back(w);
  expect(r.get()).toEqual({ view: 'ratings', movie: null });
  await back(w);
  expect(r.get()).toEqual({ view: 'recommend', movie: null });
  await forward(w);
  expect(r.get()).toEqual({ view: 'ratings', movie: null });
  // A new screen after Back drops the old Forward entries, as a browser does.
  r.show('data');
  expect(hashes(w)).toEqual(['', '#ratings', '#data']);
});

test('a panel opened over My ratings: Back closes it and My ratings stays; Forward reopens it', async () => {
  const { w, r } = start();
  r.show('ratings');
  const seen: string[] = [];
  r.subscribe(() => seen.push(`${r.get().view}:${r.get().movie}`));
  r.open(2571);
  expect(w.location.hash).toBe('#movie/2571');
  expect(r.get()).toEqual({ view: 'ratings', movie: 2571 });
  await back(w);
  expect(r.get()).toEqual({ view: 'ratings', movie: null });
  await forward(w);
  expect(r.get()).toEqual({ view: 'ratings', movie: 2571 });
  expect(seen).toEqual(['ratings:2571', 'ratings:null', 'ratings:2571']);
});

test('similar movies stack entries: Back returns to the previous movie, Close goes back past all of them in one step', async () => {
  const { w, r } = start();
  r.show('lab');
  r.open(1);
  r.open(2);
  r.open(3);
  expect(hashes(w)).toEqual(['', '#lab', '#movie/1', '#movie/2', '#movie/3']);
  await back(w);
  expect(r.get()).toEqual({ view: 'lab', movie: 2 });
  r.close();
  await settle();
  expect(r.get()).toEqual({ view: 'lab', movie: null });
  expect(w.index).toBe(1);
  expect(w.location.hash).toBe('#lab');
  // Opening the same movie again is no new entry.
  r.open(7);
  r.open(7);
  expect(hashes(w)).toEqual(['', '#lab', '#movie/7']);
});

test('a deep link after a reload: the panel shows over For you; Close replaces the entry and never leaves the app', async () => {
  const { w, r } = start('/#movie/2571');
  expect(r.get()).toEqual({ view: 'recommend', movie: 2571 });
  expect(w.history.state).toEqual({ view: 'recommend', depth: 0 });
  r.open(858); // a similar movie from the deep-linked panel
  r.close(); // back over 858, then the deep link's own entry becomes the screen
  await settle();
  expect(r.get()).toEqual({ view: 'recommend', movie: null });
  expect(w.index).toBe(0);
  expect(hashes(w)).toEqual(['', '#movie/858']);
  // Closing a lone deep link: no traversal at all (go(-1) would have left the app).
  const again = start('/#movie/2571');
  again.r.close();
  expect(again.r.get()).toEqual({ view: 'recommend', movie: null });
  expect(again.w.entries).toHaveLength(1);
});

test('a reload keeps the screen under the panel (the entry keeps its state); shortcut hashes are kept as they are', () => {
  const { w, r } = start();
  r.show('data');
  r.open(50);
  const reloaded = new Router(w); // same entry, same state, as after location.reload()
  expect(reloaded.get()).toEqual({ view: 'data', movie: 50 });
  const shortcut = start('/#search');
  expect(shortcut.r.get()).toEqual({ view: 'recommend', movie: null });
  expect(shortcut.w.location.hash).toBe('#search');
});

test('a typed or linked #movie/… opens over the screen showing; Close then returns to that screen', async () => {
  const { w, r } = start();
  r.show('ratings');
  w.followFragment('#movie/318');
  expect(r.get()).toEqual({ view: 'ratings', movie: 318 });
  r.close();
  expect(r.get()).toEqual({ view: 'ratings', movie: null });
  expect(w.location.hash).toBe('#ratings');
  w.followFragment('#lab');
  expect(r.get()).toEqual({ view: 'lab', movie: null });
});
