// `npm run cli -- <command>`: the engine on the command line; each command lives in src/cli/commands/.
import { ImportError } from '../engine/movielens/errors';
import { optionsHelp, UsageError, wantsHelp, type OptionSpecs } from './args';
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
  options: OptionSpecs;
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

const overview = () => `usage: npm run cli -- <command> [options]   (npm run cli -- <command> --help for its options)\n${Object.values(commands).map((c) => `  ${c.usage}`).join('\n')}`;
const helpOf = (c: Command) => `usage: npm run cli -- ${c.usage}\n\noptions:\n${optionsHelp(c.options)}`;

const [first, ...rest] = process.argv.slice(2);
const name = first === 'help' ? rest[0] : first;
const command = name ? commands[name] : undefined;
if (!command) {
  const asked = !first || first === '--help' || first === '-h' || first === 'help';
  (asked ? console.log : console.error)(`${name && !asked ? `Unknown command "${name}".\n` : ''}${overview()}`);
  process.exit(asked ? 0 : 2);
}
if (first === 'help' || wantsHelp(rest)) {
  console.log(helpOf(command));
  process.exit(0);
}
try {
  await command.run(rest);
} catch (e) {
  if (e instanceof UsageError) {
    const usage = e.message.startsWith('usage:') ? '' : `\n\nusage: npm run cli -- ${command.usage}`;
    console.error(`${e.message}${usage}\n(npm run cli -- ${name} --help lists every option with its range)`);
    process.exit(2);
  }
  if (e instanceof ImportError) console.error(`Bad input: ${e.message}`);
  else if ((e as NodeJS.ErrnoException).code === 'ENOENT') console.error(`No such file or folder: ${(e as NodeJS.ErrnoException).path}`);
  else console.error((e as Error).message);
  process.exit(1);
}
