// vitest global setup: builds the WebAssembly kernels (build/wasm, cached) before any test loads them.
import { ensureWasm } from '../src/cli/wasmBuild';

export default async function setup(): Promise<void> {
  await ensureWasm((line) => console.log(`[wasm] ${line}`));
}
