// Peak memory and CPU time of the whole browser: every process Chromium started, sampled from /proc (RSS, PSS, utime + stime).
import { readdirSync, readFileSync } from 'node:fs';

interface Sample {
  rssMB: number;
  pssMB: number | null;
  processes: number;
  /** CPU seconds (user + system) of the processes alive now, since each started. */
  cpuSeconds: number;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** Pids of every descendant of `root` (its children, theirs, …), from /proc/<pid>/stat. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      /* the process ended */
    }
  }
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/** kB fields of /proc/<pid>/smaps_rollup (Rss, Pss), or of status (VmRSS) where smaps_rollup is not readable. */
function memoryOf(pid: number): { rss: number; pss: number | null } | null {
  try {
    const roll = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (key: string) => Number(/^(\w+):\s+(\d+) kB/m.exec(roll.split('\n').find((l) => l.startsWith(`${key}:`)) ?? '')?.[2] ?? NaN);
    return { rss: kb('Rss'), pss: kb('Pss') };
  } catch {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? { rss: Number(m[1]), pss: null } : null;
    } catch {
      return null;
    }
  }
}

/** utime + stime of a process in seconds, or 0 when it has ended. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return 0;
  }
}

function sample(root: number): Sample {
  let rss = 0;
  let pss = 0;
  let pssKnown = true;
  let processes = 0;
  let cpu = 0;
  for (const pid of descendants(root)) {
    const m = memoryOf(pid);
    if (!m) continue;
    processes++;
    cpu += cpuOf(pid);
    rss += m.rss;
    if (m.pss === null || Number.isNaN(m.pss)) pssKnown = false;
    else pss += m.pss;
  }
  return { rssMB: rss / 1024, pssMB: pssKnown ? pss / 1024 : null, processes, cpuSeconds: cpu };
}

/**
 * Samples every `ms` the processes this Node process started (the browser and everything it forked: browser, zygotes,
 * renderers, GPU and utility processes). `peak()` is the largest summed RSS seen (shared pages counted once per
 * process, as the RSS of a process tree is usually added up) and the PSS sum at that moment (shared pages split).
 */
export function browserMemorySampler(ms = 250) {
  let peak: Sample & { atSeconds: number } = { rssMB: 0, pssMB: null, processes: 0, cpuSeconds: 0, atSeconds: 0 };
  const t0 = performance.now();
  /** [epoch ms, CPU seconds of the tree]: a process's time stays counted after it ends (workers, shard threads die). */
  const cpu: [number, number][] = [];
  let ended = 0;
  let alive = new Map<number, number>();
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const s = sample(process.pid);
      if (s.rssMB > peak.rssMB) peak = { ...s, atSeconds: (performance.now() - t0) / 1000 };
      const now = new Map(descendants(process.pid).map((p) => [p, cpuOf(p)] as [number, number]));
      for (const [pid, seconds] of alive) if (!now.has(pid)) ended += seconds;
      alive = now;
      cpu.push([Date.now(), ended + [...now.values()].reduce((a, b) => a + b, 0)]);
      await new Promise((r) => setTimeout(r, ms));
    }
  })();
  return {
    now: () => sample(process.pid),
    /** The tree's CPU seconds at epoch ms `t` (the nearest sample at or before it). */
    cpuAt(t: number): number {
      let v = cpu[0]?.[1] ?? 0;
      for (const [at, seconds] of cpu) if (at <= t) v = seconds;
      return v;
    },
    async end(): Promise<typeof peak> {
      stop = true;
      await loop;
      return peak;
    },
  };
}
