// `npm run bench -- <name>`: runs one benchmark and prints a JSON object (budgets live here, not in tests).
import { benchFirstVisit } from './first-visit';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  'first-visit': benchFirstVisit,
};

const name = process.argv[2];
const run = name ? benches[name] : undefined;
if (!run) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>   (first-visit needs npm run build)`);
  process.exit(2);
}
console.log(JSON.stringify(await run(), null, 2));
