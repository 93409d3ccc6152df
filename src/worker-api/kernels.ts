// The workers' ALS kernels: the WebAssembly modules Vite bundles from build/wasm (fetched once per worker), or JavaScript where they cannot run.
import simdUrl from '../../build/wasm/als-simd.wasm?url';
import relaxedUrl from '../../build/wasm/als-relaxed-simd.wasm?url';
import { jsKernels, type AlsKernels } from '../engine/als/kernelSet';
import { loadKernelHandle, type KernelPreference, type WasmKernelId } from '../engine/wasm/kernelChoice';
import { WasmKernels, type KernelHandle } from '../engine/wasm/wasmKernels';

const URLS: Record<WasmKernelId, string> = { 'wasm-simd': simdUrl, 'wasm-relaxed-simd': relaxedUrl };

async function fetchModule(id: WasmKernelId): Promise<ArrayBuffer> {
  const res = await fetch(new URL(URLS[id], import.meta.url));
  if (!res.ok) throw new Error(`${URLS[id]}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

let warned = false;

/** A kernel handle for one training (its own memory), or null for the JavaScript kernels. */
export function trainingKernel(prefer: KernelPreference = 'auto'): Promise<KernelHandle | null> {
  return loadKernelHandle(fetchModule, prefer, (why) => {
    if (!warned) console.warn(why);
    warned = true;
  });
}

/** The kernels for one served model (fold-in, scoring): WebAssembly over a fresh memory, or JavaScript. */
export async function servingKernels(): Promise<AlsKernels> {
  const handle = await trainingKernel();
  return handle ? new WasmKernels(handle) : jsKernels;
}
