// `npm run bench -- <name>`: runs one benchmark and prints a JSON object (budgets live here, not in tests).
import { benchFirstVisit } from './first-visit';
import { benchImport } from './import';
import { benchLighthouse } from './lighthouse';

/** Each bench gets the arguments after its name and returns one JSON object (printed whatever --json says). */
const benches: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  'first-visit': (args) => benchFirstVisit(args),
  import: benchImport,
  lighthouse: benchLighthouse,
  'als-browser': async (args) => (await import('./als-browser')).benchAlsBrowser(args),
  scale: async (args) => (await import('./scale')).benchScale(args),
  search: async () => (await import('./search')).benchSearch(),
  text: async () => (await import('./text')).benchText(),
  'spark-map': async () => (await import('./sparkMap')).benchSparkMap(),
  'taste-code': async () => (await import('./tasteCode')).benchTasteCode(),
  rank: async (args) => (await import('./rank')).benchRank(args),
  'ranker-train': async () => (await import('./rankerTrain')).benchRankerTrain(),
  restore: async (args) => (await import('./restore')).benchRestore(args),
  review: async (args) => (await import('./review')).benchReview(args),
  layout: async () => (await import('./layout')).benchLayout(),
};

const name = process.argv[2];
const run = name ? benches[name] : undefined;
if (!run) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>   (all but search, text, taste-code, rank and ranker-train need npm run build; import [--ratings N] [--zip] [--json]; scale [--ratings 25000095] [--implicit] [--workers N] [--kernel K]; restore [--ratings N]; review [--rows N])`);
  process.exit(2);
}
console.log(JSON.stringify(await run(process.argv.slice(3)), null, 2));
