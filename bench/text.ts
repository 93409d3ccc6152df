// Benchmark: each title function on adversarial strings up to 1 MB, now (one-pass scanners) and before (the backtracking patterns, test/textReference.ts), as JSON with the time ratio per doubling (≈ 2 linear, ≈ 4 quadratic).
import { loadavg } from 'node:os';
import { movieLensNames, splitSubtitles, titleKey } from '../src/engine/externalRatingsMatch';
import { splitTitle } from '../src/engine/movielens/textCsv';
import { searchKey } from '../src/engine/movielens/titleSearch';
import { displayTitle, normalizeForSearch } from '../src/engine/movielens/titles';
import { regexDisplayTitle, regexMovieLensNames, regexSplitSubtitles, regexSplitTitle } from '../test/textReference';

const MiB = 1 << 20;

/** The shapes, each stretched to `n` characters. */
const SHAPES: Record<string, (n: number) => string> = {
  'article-paren (", The (x" repeated)': (n) => ', The (x'.repeat(Math.ceil(n / 8)).slice(0, n),
  'spaces ("a" + spaces + "b")': (n) => `a${' '.repeat(n - 2)}b`,
  'combining marks (a + U+0301 U+0316…)': (n) => `a${'\u0301\u0316'.repeat(Math.ceil((n - 1) / 2))}`.slice(0, n),
  'alternative titles ("(x) " repeated)': (n) => `Heat${' (x)'.repeat(Math.ceil(n / 4))}`.slice(0, n),
};

type Fn = (s: string) => unknown;
const NOW: Record<string, Fn> = {
  displayTitle,
  splitTitle,
  movieLensNames,
  splitSubtitles,
  normalizeForSearch,
  searchKey: (s) => searchKey(s, 1995),
  titleKey,
};
/** Before: the patterns that were in the source; normalizeForSearch had no cap on combining marks. */
const BEFORE: Record<string, Fn> = {
  displayTitle: regexDisplayTitle,
  splitTitle: regexSplitTitle,
  movieLensNames: (s) => regexMovieLensNames(s),
  splitSubtitles: regexSplitSubtitles,
  normalizeForSearch: (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim(),
};

/** Best of three, milliseconds. */
function time(f: Fn, s: string): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    f(s);
    best = Math.min(best, performance.now() - t0);
  }
  return +best.toFixed(2);
}

/** Times `f` at doubling sizes up to `max`, stopping once one call passes `budgetMs` (the quadratic ones). */
function series(f: Fn, shape: (n: number) => string, from: number, max: number, budgetMs: number): { chars: number; ms: number }[] {
  const out: { chars: number; ms: number }[] = [];
  for (let n = from; n <= max; n *= 2) {
    const ms = time(f, shape(n));
    out.push({ chars: n, ms });
    if (ms > budgetMs) break;
  }
  return out;
}

const ratio = (s: { ms: number }[]) => (s.length >= 2 && s[s.length - 2].ms > 0.5 ? +(s[s.length - 1].ms / s[s.length - 2].ms).toFixed(2) : null);

export async function benchText(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown>[] = [];
  for (const [shapeName, shape] of Object.entries(SHAPES)) {
    for (const [fn, f] of Object.entries(NOW)) {
      const now = series(f, shape, 128 * 1024, MiB, Infinity);
      const before = BEFORE[fn] ? series(BEFORE[fn], shape, 8 * 1024, MiB, 2000) : null;
      results.push({
        shape: shapeName,
        fn,
        nowMsAt1MiB: now[now.length - 1].ms,
        nowRatioPerDoubling: ratio(now),
        before: before && { lastChars: before[before.length - 1].chars, lastMs: before[before.length - 1].ms, ratioPerDoubling: ratio(before) },
      });
    }
  }
  return { bench: 'text', note: 'ratio per doubling: about 2 is linear, about 4 quadratic (best of 3 runs each)', loadAverage1m: +loadavg()[0].toFixed(2), results };
}
