// `cli eval --json`: one report with the ranking comparison (popularity, stars, iALS, EASE, the default list, control rows), mean ± sd over seeds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { printed } from '../../../cliOutput';
import { writeSynthRelease } from '../../../../src/cli/commands/synthCommand';
import { controlVariants, run as evalRun, sampleUsers } from '../../../../src/cli/commands/evalCommand';
import { rankerDefaults } from '../../../../src/engine/defaults/rankerDefaults';

const dir = mkdtempSync(join(tmpdir(), 'pocketlens-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli eval', () => {
  test('per-user holdout over 2 seeds: every ranker with mean and sd of ndcg@10, recall@20, precision@10, coverage@20, novelty', async () => {
    const release = join(dir, 'ml-synth');
    writeSynthRelease({ ratings: 20_000, users: 250, movies: 300, seed: 3 }, release, false);
    const out = JSON.parse(await printed(() => evalRun([release, '--per-user', '--test-frac', '0.2', '--seeds', '2', '--rank', '8', '--iters', '3', '--gems', '0.5', '--json'])));
    expect(out.split).toMatchObject({ kind: 'user-holdout', seeds: 2 });
    const names = Object.keys(out.rankers);
    expect(names).toEqual(['popularity', 'explicit', 'ials', 'ease', 'defaultList', 'defaultList (gems 0.5)']);
    for (const name of names) {
      const r = out.rankers[name];
      expect(r.splits).toBe(2);
      for (const key of ['ndcg@10', 'recall@20', 'precision@10', 'coverage@20', 'novelty@10', 'popRank@10']) {
        expect(r.mean[key]).toBeTypeOf('number');
        expect(r.sd[key]).toBeGreaterThanOrEqual(0);
      }
    }
    // The planted low-rank stars give every personal ranker something to find over popularity.
    expect(out.rankers.defaultList.mean['ndcg@10']).toBeGreaterThan(out.rankers.popularity.mean['ndcg@10']);
    // Hidden gems lists less-rated movies: a larger mean popularity rank.
    expect(out.rankers['defaultList (gems 0.5)'].mean['popRank@10']).toBeGreaterThan(out.rankers.defaultList.mean['popRank@10']);
    expect(out.folds).toHaveLength(2);
  });

  test('EASE is skipped with the reason when the inverse would be too big', async () => {
    const release = join(dir, 'ml-synth');
    const out = JSON.parse(await printed(() => evalRun([release, '--per-user', '--rank', '4', '--iters', '2', '--ease-max', '100', '--json'])));
    expect(out.rankers.ease.skipped).toMatch(/exact EASE needs a 250² dense inverse .* the limit is 100 \(--ease-max\)/);
  });

  test('control rows: one per control, and all together; strengths outside 0–1 are refused; the user sample is seeded', async () => {
    expect(controlVariants({ gems: 0.5, diversity: 'on' }).map((v) => v.name)).toEqual(['defaultList (gems 0.5)', `defaultList (diversity ${rankerDefaults.diversity})`, `defaultList (gems 0.5 + diversity ${rankerDefaults.diversity})`]);
    expect(() => controlVariants({ diversity: '2' })).toThrow('--diversity expects a number from 0 to 1, got "2"');
    await expect(evalRun(['x', '--recency', '2'])).rejects.toThrow('--recency expects a number from 0 to 1, got "2"');
    expect(sampleUsers(100, 10, 1)).toEqual(sampleUsers(100, 10, 1));
    expect(sampleUsers(100, 10, 1)).toHaveLength(10);
    expect(sampleUsers(100, 0, 1)).toBeUndefined();
  });
});
