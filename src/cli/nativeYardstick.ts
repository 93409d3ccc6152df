// `bench als --native`: compiles ../shared/bench/native/cg_als.c with gcc and runs it on the benchmark's own ratings, as a CSV file.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RatingColumns } from '../engine/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the yardstick's source may be: beside the repository (CI: ../shared), above a worktree, or $POCKETLENS_NATIVE_DIR. */
export function nativeSource(): string | null {
  const dirs = [process.env.POCKETLENS_NATIVE_DIR, join(root, '..', 'shared', 'bench', 'native'), join(root, '..', '..', 'shared', 'bench', 'native')];
  for (const d of dirs) if (d && existsSync(join(d, 'cg_als.c'))) return resolve(d, 'cg_als.c');
  return null;
}

export interface NativeResult {
  coreSecondsPerMillion: number;
  trainRmse: number;
  compiler: string;
  source: string;
}

/** Writes the ratings once (1-based ids, user-major, as ratings.csv) under .cache/bench; returns the path. */
export function ratingsCsv(cols: RatingColumns, name: string): string {
  const dir = join(root, '.cache', 'bench');
  const file = join(dir, `${name}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, 'userId,movieId,rating,timestamp\n');
  const lines: string[] = [];
  for (let k = 0; k < cols.length; k++) {
    lines.push(`${cols.users[k] + 1},${cols.items[k] + 1},${cols.ratings[k]},0\n`);
    if (lines.length === 65_536) writeSync(fd, lines.splice(0).join(''));
  }
  writeSync(fd, lines.join(''));
  closeSync(fd);
  renameSync(tmp, file);
  return file;
}

/**
 * Compiles the yardstick (gcc -O3 -march=native -ffast-math, cached by source mtime) and runs it on `csv` at this
 * rank, iterations and CG steps. Returns null with the reason when gcc or the source is missing.
 */
export function runNative(csv: string, rank: number, iterations: number, cgSteps: number): NativeResult | { missing: string } {
  const source = nativeSource();
  if (!source) return { missing: 'cg_als.c not found (looked in ../shared/bench/native and $POCKETLENS_NATIVE_DIR)' };
  const flags = ['-O3', '-march=native', '-ffast-math'];
  const binDir = join(root, '.cache', 'bench', 'native');
  const bin = join(binDir, `cg_als-${Math.round(statSync(source).mtimeMs)}`);
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
  } catch {
    return { missing: 'gcc not found' };
  }
  if (!existsSync(bin)) {
    mkdirSync(binDir, { recursive: true });
    execFileSync('gcc', [...flags, '-o', bin, source, '-lm']);
  }
  const out = execFileSync(bin, [csv, String(rank), String(iterations), String(cgSteps)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { coreSecondsPerMillion: number; trainRmse: number };
  return { coreSecondsPerMillion: r.coreSecondsPerMillion, trainRmse: r.trainRmse, compiler: `gcc ${flags.join(' ')}`, source };
}
