// MovieLens-shaped zips for e2e imports: a planted low-rank release in a folder named like the release, as GroupLens ships it.
import { strToU8, zipSync } from 'fflate';
import { plantedLowRank } from '../../src/engine/synth';
import { writeRelease } from '../../src/engine/movielens/writeRelease';

export interface SynthZipOptions {
  users: number;
  /** Movies (default 120). */
  items?: number;
  /** Planted taste dimensions (default 3). */
  rank?: number;
  /** Share of (user, movie) pairs rated (default 0.3). */
  density?: number;
  seed: number;
}

export interface SynthZip {
  /** Ready for setInputFiles: `${name}.zip` holding `${name}/ratings.csv`, `movies.csv`, `links.csv`. */
  file: { name: string; mimeType: string; buffer: Buffer };
  ratings: number;
  /** Length of ratings.csv in characters. */
  ratingsText: number;
}

export function synthZip(name: string, o: SynthZipOptions): SynthZip {
  const synth = plantedLowRank({ users: o.users, items: o.items ?? 120, rank: o.rank ?? 3, density: o.density ?? 0.3, noise: 0.3, seed: o.seed, clamp: true });
  const r = writeRelease(synth.columns, synth.nItems);
  const zip = zipSync(Object.fromEntries(Object.entries(r).map(([f, text]) => [`${name}/${f}`, strToU8(text)])));
  return { file: { name: `${name}.zip`, mimeType: 'application/zip', buffer: Buffer.from(zip) }, ratings: synth.columns.length, ratingsText: r['ratings.csv'].length };
}
