// Obtains a MovieLens release zip (from $MOVIELENS_DIR, the local cache or GroupLens), verifies it and caches it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { findRelease, releases, type Release } from '../data/catalogue';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(projectRoot, '.cache', 'movielens');

/** Where a zip may already sit: $MOVIELENS_DIR first, then the workplace's shared data folder beside the checkout. */
function localCandidates(name: string): string[] {
  const dirs = [process.env.MOVIELENS_DIR, join(projectRoot, '..', 'shared', 'data', 'movielens')].filter(
    (d): d is string => !!d,
  );
  return dirs.map((d) => join(resolve(d), `${name}.zip`));
}

export class DataError extends Error {}

/** Checks every catalogued inner file: present, right size, right SHA-256. Returns the problems found. */
export function verifyZip(release: Release, zip: Uint8Array): string[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (e) {
    return [`not a readable zip (${(e as Error).message})`];
  }
  const byBase = new Map<string, Uint8Array>();
  for (const [path, bytes] of Object.entries(entries)) byBase.set(path.split('/').pop() ?? path, bytes);
  const problems: string[] = [];
  for (const f of release.files) {
    const bytes = byBase.get(f.name);
    if (!bytes) {
      problems.push(`${f.name}: missing`);
      continue;
    }
    if (f.bytes !== undefined && bytes.length !== f.bytes) problems.push(`${f.name}: ${bytes.length} bytes, expected ${f.bytes}`);
    if (f.sha256) {
      const sum = createHash('sha256').update(bytes).digest('hex');
      if (sum !== f.sha256) problems.push(`${f.name}: SHA-256 ${sum}, expected ${f.sha256}`);
    }
  }
  return problems;
}

async function download(url: string, timeoutMs: number): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new DataError(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export interface ObtainOptions {
  log?: (line: string) => void;
  downloadTimeoutMs?: number;
}

/** Returns the path of a verified, cached zip of the release, or throws DataError saying every source tried. */
export async function obtainRelease(name: string, opts: ObtainOptions = {}): Promise<string> {
  const log = opts.log ?? (() => {});
  const release = findRelease(name);
  if (!release) {
    throw new DataError(`unknown release "${name}"; known: ${releases.map((r) => r.name).join(', ')}`);
  }
  const target = join(cacheDir, `${name}.zip`);
  const tried: string[] = [];
  const accept = (bytes: Uint8Array, from: string): boolean => {
    const problems = verifyZip(release, bytes);
    if (problems.length) {
      tried.push(`${from}: ${problems.join('; ')}`);
      return false;
    }
    if (from !== target) {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(`${target}.part`, bytes);
      renameSync(`${target}.part`, target);
    }
    log(`${name}: verified ${release.files.length} files from ${from}`);
    return true;
  };

  for (const path of [target, ...localCandidates(name)]) {
    if (!existsSync(path)) continue;
    if (accept(new Uint8Array(readFileSync(path)), path)) return target;
  }
  try {
    log(`${name}: downloading ${release.url}`);
    if (accept(await download(release.url, opts.downloadTimeoutMs ?? 60_000), release.url)) return target;
  } catch (e) {
    tried.push(`${release.url}: ${(e as Error).message}`);
  }
  throw new DataError(`could not obtain ${name}:\n  ${tried.join('\n  ') || 'no source found'}`);
}
