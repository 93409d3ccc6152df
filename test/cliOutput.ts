// What a CLI command printed with console.log (its table or --json output), stderr's progress lines silenced.
import { vi } from 'vitest';

/** Runs a command (commands that read a release are async) and returns its console.log lines joined by newlines. */
export async function printed(fn: () => void | Promise<void>): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await fn();
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
  return lines.join('\n');
}
