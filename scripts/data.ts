// `npm run data -- <release>`: fetch or copy a MovieLens release into the cache and verify its checksums.
import { defaultRelease, releases } from '../data/catalogue';
import { DataError, obtainRelease } from './movielens-cache';

const name = process.argv[2] ?? defaultRelease;
if (name === '--list') {
  for (const r of releases) console.log(`${r.name.padEnd(16)} ${String(r.ratings).padStart(11)} ratings  ${r.url}`);
  process.exit(0);
}
try {
  const path = await obtainRelease(name, { log: (l) => console.log(l) });
  console.log(path);
} catch (e) {
  if (e instanceof DataError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
