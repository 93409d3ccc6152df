// Build step (npm run build:wasm, and before vite build): the ALS kernels' WebAssembly from assembly/ into build/wasm/, when the sources changed.
import { ensureWasm } from '../src/cli/wasmBuild';

await ensureWasm((line) => console.log(`[wasm] ${line}`));
