// `cli split`: writes a release's ratings as train.csv / test.csv (ratings.csv layout) for `eval --train A --test B`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { perUserHoldout, perUserLatest } from '../../engine/eval/userSplit';
import type { RatingColumns } from '../../engine/types';
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { loadDataset } from '../loadDataset';
import { parseOptions, UsageError, type OptionSpecs } from '../args';

export const usage = `split <dataset dir or zip> --out DIR [--by latest|random] [--test-frac 0.2] [--seed 42]
       (latest: each user's newest ratings are the test set; random: a seeded per-user holdout)`;

export const options = {
  out: { kind: 'text', arg: 'DIR', help: 'folder for train.csv and test.csv' },
  by: { kind: 'choice', values: ['latest', 'random'], help: "latest: each user's newest ratings are the test set (default); random: a seeded per-user holdout" },
  'test-frac': { kind: 'number', range: PARAM_RANGES.testFraction, arg: 'F', help: "share of each user's ratings in the test set (default 0.2)" },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed of the random split (default ${evaluationDefaults.seed})` },
} as const satisfies OptionSpecs;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0];
  if (!path || !values.out) throw new UsageError('expected a dataset (folder or zip) and --out DIR');
  const by = values.by ?? 'latest';
  const frac = values['test-frac'] ?? 0.2;
  const data = await loadDataset(path);
  const r = data.ratings;
  const order = new Map<string, number>();
  // Timestamps travel with their rows: remember each (user, item)'s timestamp.
  for (let k = 0; k < r.length; k++) order.set(`${r.users[k]}:${r.items[k]}`, r.timestamps[k]);
  const split = by === 'latest' ? perUserLatest(r, r.timestamps, data.stats.users, frac) : perUserHoldout(r, data.stats.users, frac, values.seed ?? evaluationDefaults.seed);
  const csv = (cols: RatingColumns) => {
    const lines = ['userId,movieId,rating,timestamp'];
    for (let k = 0; k < cols.length; k++) {
      const ts = order.get(`${cols.users[k]}:${cols.items[k]}`) ?? 0;
      lines.push(`${data.userIds[cols.users[k]]},${data.movies[cols.items[k]].movieId},${cols.ratings[k].toFixed(1)},${ts}`);
    }
    return lines.join('\n') + '\n';
  };
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'train.csv'), csv(split.train));
  writeFileSync(join(values.out, 'test.csv'), csv(split.test));
  console.log(`wrote ${join(values.out, 'train.csv')} (${split.train.length.toLocaleString('en')} ratings) and test.csv (${split.test.length.toLocaleString('en')}), ${by} ${frac * 100}% of each user`);
}
