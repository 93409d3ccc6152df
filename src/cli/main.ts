// `npm run cli -- <command>`: the engine on the command line; each command lives in src/cli/commands/.
import { ImportError } from '../engine/movielens/errors';
import * as evalCommand from './commands/eval';
import * as importSparkCommand from './commands/importSpark';
import * as recommendCommand from './commands/recommend';
import * as trainCommand from './commands/train';
import * as tuneCommand from './commands/tune';
import * as synthCommand from './commands/synth';

interface Command {
  usage: string;
  run(args: string[]): void | Promise<void>;
}

const commands: Record<string, Command> = {
  eval: evalCommand,
  tune: tuneCommand,
  train: trainCommand,
  recommend: recommendCommand,
  'import-spark': importSparkCommand,
  synth: synthCommand,
  bench: await import('./commands/bench'),
};

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(`usage: npm run cli -- <command>\n${Object.values(commands).map((c) => `  ${c.usage}`).join('\n')}`);
  process.exit(name ? 2 : 0);
}
try {
  await command.run(rest);
} catch (e) {
  console.error(e instanceof ImportError ? `Bad input: ${e.message}` : (e as Error).message);
  process.exit(1);
}
