// `cli coldstart`: newcomers answer 10 onboarding cards from their own ratings; NDCG@10 of their first list per deck.
import { parseArgs } from 'node:util';
import { coldStart } from '../../engine/eval/coldStart';
import { explicitDefaults } from '../../engine/defaults/explicitDefaults';
import { rankerParams } from '../../engine/defaults/rankerDefaults';
import { loadDataset } from '../loadDataset';
import { num } from '../args';

export const usage = `coldstart <dataset dir or zip> [--test-frac 0.2] [--seed 42] [--cards 10] [--max-shown 50] [--json]
       (adaptive deck vs today's fixed deck vs the most popular movies)`;

export function run(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'test-frac': { type: 'string' },
      seed: { type: 'string' },
      cards: { type: 'string' },
      'max-shown': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const path = positionals[0];
  if (!path) throw new Error(`usage: npm run cli -- ${usage}`);
  const data = loadDataset(path);
  const opts = {
    testFraction: num(values['test-frac'], 'test-frac', 0.2),
    seed: num(values.seed, 'seed', 42),
    cards: num(values.cards, 'cards', 10),
    maxShown: num(values['max-shown'], 'max-shown', 50),
  };
  const t0 = performance.now();
  const result = coldStart(data.ratings, data.stats.users, data.stats.movies, {
    ...opts,
    ranker: rankerParams,
    explicit: explicitDefaults,
    years: data.movies.map((m) => m.year ?? -1),
    onDeck: (d) => !values.json && process.stderr.write(`  ${d} deck…\n`),
  });
  const seconds = (performance.now() - t0) / 1000;
  if (values.json) {
    console.log(JSON.stringify({ dataset: path, ...opts, decks: result, seconds }, null, 2));
    return;
  }
  console.log(`${path}: ${opts.testFraction * 100}% of people held out as newcomers (seed ${opts.seed}); each answers up to ${opts.cards} cards (at most ${opts.maxShown} shown)`);
  console.log('deck        newcomers  NDCG@10  recall@20  answered  shown  recent cards');
  for (const [name, r] of Object.entries(result)) {
    console.log(`${name.padEnd(10)}  ${String(r.users).padStart(9)}  ${r['ndcg@10'].toFixed(4)}   ${r['recall@20'].toFixed(4)}    ${r.answered.toFixed(1).padStart(6)}  ${r.shown.toFixed(1).padStart(5)}  ${(100 * r.recentShare).toFixed(1).padStart(5)}%`);
  }
  console.log(`(adaptive: nextCard over a deck of the most-rated and the last years' films; fixed: today's farthest-point picks; popular: most-rated first; ${seconds.toFixed(1)} s)`);
}
