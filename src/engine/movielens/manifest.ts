// Shape of public/data/manifest.json: which MovieLens datasets the build bundled.
export interface BundledDataset {
  name: string;
  /** Path relative to the app's base URL. */
  file: string;
  bytes: number;
  ratings: number;
}

export interface BundleManifest {
  datasets: BundledDataset[];
}
