// Benchmark: title search per keystroke over a synthetic 62,423-title catalogue (ml-32m's size), printed as JSON.
import { createRng, type Rng } from '../src/engine/als/random';
import { displayTitle } from '../src/engine/movielens/titles';
import { linearSearch, searchKey, TitleIndex } from '../src/engine/movielens/titleSearch';

const CATALOGUE = 62_423;
const LIMIT = 30;
const COMMON = ('the of a love man night star war day life story dead girl last world house king time black american blood christmas dark death city ' +
  'big little dream secret lost return boy street blue red white heart island summer game wild moon space hunter lady money river').split(' ');
const SYLLABLES = 'ka ro mi ta ne lo sa ri ve do an el or in us ar be ch gr st tr mé lü ño sø ça'.split(' ');
const ARTICLES = ['The', 'A', 'An', 'Les', 'La', 'Le', 'Die'];

function word(rng: Rng, vocabulary: string[]): string {
  // Zipf-like: low ranks far more often (common words first, then the invented ones).
  const r = Math.floor(vocabulary.length * Math.pow(rng.uniform(), 3));
  return vocabulary[r];
}

/** A seeded MovieLens-like catalogue: "Words, The (a.k.a. Other) (1987)" titles, years, and long-tailed rating counts. */
export function syntheticCatalogue(n = CATALOGUE, seed = 7): { titles: string[]; years: (number | null)[]; counts: Int32Array } {
  const rng = createRng(seed);
  const vocabulary = [...COMMON];
  const seen = new Set(vocabulary);
  while (vocabulary.length < 25_000) {
    let w = '';
    for (let k = 2 + rng.int(3); k > 0; k--) w += SYLLABLES[rng.int(SYLLABLES.length)];
    if (!seen.has(w)) (seen.add(w), vocabulary.push(w));
  }
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  const titles: string[] = [];
  const years: (number | null)[] = [];
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 1 + rng.int(5) }, () => cap(word(rng, vocabulary)));
    let title = words.join(' ');
    if (rng.uniform() < 0.12) title += `, ${ARTICLES[rng.int(ARTICLES.length)]}`;
    if (rng.uniform() < 0.05) title += ` (a.k.a. ${cap(word(rng, vocabulary))} ${cap(word(rng, vocabulary))})`;
    titles.push(title);
    years.push(rng.uniform() < 0.01 ? null : 1900 + rng.int(124));
    counts[i] = Math.floor(100_000 / (1 + rng.int(n)) ** 1.1);
  }
  return { titles, years, counts };
}

/** What a person types, keystroke by keystroke: the start of a known title, sometimes followed by its year. */
export function typedQueries(cat: ReturnType<typeof syntheticCatalogue>, people = 200, seed = 3): string[][] {
  const rng = createRng(seed);
  const order = Array.from(cat.counts.keys()).sort((a, b) => cat.counts[b] - cat.counts[a]);
  const out: string[][] = [];
  for (let p = 0; p < people; p++) {
    const i = order[Math.floor(2000 * rng.uniform() ** 2)];
    let text = displayTitle(cat.titles[i]).split(' ').slice(0, 1 + rng.int(3)).join(' ');
    if (cat.years[i] !== null && rng.uniform() < 0.3) text += ` ${cat.years[i]}`;
    if (rng.uniform() < 0.3) text = text.toLowerCase();
    out.push(Array.from({ length: text.length }, (_, k) => text.slice(0, k + 1)));
  }
  return out;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { keystrokes: s.length, p50: r(percentile(s, 0.5)), p95: r(percentile(s, 0.95)), max: r(s.at(-1)!) };
}

export async function benchSearch(): Promise<Record<string, unknown>> {
  const cat = syntheticCatalogue();
  const t0 = performance.now();
  const keys = cat.titles.map((t, i) => searchKey(t, cat.years[i]));
  const keysMs = performance.now() - t0;
  const t1 = performance.now();
  const index = new TitleIndex(keys, cat.counts);
  const indexMs = performance.now() - t1;
  const sessions = typedQueries(cat);
  const linearRun = (q: string) => linearSearch(keys, cat.counts, q, LIMIT);
  const indexRun = (q: string) => index.search(q, LIMIT);
  // Warm up the JIT on a different set of typing, then time every keystroke of every session, both ways in turn.
  for (const s of typedQueries(cat, 20, 99)) for (const q of s) (linearRun(q), indexRun(q));
  const linear: number[] = [];
  const indexed: number[] = [];
  let hits = 0;
  let differ = 0;
  for (const s of sessions) {
    for (const q of s) {
      let t = performance.now();
      const a = linearRun(q);
      linear.push(performance.now() - t);
      t = performance.now();
      const b = indexRun(q);
      indexed.push(performance.now() - t);
      hits += b.length;
      if (a.join() !== b.join()) differ++;
    }
  }
  return {
    bench: 'search',
    catalogue: cat.titles.length,
    sessions: sessions.length,
    limit: LIMIT,
    targetMsPerKeystroke: 50,
    buildKeysMs: Math.round(keysMs),
    buildIndexMs: Math.round(indexMs),
    /** The prefix index the app serves with, and the plain scan it replaced (same answers: differingAnswers 0). */
    index: stats(indexed),
    linear: stats(linear),
    differingAnswers: differ,
    meanHits: Math.round((hits / linear.length) * 10) / 10,
  };
}
