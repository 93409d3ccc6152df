// The CLI's one option parser: each command declares its options (type, range, meaning), so every number is checked against a documented range, `--help` works after any command and negative numbers read as numbers.
import { parseArgs } from 'node:util';
import { describeRange, inRange, type Range } from '../engine/als/paramRanges';

export type OptionSpec =
  | { kind: 'flag'; help: string }
  | { kind: 'text'; help: string; arg?: string }
  | { kind: 'choice'; values: readonly string[]; help: string }
  | { kind: 'number'; range: Range; help: string; arg?: string }
  | { kind: 'numbers'; range: Range; help: string };

export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<O> = O extends { kind: 'flag' }
  ? boolean
  : O extends { kind: 'number' }
    ? number | undefined
    : O extends { kind: 'numbers' }
      ? number[] | undefined
      : O extends { kind: 'choice'; values: readonly (infer V)[] }
        ? V | undefined
        : string | undefined;

export type OptionValues<S extends OptionSpecs> = { [K in keyof S]: ValueOf<S[K]> };

/** A usage mistake: cli.ts prints it with the command's usage and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const NEGATIVE_NUMBER = /^-(\d|\.\d|Infinity$)/;

/** True when the arguments ask for help (`--help` or `-h` anywhere). */
export const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** A number as typed: a finite decimal or exponent form, nothing else ("", "0x10", "1e9x" are refused). */
function toNumber(text: string): number {
  const t = text.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : NaN;
}

/** Checks one number against its option's range; the message names the option, the range and what was given. */
export function checkNumber(text: string, name: string, range: Range): number {
  const x = toNumber(text);
  if (Number.isNaN(x)) throw new UsageError(`--${name} expects a number, got "${text}" (${describeRange(range)})`);
  if (!inRange(x, range)) throw new UsageError(`--${name} expects ${describeRange(range)}, got "${text}"`);
  return x;
}

/**
 * Parses `args` against the specs: unknown options, missing values and out-of-range numbers are UsageErrors naming
 * the option. A value that is a negative number ("--lambda -1") is read as that value, then checked like any other.
 */
export function parseOptions<S extends OptionSpecs>(args: string[], specs: S, allowPositionals = true): { values: OptionValues<S>; positionals: string[] } {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const spec = a.startsWith('--') && !a.includes('=') ? specs[a.slice(2)] : undefined;
    if (spec && spec.kind !== 'flag' && i + 1 < args.length && NEGATIVE_NUMBER.test(args[i + 1])) {
      joined.push(`${a}=${args[++i]}`);
    } else joined.push(a);
  }
  const options = Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, { type: s.kind === 'flag' ? ('boolean' as const) : ('string' as const) }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joined, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = parsed.values[name];
    if (spec.kind === 'flag') values[name] = raw === true;
    else if (raw === undefined) values[name] = undefined;
    else {
      const text = String(raw);
      if (spec.kind === 'number') values[name] = checkNumber(text, name, spec.range);
      else if (spec.kind === 'numbers') values[name] = text.split(',').map((x) => checkNumber(x, name, spec.range));
      else if (spec.kind === 'choice') {
        if (!spec.values.includes(text)) throw new UsageError(`--${name} expects one of ${spec.values.join(', ')}, got "${text}"`);
        values[name] = text;
      } else values[name] = text;
    }
  }
  return { values: values as OptionValues<S>, positionals: parsed.positionals };
}

/** The options part of a command's help: each option, what it takes (with its range) and what it does. */
export function optionsHelp(specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const arg =
      s.kind === 'flag'
        ? ''
        : s.kind === 'choice'
          ? ` ${s.values.join('|')}`
          : s.kind === 'number'
            ? ` ${s.arg ?? 'N'}`
            : s.kind === 'numbers'
              ? ' A,B,…'
              : ` ${s.arg ?? 'PATH'}`;
    const range = s.kind === 'number' || s.kind === 'numbers' ? `; ${describeRange(s.range)}${s.kind === 'numbers' ? ' each' : ''}` : '';
    return [`  --${name}${arg}`, `${s.help}${range}`] as const;
  });
  const width = Math.min(32, rows.reduce((w, [a]) => Math.max(w, a.length), 0) + 2);
  return rows.map(([a, b]) => (a.length + 2 > width ? `${a}\n${' '.repeat(width)}${b}` : `${a.padEnd(width)}${b}`)).join('\n');
}
