// `cli coldstart`: newcomers answer 10 onboarding cards from their own ratings; NDCG@10 of their first list per deck.
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { coldStart } from '../../engine/eval/coldStart';
import { explicitDefaults } from '../../engine/defaults/explicitDefaults';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { rankerParams } from '../../engine/defaults/rankerDefaults';
import { loadDataset } from '../loadDataset';
import { parseOptions, UsageError, type OptionSpecs } from '../args';

export const usage = `coldstart <dataset dir or zip> [--test-frac 0.2] [--seed ${evaluationDefaults.seed}] [--cards 10] [--max-shown 50] [--json]
       (adaptive deck vs today's fixed deck vs the most popular movies)`;

export const options = {
  'test-frac': { kind: 'number', range: PARAM_RANGES.testFraction, arg: 'F', help: 'share of the people held out as newcomers (default 0.2)' },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed of the newcomers' draw (default ${evaluationDefaults.seed})` },
  cards: { kind: 'number', range: { min: 1, max: 100, integer: true }, help: 'cards each newcomer answers (default 10)' },
  'max-shown': { kind: 'number', range: { min: 1, max: 1000, integer: true }, help: 'cards shown at most, answered or skipped (default 50)' },
  json: { kind: 'flag', help: 'print the decks as JSON' },
} as const satisfies OptionSpecs;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0];
  if (!path) throw new UsageError('expected a dataset (folder or zip)');
  const opts = {
    testFraction: values['test-frac'] ?? 0.2,
    seed: values.seed ?? evaluationDefaults.seed,
    cards: values.cards ?? 10,
    maxShown: values['max-shown'] ?? 50,
  };
  const data = await loadDataset(path);
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
