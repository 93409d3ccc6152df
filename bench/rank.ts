// Benchmark: fold a person in and rank a 62,423-movie catalogue with the default ranker as shipped (the ≤ 20 ms budget), printed as JSON.
import { availableParallelism, loadavg } from 'node:os';
import { createRng } from '../src/engine/als/random';
import { rankerParams } from '../src/engine/defaults/rankerDefaults';
import type { AlsModel } from '../src/engine/types';
import type { EaseModel } from '../src/engine/ranker/ease';
import { rankerOf } from '../src/engine/ranker/ranker';
import { rankFor } from '../src/engine/ranker/rankList';
import { explainRanked } from '../src/engine/ranker/explainRows';
import { deckOf, nextCard, nextCards } from '../src/engine/ranker/nextCard';
import { recommendDefaults } from '../src/engine/defaults/recommendDefaults';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => +x.toFixed(3);

/**
 * ml-25m-sized tables with seeded random values (the time does not depend on them): iALS item factors at the shipped
 * rank, EASE's B over the shipped number of movies, a person with `ratings` ratings. Times rankFor (fold-in, every
 * movie scored, top 20) and, apart, the explanations of the 20 rows; the first call (which computes YᵀY once per
 * model) is reported apart from the median of the rest.
 */
export async function benchRank(args: string[]): Promise<Record<string, unknown>> {
  const movies = Number(args.find((a) => a.startsWith('--movies='))?.slice(9) ?? 62_423);
  const runs = 41;
  const rng = createRng(7);
  const p = rankerParams;
  const rank = p.ials.rank;
  const itemFactors = new Float32Array(movies * rank);
  for (let k = 0; k < itemFactors.length; k++) itemFactors[k] = 0.1 * rng.normal();
  const users = 2;
  const ials: AlsModel = { rank, nUsers: users, nItems: movies, mu: 0, userBias: new Float32Array(users), itemBias: new Float32Array(movies), userFactors: Float32Array.from({ length: users * rank }, () => 0.1 * rng.normal()), itemFactors, params: { ...p.ials } };
  const K = Math.min(p.easeItems, movies);
  const items = Int32Array.from({ length: K }, (_, j) => j);
  const slot = new Int32Array(movies).fill(-1);
  items.forEach((i, j) => (slot[i] = j));
  const B = new Float32Array(K * K);
  for (let k = 0; k < B.length; k++) B[k] = 0.01 * rng.normal();
  const ease: EaseModel = { lambda: p.easeLambda, items, slot, B };
  const counts = Int32Array.from({ length: movies }, (_, i) => Math.max(1, Math.round(80_000 / (i + 10))));
  const model = rankerOf(p, ials, ease, counts);
  const years = Int32Array.from({ length: movies }, (_, i) => 1920 + (i % 100));
  const result: Record<string, unknown> = { bench: 'rank', movies, rank, easeItems: K, blend: p.blend };
  for (const ratings of [36, 200]) {
    const picked = new Set<number>();
    while (picked.size < ratings) picked.add(rng.int(Math.min(movies, 3 * K)));
    const profile = { items: [...picked], stars: [...picked].map(() => 0.5 * (1 + rng.int(10))) };
    // Wall time, and this thread's CPU time (what the call costs when the shared machine takes the core away).
    const cpuMs = () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    const time = (f: () => unknown) => {
      const t0 = performance.now();
      f();
      const first = performance.now() - t0;
      const ms: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < runs; r++) {
        const c = cpuMs();
        const t = performance.now();
        f();
        ms.push(performance.now() - t);
        cpu.push(cpuMs() - c);
      }
      return { firstMs: round(first), medianMs: round(median(ms)), maxMs: round(Math.max(...ms)), medianCpuMs: round(median(cpu)) };
    };
    const list = rankFor(model, profile, { n: 20 });
    // The onboarding queue's batch of cards: as shipped (one posterior, rank-1 updates) and as before (each card from
    // a posterior built afresh, nextCard once per card), on the same deck.
    const deck = deckOf(counts, { years });
    const cards = recommendDefaults.onboardingCards;
    const oneByOne = () => {
      const looked: number[] = [];
      for (let k = 0; k < cards; k++) looked.push(nextCard(model, profile, deck, looked)!);
      return looked;
    };
    const batch = time(() => nextCards(model, profile, deck, [], cards));
    const rebuilt = time(oneByOne);
    result[`ratings${ratings}`] = {
      foldInAndRank: time(() => rankFor(model, profile, { n: 20 })),
      withGemsRecencyDiversity: time(() => rankFor(model, profile, { n: 20, gems: 0.5, recency: 0.5, years, diversity: 0.5 })),
      explain20Rows: time(() => explainRanked(model, profile, list)),
      [`onboardingBatch${cards}`]: { deck: deck.length, batch, eachCardRebuilt: rebuilt, speedup: round(rebuilt.medianMs / batch.medianMs) },
    };
  }
  result.budgetMs = 20;
  result.machine = { cpus: availableParallelism(), loadAverage1m: round(loadavg()[0]), node: process.version };
  return result;
}
