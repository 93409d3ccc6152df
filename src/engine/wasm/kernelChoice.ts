// Which ALS kernels run here: WebAssembly relaxed SIMD, SIMD, or the JavaScript fallback (feature-detected), compiled once per thread.
import type { KernelId } from '../types';
import { WasmArena } from './arena';
import { wasmFeatures, type WasmFeatures } from './simdSupport';
import type { KernelHandle } from './wasmKernels';

/** 'auto' picks the fastest the platform runs; a named kernel is used or refused with the reason. */
export type KernelPreference = 'auto' | KernelId;
export type WasmKernelId = Exclude<KernelId, 'js'>;

/** Reads a module's bytes (fetch in the browser, the file in Node). */
export type ModuleBytes = (id: WasmKernelId) => Promise<BufferSource>;

export const KERNEL_PREFERENCES: readonly KernelPreference[] = ['auto', 'js', 'wasm-simd', 'wasm-relaxed-simd'];

/** Why a WebAssembly kernel cannot run here, or null when it can. */
export function unsupportedReason(id: WasmKernelId, f: WasmFeatures = wasmFeatures()): string | null {
  if (!f.simd) return 'this platform has no WebAssembly SIMD';
  if (id === 'wasm-relaxed-simd' && !f.relaxedSimd) return 'this platform has no WebAssembly relaxed SIMD';
  if (!f.sharedMemory) return 'shared WebAssembly memory needs SharedArrayBuffer (a cross-origin isolated page)';
  return null;
}

/** The kernel a preference resolves to: 'auto' is relaxed SIMD, else SIMD, else JavaScript. A named one it cannot run throws. */
export function chooseKernel(prefer: KernelPreference = 'auto', f: WasmFeatures = wasmFeatures()): KernelId {
  if (prefer === 'js') return 'js';
  if (prefer === 'auto') return unsupportedReason('wasm-relaxed-simd', f) === null ? 'wasm-relaxed-simd' : unsupportedReason('wasm-simd', f) === null ? 'wasm-simd' : 'js';
  const why = unsupportedReason(prefer, f);
  if (why) throw new Error(`The ${prefer} kernels cannot run: ${why}`);
  return prefer;
}

const modules = new Map<WasmKernelId, Promise<WebAssembly.Module>>();

/**
 * The kernels for one training or one served model: a compiled module (cached per thread) and a fresh shared memory
 * (WasmArena) for its data, or null for the JavaScript kernels. A module that fails to load or compile falls back to
 * JavaScript under 'auto' (the reason goes to `onFallback`) and throws when the kernel was asked for by name.
 */
export async function loadKernelHandle(bytes: ModuleBytes, prefer: KernelPreference = 'auto', onFallback?: (reason: string) => void): Promise<KernelHandle | null> {
  const id = chooseKernel(prefer);
  if (id === 'js') return null;
  let pending = modules.get(id);
  if (!pending) {
    pending = bytes(id).then((b) => WebAssembly.compile(b));
    modules.set(id, pending);
  }
  try {
    return { id, module: await pending, memory: WasmArena.create().memory };
  } catch (e) {
    modules.delete(id);
    if (prefer !== 'auto') throw e;
    onFallback?.(`the ${id} kernels did not load (${(e as Error).message}); JavaScript kernels run instead`);
    return null;
  }
}

/** The same compiled kernels over a memory of their own (one per training, so each training's memory is freed with it). */
export function withFreshMemory(h: KernelHandle): KernelHandle {
  return { id: h.id, module: h.module, memory: WasmArena.create().memory };
}
