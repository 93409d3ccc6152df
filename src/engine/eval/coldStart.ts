// Cold-start simulation: held-out people answer onboarding cards from their own ratings; their first list is scored on the rest.
import type { AlsModel, AlsParams, RatingColumns } from '../types';
import { buildCsr, toCsr } from '../als/csr';
import { onboardingPicks } from '../als/onboarding';
import { createRng } from '../als/random';
import { selectRows } from '../als/split';
import { trainAls } from '../als/train';
import { deckOf, nextCard, type DeckOptions } from '../ranker/nextCard';
import { trainRanker, type RankerModel, type RankerParams } from '../ranker/ranker';
import { rankFor } from '../ranker/rankList';

export type DeckName = 'adaptive' | 'fixed' | 'popular';

export interface ColdStartOptions {
  ranker: RankerParams;
  /** The explicit model whose factors today's fixed deck spreads over (onboarding.ts). */
  explicit: AlsParams;
  /** Share of the people held out as newcomers (default 0.2). */
  testFraction?: number;
  seed?: number;
  /** Cards each newcomer answers (default 10). */
  cards?: number;
  /** Cards shown at most, answered or skipped (default 50). */
  maxShown?: number;
  /** Release year of every movie (the adaptive deck's recent films). */
  years?: ArrayLike<number>;
  deck?: DeckOptions;
  onDeck?: (name: DeckName) => void;
}

export interface DeckResult {
  users: number;
  'ndcg@10': number;
  'recall@20': number;
  /** Mean cards answered and shown per newcomer. */
  answered: number;
  shown: number;
  /** Share of the shown cards released in the catalogue's last 5 years. */
  recentShare: number;
}

/** Today's deck as the app serves it: batches of 12 farthest-point picks over the explicit factors, anchored on the answers. */
function fixedDeck(explicit: AlsModel, counts: Int32Array) {
  let queue: number[] = [];
  return (answered: number[], skipped: Set<number>): number | null => {
    queue = queue.filter((i) => !skipped.has(i) && !answered.includes(i));
    if (queue.length === 0) queue = onboardingPicks(explicit, counts, { n: 12, exclude: [...answered, ...skipped], anchors: answered });
    return queue.shift() ?? null;
  };
}

const log2 = (x: number) => Math.log(x) / Math.LN2;

/**
 * Holds out testFraction of the people (seeded), trains the ranker (and today's explicit model) on the others, then
 * for each newcomer and each deck shows cards until `cards` are answered or `maxShown` shown: a card counts as
 * answered with the newcomer's own stars when they rated that movie, else as skipped. The list the ranker makes from
 * the answers (the popular list when none) is scored by NDCG@10 and recall@20 on their remaining ratings (≥ 4 relevant).
 */
export function coldStart(cols: RatingColumns, nUsers: number, nItems: number, opts: ColdStartOptions): Record<DeckName, DeckResult> {
  const rng = createRng(opts.seed ?? 42);
  const cold = new Uint8Array(nUsers);
  for (let u = 0; u < nUsers; u++) if (rng.uniform() < (opts.testFraction ?? 0.2)) cold[u] = 1;
  const isTest = new Uint8Array(cols.length);
  for (let k = 0; k < cols.length; k++) isTest[k] = cold[cols.users[k]];
  const train = selectRows(cols, isTest, 0);
  const test = selectRows(cols, isTest, 1);
  const ranker: RankerModel = trainRanker(train, nUsers, nItems, opts.ranker);
  const explicit = trainAls(buildCsr(train, nUsers, nItems), { ...opts.explicit, objective: 'explicit' });
  const counts = ranker.counts;
  const deck = deckOf(counts, { ...opts.deck, years: opts.years });
  const byCount = Array.from({ length: nItems }, (_, i) => i).filter((i) => counts[i] > 0).sort((a, b) => counts[b] - counts[a] || a - b);
  const rows = toCsr(test.users, test.items, test.ratings, test.length, nUsers);
  const cards = opts.cards ?? 10;
  const maxShown = opts.maxShown ?? 50;
  let newest = -Infinity;
  if (opts.years) for (let i = 0; i < nItems; i++) if (opts.years[i] > 0) newest = Math.max(newest, opts.years[i]);
  const out = {} as Record<DeckName, DeckResult>;
  for (const name of ['adaptive', 'fixed', 'popular'] as DeckName[]) {
    opts.onDeck?.(name);
    const sums = { users: 0, ndcg: 0, recall: 0, answered: 0, shown: 0, recent: 0, shownTotal: 0 };
    for (let u = 0; u < nUsers; u++) {
      if (!cold[u] || rows.indptr[u + 1] === rows.indptr[u]) continue;
      const mine = new Map<number, number>();
      for (let p = rows.indptr[u]; p < rows.indptr[u + 1]; p++) mine.set(rows.indices[p], rows.values[p]);
      const items: number[] = [];
      const stars: number[] = [];
      const skipped = new Set<number>();
      const fixed = name === 'fixed' ? fixedDeck(explicit, counts) : null;
      let pop = 0;
      let shown = 0;
      let recent = 0;
      while (items.length < cards && shown < maxShown) {
        let card: number | null;
        if (name === 'adaptive') card = nextCard(ranker, { items, stars }, deck, [...skipped]);
        else if (fixed) card = fixed(items, skipped);
        else card = pop < byCount.length ? byCount[pop++] : null;
        if (card === null) break;
        shown++;
        if (opts.years && opts.years[card] > newest - 5) recent++;
        const s = mine.get(card);
        if (s === undefined) skipped.add(card);
        else {
          items.push(card);
          stars.push(s);
        }
      }
      let nRel = 0;
      for (const [i, s] of mine) if (s >= 4 && !items.includes(i)) nRel++;
      if (nRel === 0) continue;
      const list = items.length ? rankFor(ranker, { items, stars }, { n: 20 }).map((r) => r.item) : byCount.filter((i) => !skipped.has(i)).slice(0, 20);
      let dcg = 0;
      let hits20 = 0;
      list.forEach((i, r) => {
        const rel = (mine.get(i) ?? 0) >= 4 && !items.includes(i);
        if (rel && r < 10) dcg += 1 / log2(r + 2);
        if (rel) hits20++;
      });
      let idcg = 0;
      for (let r = 0; r < Math.min(10, nRel); r++) idcg += 1 / log2(r + 2);
      sums.users++;
      sums.ndcg += dcg / idcg;
      sums.recall += hits20 / nRel;
      sums.answered += items.length;
      sums.shown += shown;
      sums.recent += recent;
    }
    out[name] = {
      users: sums.users,
      'ndcg@10': sums.ndcg / sums.users,
      'recall@20': sums.recall / sums.users,
      answered: sums.answered / sums.users,
      shown: sums.shown / sums.users,
      recentShare: sums.shown ? sums.recent / sums.shown : 0,
    };
  }
  return out;
}
