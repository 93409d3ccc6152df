// `cli synth`: writes a seeded MovieLens-shaped release (ratings.csv, movies.csv, links.csv), loose or zipped, streaming to disk.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { checkSynthOptions, SYNTH_DEFAULTS, synthLinksCsv, synthMoviesCsv, synthRatingsCsv, type SynthReleaseOptions } from '../../engine/movielens/synthRelease';
import { ml25mShape } from '../../engine/benchRatings';
import { parseOptions, UsageError, type OptionSpecs } from '../args';

export const usage = `synth --ratings N [--users U] [--movies M] --out DIR [--zip] [--seed S] [--rank R]
       (ml-25m size: --ratings 25000095 --users 162541 --movies 62423)`;

export interface SynthResult {
  files: string[];
  bytes: number;
  ratingsCsvBytes: number;
  seconds: number;
}

/** Writes the release; with `zip`, one GroupLens-style DIR/<name>.zip holding <name>/ratings.csv etc. */
export function writeSynthRelease(opts: SynthReleaseOptions, out: string, zip: boolean, log: (line: string) => void = () => {}): SynthResult {
  checkSynthOptions(opts);
  const t0 = performance.now();
  mkdirSync(out, { recursive: true });
  const name = basename(resolve(out));
  let ratingsCsvBytes = 0;
  let nextReport = 0.05;
  const ratings = function* () {
    for (const chunk of synthRatingsCsv(opts)) {
      ratingsCsvBytes += chunk.length;
      yield chunk;
      const done = ratingsCsvBytes / (opts.ratings * 27.5); // about 27.5 bytes a line at ml-25m size
      if (done >= nextReport) {
        log(`ratings.csv: ${(ratingsCsvBytes / 1e6).toFixed(0)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        nextReport += 0.05;
      }
    }
  };
  const texts: [string, () => string][] = [
    ['movies.csv', () => synthMoviesCsv(opts.movies)],
    ['links.csv', () => synthLinksCsv(opts.movies)],
  ];
  let bytes = 0;
  const files: string[] = [];
  if (!zip) {
    const write = (file: string, chunks: Iterable<Uint8Array>) => {
      const fd = openSync(join(out, file), 'w');
      try {
        for (const c of chunks) bytes += writeSync(fd, c);
      } finally {
        closeSync(fd);
      }
      files.push(join(out, file));
    };
    write('ratings.csv', ratings());
    for (const [file, text] of texts) write(file, [strToU8(text())]);
  } else {
    const path = join(out, `${name}.zip`);
    const fd = openSync(path, 'w');
    try {
      const archive = new Zip((err, data) => {
        if (err) throw err;
        bytes += writeSync(fd, data);
      });
      const add = (file: string, chunks: Iterable<Uint8Array>) => {
        const entry = new ZipDeflate(`${name}/${file}`, { level: 1 });
        archive.add(entry);
        for (const c of chunks) entry.push(c);
        entry.push(new Uint8Array(0), true);
      };
      for (const [file, text] of texts) add(file, [strToU8(text())]);
      add('ratings.csv', ratings());
      archive.end();
    } finally {
      closeSync(fd);
    }
    files.push(path);
  }
  return { files, bytes, ratingsCsvBytes, seconds: (performance.now() - t0) / 1000 };
}

export const options = {
  ratings: { kind: 'number', range: { min: 1, max: 100_000_000, integer: true }, help: 'ratings to write (ml-32m has 32,000,204)' },
  users: { kind: 'number', range: { min: 1, max: 999_999_999, integer: true }, help: 'people (default: ratings / 154, as ml-25m)' },
  movies: { kind: 'number', range: { min: 1, max: 333_333_333, integer: true }, help: 'movies (default: ratings / 400, as ml-25m)' },
  out: { kind: 'text', arg: 'DIR', help: 'folder to write into' },
  zip: { kind: 'flag', help: 'write one GroupLens-style zip instead of loose files' },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed (default ${SYNTH_DEFAULTS.seed})` },
  rank: { kind: 'number', range: { min: 1, max: 64, integer: true }, help: `rank of the planted taste (default ${SYNTH_DEFAULTS.rank})` },
} as const satisfies OptionSpecs;

export function run(args: string[]): void {
  const { values } = parseOptions(args, options, false);
  if (values.ratings === undefined) throw new UsageError('expected --ratings N');
  if (!values.out) throw new UsageError('expected --out DIR');
  const ratings = values.ratings;
  // Defaults keep ml-25m's proportions: 154 ratings per user, 400 per movie.
  const shape = ml25mShape(ratings);
  const opts: SynthReleaseOptions = {
    ratings,
    users: values.users ?? shape.users,
    movies: values.movies ?? shape.movies,
    seed: values.seed ?? SYNTH_DEFAULTS.seed,
    rank: values.rank ?? SYNTH_DEFAULTS.rank,
  };
  const r = writeSynthRelease(opts, values.out, values.zip ?? false, (line) => process.stderr.write(`${line}\n`));
  console.log(
    `wrote ${r.files.join(', ')}: ${opts.ratings.toLocaleString('en')} ratings by ${opts.users.toLocaleString('en')} users of ${opts.movies.toLocaleString('en')} movies, ` +
      `ratings.csv ${(r.ratingsCsvBytes / 1e6).toFixed(1)} MB, ${(r.bytes / 1e6).toFixed(1)} MB on disk, ${r.seconds.toFixed(1)} s (seed ${opts.seed})`,
  );
}
