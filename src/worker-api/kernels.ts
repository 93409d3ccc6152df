// The workers' ALS kernels: the WebAssembly modules Vite bundles from build/wasm (fetched once per worker), or JavaScript where they cannot run.
import simdUrl from '../../build/wasm/als-simd.wasm?url';
import relaxedUrl from '../../build/wasm/als-relaxed-simd.wasm?url';
import { jsKernels, type AlsKernels } from '../engine/als/kernelSet';
import { loadKernelHandle, type KernelPreference, type WasmKernelId } from '../engine/wasm/kernelChoice';
import { WasmArena } from '../engine/wasm/arena';
import { WasmKernels, type KernelHandle } from '../engine/wasm/wasmKernels';

const URLS: Record<WasmKernelId, string> = { 'wasm-simd': simdUrl, 'wasm-relaxed-simd': relaxedUrl };

async function fetchModule(id: WasmKernelId): Promise<ArrayBuffer> {
  const res = await fetch(new URL(URLS[id], import.meta.url));
  if (!res.ok) throw new Error(`${URLS[id]}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

let warned = false;

function load(prefer: KernelPreference): Promise<KernelHandle | null> {
  return loadKernelHandle(fetchModule, prefer, (why) => {
    if (!warned) console.warn(why);
    warned = true;
  });
}

/** This worker's training memory per kernel: one training at a time runs here, so each reuses the last one's. */
const trainingHandles = new Map<string, KernelHandle>();

/**
 * The kernels for a training in this worker (null: JavaScript). Their memory is this worker's training arena, reset:
 * a second training (the other objective, or a retrain) reuses the first one's pages instead of adding its own while
 * the garbage collector has not yet freed them.
 */
export async function trainingKernel(prefer: KernelPreference = 'auto'): Promise<KernelHandle | null> {
  const handle = await load(prefer);
  if (!handle) return null;
  const kept = trainingHandles.get(handle.id);
  if (!kept) {
    trainingHandles.set(handle.id, handle);
    return handle;
  }
  WasmArena.attach(kept.memory).reset();
  return kept;
}

/** The kernels for one served model (fold-in, scoring): WebAssembly over a memory of their own, or JavaScript. */
export async function servingKernels(): Promise<AlsKernels> {
  const handle = await load('auto');
  return handle ? new WasmKernels(handle) : jsKernels;
}
