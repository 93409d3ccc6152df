// Resident memory of the Chromium this test process started: the sum of VmRSS over its process tree, read from /proc and sampled.
import { readFileSync, readdirSync } from 'node:fs';

/** Parent pid of every process, from /proc/<pid>/stat (a process that exits mid-scan is skipped). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid …, after the command in parentheses
      out.set(Number(name), Number(after[1]));
    } catch {
      /* gone */
    }
  }
  return out;
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of the resident sizes of every descendant of this process (Chromium and all its helpers), in bytes. */
export function browserTreeRss(root = process.pid): number {
  const ppid = parents();
  const children = new Map<number, number[]>();
  for (const [pid, parent] of ppid) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rssBytes(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples browserTreeRss every `everyMs` until stop(); returns the peak in bytes. */
export function rssPeakSampler(everyMs = 50): { stop(): Promise<number> } {
  let peak = browserTreeRss();
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, browserTreeRss());
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return Math.max(peak, browserTreeRss());
    },
  };
}
