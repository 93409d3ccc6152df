// The CLI's ALS kernels: the WebAssembly modules from build/wasm (built on first use), or JavaScript with --kernel js.
import { readFile } from 'node:fs/promises';
import { ensureWasm } from './wasmBuild';
import { KERNEL_PREFERENCES, loadKernelHandle, type KernelPreference } from '../engine/wasm/kernelChoice';
import type { KernelHandle } from '../engine/wasm/wasmKernels';

/** Checks a --kernel value. */
export function kernelPreference(value: string | undefined): KernelPreference {
  const v = (value ?? 'auto') as KernelPreference;
  if (!KERNEL_PREFERENCES.includes(v)) throw new Error(`--kernel expects ${KERNEL_PREFERENCES.join(', ')}, got "${value}"`);
  return v;
}

/** A kernel handle for one training (null: JavaScript kernels). */
export async function cliKernel(prefer: KernelPreference = 'auto'): Promise<KernelHandle | null> {
  return loadKernelHandle(async (id) => readFile((await ensureWasm((l) => process.stderr.write(`[wasm] ${l}\n`)))[id]), prefer, (why) => process.stderr.write(`${why}\n`));
}
