// `cli movienight`: group lists for random groups of held-out users, NDCG@10 against each member's own list.
import { buildCsr } from '../../engine/als/csr';
import { trainAls } from '../../engine/als/train';
import { defaultsFor } from '../../engine/defaults/modelDefaults';
import { evaluationDefaults } from '../../engine/defaults/evaluationDefaults';
import { evaluateGroups, type GroupEvalReport } from '../../engine/eval/groupEval';
import { perUserHoldout } from '../../engine/eval/userSplit';
import { GROUP_RULE_NAMES, GROUP_RULES, MAX_GROUP_MEMBERS, modelScorer, type GroupRule } from '../../engine/group/groupRank';
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { loadDataset } from '../loadDataset';
import { parseOptions, UsageError, type OptionSpecs } from '../args';

export const movienightDefaults = Object.freeze({ groups: 200, sizes: [2, 3, 4] as readonly number[], objective: 'implicit' as const });

export const usage = `movienight <dataset dir or zip> [--groups ${movienightDefaults.groups}] [--size 2..4] [--rule average|misery|both]
       [--seed ${evaluationDefaults.seed}] [--test-frac ${evaluationDefaults.rankingTestFraction}] [--objective implicit|explicit] [--json]`;

/** "3" → [3]; "2..4" → [2, 3, 4]; each from 1 to MAX_GROUP_MEMBERS. */
export function parseSizes(v: string | undefined): number[] {
  if (v === undefined) return [...movienightDefaults.sizes];
  const m = /^(\d+)(?:\.\.(\d+))?$/.exec(v.trim());
  const lo = m ? Number(m[1]) : NaN;
  const hi = m ? Number(m[2] ?? m[1]) : NaN;
  if (!m || lo < 1 || hi > MAX_GROUP_MEMBERS || lo > hi) throw new UsageError(`--size expects a size or a range like 2..4 (1 to ${MAX_GROUP_MEMBERS}), got "${v}"`);
  return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
}

const cell = (m: { mean: number; sd: number }) => `${m.mean.toFixed(3)} ± ${m.sd.toFixed(3)}`;

/** The report as a Markdown table (what docs/MODEL.md shows). */
export function movienightTable(report: GroupEvalReport): string {
  const lines = [
    `| size | list | groups | group NDCG@${report.k} | own NDCG@${report.k} | group / own | least-served member |`,
    '| ---: | --- | ---: | --- | --- | ---: | --- |',
  ];
  for (const r of report.rows) {
    const name = r.rule === 'popularity' ? 'popularity (yardstick)' : GROUP_RULE_NAMES[r.rule].toLowerCase();
    lines.push(`| ${r.size} | ${name} | ${r.groups} | ${cell(r.group)} | ${cell(r.own)} | ${r.ratio.toFixed(2)} | ${cell(r.worst)} |`);
  }
  return lines.join('\n');
}

export const options = {
  groups: { kind: 'number', range: { min: 1, max: 100_000, integer: true }, help: `random groups per size (default ${movienightDefaults.groups})` },
  size: { kind: 'text', arg: 'N|A..B', help: `group sizes: one, or a range like 2..4 (1 to ${MAX_GROUP_MEMBERS}; default 2..4)` },
  rule: { kind: 'choice', values: [...GROUP_RULES, 'both'], help: 'how a group list combines its members (default both)' },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed of the holdout and the groups (default ${evaluationDefaults.seed})` },
  'test-frac': { kind: 'number', range: PARAM_RANGES.testFraction, arg: 'F', help: `share of each person's ratings held out (default ${evaluationDefaults.rankingTestFraction})` },
  objective: { kind: 'choice', values: ['implicit', 'explicit'], help: `the model members are folded into (default ${movienightDefaults.objective})` },
  json: { kind: 'flag', help: 'print the report as JSON' },
} as const satisfies OptionSpecs;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  const path = positionals[0];
  if (!path) throw new UsageError(`usage: npm run cli -- ${usage}`);
  const groups = values.groups ?? movienightDefaults.groups;
  const sizes = parseSizes(values.size);
  const rule = values.rule ?? 'both';
  const rules: GroupRule[] = rule === 'both' ? [...GROUP_RULES] : [rule];
  const seed = values.seed ?? evaluationDefaults.seed;
  const testFraction = values['test-frac'] ?? evaluationDefaults.rankingTestFraction;
  const objective = values.objective ?? movienightDefaults.objective;
  const log = (s: string) => !values.json && process.stderr.write(s);

  const data = await loadDataset(path);
  const { users: nUsers, movies: nItems } = data.stats;
  const { train, test } = perUserHoldout(data.ratings, nUsers, testFraction, seed);
  const params = { ...defaultsFor(objective), seed };
  const t0 = performance.now();
  const model = trainAls(buildCsr(train, nUsers, nItems), params);
  const trainSeconds = (performance.now() - t0) / 1000;
  log(`${objective} model rank ${params.rank}, ${params.iterations} iterations: ${trainSeconds.toFixed(1)} s\n`);
  const t1 = performance.now();
  const report = evaluateGroups(train, test, nUsers, nItems, modelScorer(model), { sizes, groups, rules, seed }, (d, t) => {
    if (d % 50 === 0 || d === t) log(`\r${d}/${t} groups`);
  });
  log('\n');
  const evalSeconds = (performance.now() - t1) / 1000;
  if (values.json) {
    console.log(JSON.stringify({ dataset: path, ratings: data.ratings.length, testFraction, seed, objective, params, trainSeconds, evalSeconds, ...report }, null, 2));
    return;
  }
  console.log(`${path}: ${data.ratings.length.toLocaleString('en')} ratings; ${testFraction * 100}% of each user held out (seed ${seed}); ${report.eligibleUsers} users with held-out ratings of ${report.relevantAt}+ stars`);
  console.log(`members folded into the ${objective} model (rank ${params.rank}); ${groups} random groups per size; NDCG@${report.k} mean ± sd over members`);
  console.log(movienightTable(report));
}
