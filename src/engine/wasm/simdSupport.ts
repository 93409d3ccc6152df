// Feature detection for the WebAssembly kernels: SIMD, relaxed SIMD and shared memory, by validating tiny modules.

// The probes of wasm-feature-detect (GoogleChromeLabs): one function each using an instruction of the feature.
/** (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt) */
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
/** (func (result v128) i32.const 1 i8x16.splat i32.const 2 i8x16.splat i8x16.relaxed_swizzle) */
const RELAXED_SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15, 65, 2, 253, 15, 253, 128, 2, 11];

export interface WasmFeatures {
  simd: boolean;
  relaxedSimd: boolean;
  /** A shared WebAssembly.Memory can be made (SharedArrayBuffer: Node, or a cross-origin isolated page). */
  sharedMemory: boolean;
}

let cached: WasmFeatures | null = null;

function validates(bytes: number[]): boolean {
  try {
    return WebAssembly.validate(new Uint8Array(bytes));
  } catch {
    return false;
  }
}

function canShareMemory(): boolean {
  if (typeof SharedArrayBuffer !== 'function') return false;
  try {
    return new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}

/** What this platform's WebAssembly supports (computed once). */
export function wasmFeatures(): WasmFeatures {
  if (cached) return cached;
  const ok = typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function';
  cached = {
    simd: ok && validates(SIMD_PROBE),
    relaxedSimd: ok && validates(RELAXED_SIMD_PROBE),
    sharedMemory: ok && canShareMemory(),
  };
  return cached;
}
