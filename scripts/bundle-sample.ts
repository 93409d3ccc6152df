// Build step: puts the default MovieLens sample into public/data/ (or records that none is bundled).
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRelease, findRelease } from '../data/catalogue';
import { DataError, obtainRelease, projectRoot } from './movielens-cache';
import type { BundleManifest } from '../src/engine/movielens/manifest';

const outDir = join(projectRoot, 'public', 'data');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const manifest: BundleManifest = { datasets: [] };
try {
  const zip = await obtainRelease(defaultRelease, { log: (l) => console.log(`[sample] ${l}`), downloadTimeoutMs: 30_000 });
  const file = `${defaultRelease}.zip`;
  copyFileSync(zip, join(outDir, file));
  const release = findRelease(defaultRelease)!;
  manifest.datasets.push({ name: release.name, file: `data/${file}`, bytes: statSync(zip).size, ratings: release.ratings });
  console.log(`[sample] bundled ${file}`);
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  console.warn(`[sample] no MovieLens sample bundled; the app will ask for files.\n${e.message}`);
}
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
