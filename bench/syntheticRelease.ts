// The benchmarks' synthetic MovieLens releases: ml-25m-shaped, generated once per size under .cache/bench (git-ignored).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSynthRelease } from '../src/cli/commands/synthCommand';
import { SYNTH_DEFAULTS, type SynthReleaseOptions } from '../src/engine/movielens/synthRelease';
import { root } from '../test/e2e/harness';

/** ml-25m's proportions (25,000,095 ratings, 162,541 users, 62,423 movies); exactly those at that size. */
export function ml25mShapedRelease(ratings: number, asGiven: unknown = ratings): SynthReleaseOptions {
  if (!Number.isInteger(ratings) || ratings < 1000) throw new Error(`--ratings expects a whole number of at least 1000, got ${String(asGiven)}`);
  const movies = ratings === 25_000_095 ? 62_423 : Math.max(100, Math.round((ratings * 62_423) / 25_000_095));
  const users = ratings === 25_000_095 ? 162_541 : Math.max(Math.ceil((2 * ratings) / movies), Math.round((ratings * 162_541) / 25_000_095));
  return { ratings, users, movies, seed: SYNTH_DEFAULTS.seed };
}

/** Generates the release once per size under .cache/bench (git-ignored) and reuses it afterwards. */
export function ensureRelease(opts: SynthReleaseOptions, zip: boolean): { files: string[]; ratingsCsvBytes: number; generatedSeconds: number | null } {
  const dir = join(root, '.cache', 'bench', `ml-synth-${opts.ratings}${zip ? '-zip' : ''}`);
  const marker = join(dir, 'release.json');
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as { opts: SynthReleaseOptions; files: string[]; ratingsCsvBytes: number };
    if (JSON.stringify(saved.opts) === JSON.stringify(opts) && saved.files.every((f) => existsSync(f))) return { ...saved, generatedSeconds: null };
  }
  const r = writeSynthRelease(opts, dir, zip, (line) => process.stderr.write(`synth ${line}\n`));
  writeFileSync(marker, JSON.stringify({ opts, files: r.files, ratingsCsvBytes: r.ratingsCsvBytes }));
  return { files: r.files, ratingsCsvBytes: r.ratingsCsvBytes, generatedSeconds: +r.seconds.toFixed(1) };
}

