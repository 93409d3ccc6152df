// The ALS kernels' WebAssembly exports (built by src/cli/wasmBuild.ts; loaded by src/engine/wasm/wasmKernels.ts).
export { scratchBytes } from './scratch';
export { cgRow, implicitCgRow } from './cg';
export { exactRow, implicitExactRow, gramOf } from './exact';
export { choleskySolve } from './cholesky';
export { scoreAll } from './score';
export { sumSquaredError } from './rmse';
