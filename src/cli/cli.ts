// `npm run cli -- <command>`: the engine on the command line; each command lives in src/cli/commands/.
import { ImportError } from '../engine/movielens/errors';
import * as coldstartCommand from './commands/coldstartCommand';
import * as evalCommand from './commands/evalCommand';
import * as importSparkCommand from './commands/importSparkCommand';
import * as movienightCommand from './commands/movienightCommand';
import * as recommendCommand from './commands/recommendCommand';
import * as similarCheckCommand from './commands/similarCheckCommand';
import * as splitCommand from './commands/splitCommand';
import * as trainCommand from './commands/trainCommand';
import * as tuneCommand from './commands/tuneCommand';
import * as synthCommand from './commands/synthCommand';

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
  movienight: movienightCommand,
  synth: synthCommand,
  coldstart: coldstartCommand,
  'similar-check': similarCheckCommand,
  split: splitCommand,
  bench: await import('./commands/benchCommand'),
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
