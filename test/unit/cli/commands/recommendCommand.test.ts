// The command line end to end: a MovieLens-shaped release → `train` (explicit and implicit) → `recommend --json`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { printed } from '../../../cliOutput';
import { writeSynthRelease } from '../../../../src/cli/commands/synthCommand';
import { parseMoviesCsv } from '../../../../src/engine/movielens/textCsv';
import { displayTitle } from '../../../../src/engine/movielens/titles';
import { run as train } from '../../../../src/cli/commands/trainCommand';
import { run as recommend } from '../../../../src/cli/commands/recommendCommand';

const dir = mkdtempSync(join(tmpdir(), 'pocketlens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  movieId: number;
  title: string;
  predicted?: number;
  watchScore?: number;
  because: string[];
}

describe('cli train → recommend', () => {
  const release = join(dir, 'ml-synth');
  writeSynthRelease({ ratings: 30_000, users: 400, movies: 300, seed: 3 }, release, false);
  const rated = parseMoviesCsv(readFileSync(join(release, 'movies.csv'))).slice(0, 5);
  const ids = rated.map((m) => m.movieId);
  const titles = rated.map((m) => displayTitle(m.title));
  const mine = join(dir, 'mine.csv');
  writeFileSync(mine, `movieId,rating\n${ids.map((id, k) => `${id},${[5, 4.5, 1, 4, 5][k]}`).join('\n')}\n`);

  test.each(['explicit', 'implicit'] as const)('%s: a saved model recommends unrated movies, scored on its own scale, each with its reasons', async (objective) => {
    const file = join(dir, `${objective}.plm`);
    await printed(() => train([release, '--out', file, '--rank', '8', '--iters', '4', '--objective', objective]));
    const out = JSON.parse(await printed(() => recommend([file, '--ratings', mine, '--n', '10', '--min-count', '0', '--json']))) as { rated: number; unknown: number; recommendations: Row[] };
    expect(out).toMatchObject({ rated: 5, unknown: 0 });
    const rows = out.recommendations;
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(ids).not.toContain(r.movieId);
    if (objective === 'explicit') {
      for (const r of rows) {
        expect(r.watchScore).toBeUndefined();
        expect(r.predicted).toBeGreaterThanOrEqual(0.5);
        expect(r.predicted).toBeLessThanOrEqual(5);
      }
    } else {
      // Watch scores, not stars: below 1.5, highest first, never clamped to the star scale's 0.5.
      const scores = rows.map((r) => r.watchScore!);
      for (const r of rows) expect(r.predicted).toBeUndefined();
      for (let k = 1; k < scores.length; k++) expect(scores[k - 1]).toBeGreaterThanOrEqual(scores[k]);
      expect(scores[0]).toBeLessThan(1.5);
      expect(new Set(scores.map((s) => s.toFixed(3))).size).toBeGreaterThan(1);
    }
    // Reasons name the person's own movies.
    const reasons = rows.flatMap((r) => r.because);
    expect(reasons.length).toBeGreaterThan(0);
    for (const t of reasons) expect(titles).toContain(t);
  });
});
