// Vite plugin: bundles src/app/theme/themeBoot.ts into one classic script and loads it first in <head>, so the chosen
// theme is on <html> before the first paint; a file, not inline code, because the CSP allows only 'self' scripts.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const ENTRY = fileURLToPath(new URL('../src/app/theme/themeBoot.ts', import.meta.url));
const DEV_PATH = '/theme-boot.js';

/** The boot script as one IIFE (theme.ts inlined), minified. */
export async function bundleThemeBoot(): Promise<string> {
  const out = await build({
    configFile: false,
    publicDir: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2020', lib: { entry: ENTRY, formats: ['iife'], name: 'pocketlensThemeBoot' } },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if ('output' in o) return o.output[0].code;
  }
  throw new Error('theme boot script: the bundler returned no code');
}

export function themeBoot(): Plugin {
  let src = DEV_PATH;
  let isBuild = false;
  return {
    name: 'pocketlens-theme-boot',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    async buildStart() {
      if (!isBuild) return;
      const code = await bundleThemeBoot();
      const fileName = `assets/theme-boot-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
      src = `./${fileName}`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_req, res, next) => {
        bundleThemeBoot().then((code) => {
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(code);
        }, next);
      });
    },
    transformIndexHtml() {
      return [{ tag: 'script', attrs: { src }, injectTo: 'head-prepend' }];
    },
  };
}
