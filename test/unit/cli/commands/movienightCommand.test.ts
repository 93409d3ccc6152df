// `cli movienight` end to end on a synthetic release: the JSON report's rows, the Markdown table, and option errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { printed } from '../../../cliOutput';
import { writeSynthRelease } from '../../../../src/cli/commands/synthCommand';
import { movienightTable, parseSizes, run } from '../../../../src/cli/commands/movienightCommand';
import type { GroupEvalReport } from '../../../../src/engine/eval/groupEval';

const dir = mkdtempSync(join(tmpdir(), 'pocketlens-movienight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli movienight', () => {
  const release = join(dir, 'ml-synth');
  writeSynthRelease({ ratings: 20_000, users: 300, movies: 250, seed: 5 }, release, false);

  test('--json: one row per size and list (each rule, then popularity), every member of every group measured', async () => {
    const out = JSON.parse(await printed(() => run([release, '--groups', '12', '--size', '2..3', '--rule', 'both', '--seed', '3', '--json']))) as GroupEvalReport & { objective: string; testFraction: number };
    expect(out).toMatchObject({ objective: 'implicit', testFraction: 0.2, k: 10, relevantAt: 4 });
    expect(out.rows.map((r) => [r.size, r.rule, r.groups, r.members])).toEqual([
      [2, 'average', 12, 24],
      [2, 'misery', 12, 24],
      [2, 'popularity', 12, 24],
      [3, 'average', 12, 36],
      [3, 'misery', 12, 36],
      [3, 'popularity', 12, 36],
    ]);
    for (const r of out.rows) {
      expect(r.group.mean).toBeGreaterThanOrEqual(0);
      expect(r.group.mean).toBeLessThanOrEqual(1);
      expect(r.worst.mean).toBeLessThanOrEqual(r.group.mean);
    }
  });

  test('the table: a Markdown row per size and list with mean ± sd', async () => {
    const text = await printed(() => run([release, '--groups', '5', '--size', '4', '--rule', 'misery', '--objective', 'explicit']));
    expect(text).toMatch(/members folded into the explicit model \(rank 64\); 5 random groups per size/);
    const rows = text.split('\n').filter((l) => /^\| 4 \|/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 4 \| least misery \| 5 \| \d\.\d{3} ± \d\.\d{3} \| \d\.\d{3} ± \d\.\d{3} \| \d+\.\d{2} \| \d\.\d{3} ± \d\.\d{3} \|$/);
    expect(rows[1]).toMatch(/^\| 4 \| popularity \(yardstick\) \| 5 \|/);
  });

  test('option errors name the option and what it takes', async () => {
    expect(parseSizes('2..4')).toEqual([2, 3, 4]);
    expect(parseSizes('3')).toEqual([3]);
    expect(() => parseSizes('4..2')).toThrow('--size expects a size or a range like 2..4 (1 to 8), got "4..2"');
    expect(() => parseSizes('9')).toThrow('--size expects a size or a range like 2..4 (1 to 8), got "9"');
    await expect(run([release, '--rule', 'median'])).rejects.toThrow('--rule expects one of average, misery, both, got "median"');
    // Every number has a range now (src/cli/args.ts): the refusal names both ends.
    await expect(run([release, '--groups', '0'])).rejects.toThrow('--groups expects a whole number from 1 to 100,000, got "0"');
    await expect(run([])).rejects.toThrow(/^usage: npm run cli -- movienight/);
    expect(movienightTable({ k: 10, relevantAt: 4, eligibleUsers: 2, rows: [] }).split('\n')).toHaveLength(2);
  });
});
