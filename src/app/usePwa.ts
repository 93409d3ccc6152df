// Service worker life: register through workbox-window, surface "offline ready" and "update ready", update on request.
import { useRegisterSW } from 'virtual:pwa-register/react';

export interface PwaState {
  offlineReady: boolean;
  needRefresh: boolean;
  /** Activates the waiting service worker and reloads into the new version. */
  update: () => void;
  dismiss: () => void;
}

export function usePwa(): PwaState {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError(error: unknown) {
      console.warn('PocketLens: service worker registration failed; the app works, but not offline', error);
    },
  });
  return {
    offlineReady,
    needRefresh,
    update: () => {
      // workbox-window reloads only pages that were already controlled when they loaded; a page from the
      // very first visit was not, so reload on the controller change ourselves.
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      void updateServiceWorker(true);
    },
    dismiss: () => {
      setOfflineReady(false);
      setNeedRefresh(false);
    },
  };
}
