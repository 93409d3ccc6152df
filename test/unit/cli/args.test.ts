// CLI options: every number has a documented range and a refusal naming it, negative numbers read as numbers, --help after any command, and no bad invocation ends in a JavaScript TypeError.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { optionsHelp, parseOptions, UsageError, type OptionSpecs } from '../../../src/cli/args';
import { checkRankFits } from '../../../src/cli/alsOptions';
import * as benchCommand from '../../../src/cli/commands/benchCommand';
import * as evalCommand from '../../../src/cli/commands/evalCommand';
import * as importSparkCommand from '../../../src/cli/commands/importSparkCommand';
import * as movienightCommand from '../../../src/cli/commands/movienightCommand';
import * as recommendCommand from '../../../src/cli/commands/recommendCommand';
import * as synthCommand from '../../../src/cli/commands/synthCommand';
import * as trainCommand from '../../../src/cli/commands/trainCommand';
import * as tuneCommand from '../../../src/cli/commands/tuneCommand';

const commands: Record<string, { options: OptionSpecs; run(args: string[]): unknown }> = {
  eval: evalCommand,
  tune: tuneCommand,
  train: trainCommand,
  recommend: recommendCommand,
  'import-spark': importSparkCommand,
  movienight: movienightCommand,
  synth: synthCommand,
  bench: benchCommand,
};
const tiny = new URL('../../fixtures/tiny', import.meta.url).pathname;

/** The error a command's run throws (sync or async). */
async function errorOf(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

describe('option ranges', () => {
  test('every numeric option of every command has a finite range, shown in its help', () => {
    for (const [name, c] of Object.entries(commands)) {
      const help = optionsHelp(c.options);
      for (const [opt, spec] of Object.entries(c.options)) {
        if (spec.kind !== 'number' && spec.kind !== 'numbers') continue;
        expect(Number.isFinite(spec.range.min) && Number.isFinite(spec.range.max), `${name} --${opt}`).toBe(true);
        expect(help, `${name} --${opt}`).toMatch(new RegExp(`--${opt} .*; a (whole )?number`));
      }
    }
  });

  test.each([
    ['eval', ['--test-frac', '0'], '--test-frac expects a number greater than 0 and less than 1, got "0"'],
    ['eval', ['--test-frac', '1'], '--test-frac expects a number greater than 0 and less than 1, got "1"'],
    ['eval', ['--iters', '1e9'], '--iters expects a whole number from 1 to 100, got "1e9"'],
    ['eval', ['--rank', '100000'], '--rank expects a whole number from 1 to 256, got "100000"'],
    ['eval', ['--folds', '1'], '--folds expects a whole number from 2 to 20, got "1"'],
    ['eval', ['--seed', '-3'], '--seed expects a whole number from 0 to 4,294,967,295, got "-3"'],
    ['eval', ['--lambda', '-1'], '--lambda expects a number from 0 to 100, got "-1"'],
    ['eval', ['--lambda', 'NaN'], '--lambda expects a number, got "NaN" (a number from 0 to 100)'],
    ['eval', ['--objective', 'ranking'], '--objective expects one of explicit, implicit, got "ranking"'],
    ['train', ['--out', 'x.plm', '--holdout', '0.9'], '--holdout expects a number from 0 to 0.5, got "0.9"'],
    ['tune', ['--ranks', '16,1000'], '--ranks expects a whole number from 1 to 256, got "1000"'],
    ['recommend', ['--ratings', 'x.csv', '--n', '0'], '--n expects a whole number from 1 to 1,000, got "0"'],
    ['import-spark', ['--movies', 'm.csv', '--out', 'x', '--reg', '0'], '--reg expects a number greater than 0 and at most 100, got "0"'],
    ['movienight', ['--test-frac', '1'], '--test-frac expects a number greater than 0 and less than 1, got "1"'],
    ['synth', ['--ratings', '1e12', '--out', 'x'], '--ratings expects a whole number from 1 to 100,000,000, got "1e12"'],
    ['bench', ['--ratings', '5000'], '--ratings expects a whole number from 100,000 to 100,000,000, got "5000"'],
  ])('%s %j is refused before any work: %s', async (name, opts, message) => {
    const positional = name === 'bench' ? 'als' : name === 'synth' ? [] : tiny;
    const e = await errorOf(() => commands[name].run([...([] as string[]).concat(positional), ...opts]));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe(message);
  });

  test('a negative number is read as the value of its option, not as another option', () => {
    const specs = { shift: { kind: 'number', range: { min: -10, max: 10 }, help: 'a shift' }, json: { kind: 'flag', help: 'json' } } as const satisfies OptionSpecs;
    expect(parseOptions(['--shift', '-2.5', 'x'], specs)).toEqual({ values: { shift: -2.5, json: false }, positionals: ['x'] });
    expect(parseOptions(['--shift=-1e-3'], specs).values.shift).toBe(-0.001);
    expect(() => parseOptions(['--shift', '-20'], specs)).toThrow('--shift expects a number from -10 to 10, got "-20"');
  });

  test('a rank whose training cannot fit in memory is refused with both sizes', () => {
    expect(() => checkRankFits(256, 1e9, 1e8, 1e10)).toThrow(/^--rank 256 needs about [\d.]+ GiB for 1,000,000,000 people, 100,000,000 movies and 10,000,000,000 ratings; this machine has [\d.]+ GiB to spare: use a smaller --rank$/);
    expect(() => checkRankFits(64, 610, 9742, 100_836)).not.toThrow();
  });
});

describe('the cli process', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/cli.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

  test('--help after a command and its arguments lists every option with its range; exit 0', () => {
    const r = cli('train', tiny, '--out', 'x.plm', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run cli -- train /);
    expect(r.stdout).toContain('--rank N');
    expect(r.stdout).toContain('a whole number from 1 to 256');
    expect(cli('bench', 'als', '-h').stdout).toContain('--workers N');
  });

  test('bad invocations exit 2 (usage) or 1 (bad input) with a message, never a JavaScript TypeError', () => {
    const runs = [
      cli('eval', tiny, '--test-frac', '0'),
      cli('eval', '--train', `${tiny}/ratings.csv`),
      cli('eval', '/no/such/folder'),
      cli('frobnicate'),
      cli('recommend', `${tiny}/movies.csv`, '--ratings', `${tiny}/ratings.csv`),
    ];
    expect(runs.map((r) => r.status)).toEqual([2, 2, 1, 2, 1]);
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/TypeError|Cannot read properties|at .*\.ts:\d+/);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
    }
    expect(runs[2].stderr).toContain('No such file or folder: /no/such/folder');
  });

  test('eval --test-frac 0.01 without --json on a tiny release (nothing held out) prints n/a, not a TypeError', () => {
    const r = cli('eval', tiny, '--test-frac', '0.01', '--iters', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ALS\s+n\/a/);
  });
});
