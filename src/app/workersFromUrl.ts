// The page's `?workers=N` and `?kernel=K`: how many shard workers and which kernels a training uses (benchmarks compare them).
import { KERNEL_PREFERENCES, type KernelPreference } from '../engine/wasm/kernelChoice';

/** `?workers=N`: shard workers for a training; absent: the default. */
export function workersFromUrl(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('workers'));
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** `?kernel=js|wasm-simd|wasm-relaxed-simd`: the training kernels; absent or unknown: 'auto'. */
export function kernelFromUrl(): KernelPreference | undefined {
  const k = new URLSearchParams(location.search).get('kernel') as KernelPreference | null;
  return k && KERNEL_PREFERENCES.includes(k) ? k : undefined;
}
