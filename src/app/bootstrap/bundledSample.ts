// The sample this build bundles (public/data/manifest.json), or null when there is none or it cannot be read.
import type { BundleManifest, BundledDataset } from '../../engine/movielens/manifest';

export async function bundledSample(): Promise<BundledDataset | null> {
  try {
    const res = await fetch(new URL('data/manifest.json', document.baseURI));
    if (!res.ok) return null;
    const manifest = (await res.json()) as BundleManifest;
    return manifest.datasets[0] ?? null;
  } catch {
    return null;
  }
}
