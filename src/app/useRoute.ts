// The page's one router (created on first use) and the hook that re-renders a component when the route changes.
import { useSyncExternalStore } from 'react';
import { Router } from './router';
import type { Route } from './routes';

let router: Router | null = null;

export function appRouter(): Router {
  router ??= new Router(window);
  return router;
}

export function useRoute(): Route {
  const r = appRouter();
  return useSyncExternalStore(r.subscribe, r.get);
}
