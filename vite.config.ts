// Vite build for the app and its module workers; dev and preview send the same headers as production.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { isolationHeaders, productionHeaders } from './scripts/headers.ts';

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { headers: isolationHeaders },
  preview: { headers: productionHeaders },
});
