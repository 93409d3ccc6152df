// The CLI's ALS kernels: the WebAssembly modules from build/wasm (built on first use), or JavaScript with --kernel js.
import { readFile } from 'node:fs/promises';
import { ensureWasm } from './wasmBuild';
import { KERNEL_PREFERENCES, loadKernelHandle, type KernelPreference } from '../engine/wasm/kernelChoice';
import type { KernelHandle } from '../engine/wasm/wasmKernels';
import type { OptionSpecs } from './args';

/** The --kernel option of every command that trains (parsed by args.ts like the other options). */
export const KERNEL_OPTION = {
  kernel: { kind: 'choice', values: KERNEL_PREFERENCES, help: 'ALS kernels: auto (WebAssembly SIMD where it runs), js, wasm-simd or wasm-relaxed-simd' },
} as const satisfies OptionSpecs;

/** A kernel handle for one training (null: JavaScript kernels). */
export async function cliKernel(prefer: KernelPreference = 'auto'): Promise<KernelHandle | null> {
  return loadKernelHandle(async (id) => readFile((await ensureWasm((l) => process.stderr.write(`[wasm] ${l}\n`)))[id]), prefer, (why) => process.stderr.write(`${why}\n`));
}
