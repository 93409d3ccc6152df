// Test helper: the WebAssembly kernels as the CLI loads them (build/wasm, built by the unit tier's global setup).
import { cliKernel } from '../src/cli/kernels';
import type { KernelHandle } from '../src/engine/wasm/wasmKernels';

/** A fresh handle (its own memory) for the plain-SIMD module: the one Node 20 runs without flags. */
export async function simdHandle(): Promise<KernelHandle> {
  const h = await cliKernel('wasm-simd');
  if (!h) throw new Error('the WebAssembly SIMD kernels did not load');
  return h;
}
