// Vite build for the app, its module workers and the service worker; dev and preview send the production headers.
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { isolationHeaders, netlifyHeadersFile, productionHeaders } from './scripts/headers.ts';
import { pwaOptions } from './scripts/pwa.ts';
import { themeBoot } from './scripts/themeBoot.ts';

/** Writes dist/_headers for Netlify from the one header list in scripts/headers.ts. */
function netlifyHeaders(): Plugin {
  return {
    name: 'pocketlens-netlify-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: netlifyHeadersFile() });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), VitePWA(pwaOptions), netlifyHeaders(), themeBoot()],
  define: {
    __APP_VERSION__: JSON.stringify((JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version),
    __BUILD_LABEL__: JSON.stringify(process.env.POCKETLENS_BUILD_LABEL ?? ''),
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { headers: isolationHeaders },
  preview: { headers: productionHeaders },
});
