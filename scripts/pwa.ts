// PWA settings for vite-plugin-pwa: the web app manifest and what the service worker precaches.
import type { VitePWAOptions } from 'vite-plugin-pwa';

export const THEME_COLOR = '#8a4b00';

export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt', // an update never reloads the page by itself (a training may be running)
  injectRegister: false, // registered from src/app/usePwa.ts through workbox-window, no inline script
  strategies: 'generateSW',
  manifest: {
    id: './',
    name: 'PocketLens — private movie recommendations',
    short_name: 'PocketLens',
    description: 'Movie recommendations computed entirely on your device from MovieLens data. No server, no account.',
    start_url: './',
    scope: './',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOR,
    background_color: '#f7f7f5',
    categories: ['entertainment', 'lifestyle'],
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    screenshots: [
      { src: 'screenshots/wide.png', sizes: '1440x900', type: 'image/png', form_factor: 'wide', label: 'Rate movies and get recommendations' },
      { src: 'screenshots/narrow.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: 'Recommendations on a phone' },
    ],
    shortcuts: [
      { name: 'Recommendations', short_name: 'For you', url: './#recommendations', icons: [{ src: 'icons/icon-192.png', sizes: '192x192' }] },
      { name: 'Rate movies', short_name: 'Rate', url: './#rate', icons: [{ src: 'icons/icon-192.png', sizes: '192x192' }] },
      { name: 'Search', short_name: 'Search', url: './#search', icons: [{ src: 'icons/icon-192.png', sizes: '192x192' }] },
    ],
  },
  workbox: {
    // The app shell, worker chunks, the ALS kernels' WebAssembly and the bundled sample dataset: a first visit then
    // offline still works.
    globPatterns: ['**/*.{js,css,html,svg,png,json,zip,webmanifest,wasm}'],
    globIgnores: ['**/*.map', 'screenshots/**'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // Take control of the page on first install, so a later update can hand over with a single reload.
    clientsClaim: true,
  },
};
