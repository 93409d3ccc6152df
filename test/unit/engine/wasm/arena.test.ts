// The kernels' memory: arrays allocated there are recognised from any view of it, and a reset hands out zeroed memory again.
import { expect, test } from 'vitest';
import { WasmArena } from '../../../../src/engine/wasm/arena';
import { chooseKernel } from '../../../../src/engine/wasm/kernelChoice';

test('owns: its own arrays (also after the memory grew, and through another attachment), nothing else', () => {
  const a = WasmArena.create(1024);
  const small = a.f32(10);
  const big = a.f64(3_000_000); // grows the memory: views made before stay valid
  small[3] = 7;
  expect(a.owns(small) && a.owns(big)).toBe(true);
  expect(WasmArena.attach(a.memory).owns(small)).toBe(true);
  expect(a.owns(new Float32Array(10))).toBe(false);
  expect(a.owns(new Float32Array(new SharedArrayBuffer(1 << 17)))).toBe(false);
  expect(WasmArena.create().owns(small)).toBe(false);
  expect(new Float32Array(a.memory.buffer, small.byteOffset, 10)[3]).toBe(7);
});

test('after a reset the same pages are handed out again, zeroed', () => {
  const a = WasmArena.create();
  const first = a.i32(1000).fill(-1);
  const used = a.usedBytes;
  a.reset();
  const again = a.i32(1000);
  expect(again.byteOffset).toBe(first.byteOffset);
  expect(again.every((x) => x === 0)).toBe(true);
  expect(a.usedBytes).toBe(used);
});

test("kernel choice: 'auto' takes relaxed SIMD, else SIMD, else JavaScript; a named kernel that cannot run is refused", () => {
  const all = { simd: true, relaxedSimd: true, sharedMemory: true };
  expect(chooseKernel('auto', all)).toBe('wasm-relaxed-simd');
  expect(chooseKernel('auto', { ...all, relaxedSimd: false })).toBe('wasm-simd');
  expect(chooseKernel('auto', { ...all, sharedMemory: false })).toBe('js');
  expect(chooseKernel('auto', { simd: false, relaxedSimd: false, sharedMemory: true })).toBe('js');
  expect(chooseKernel('js', all)).toBe('js');
  expect(() => chooseKernel('wasm-relaxed-simd', { ...all, relaxedSimd: false })).toThrow(/no WebAssembly relaxed SIMD/);
  expect(() => chooseKernel('wasm-simd', { ...all, sharedMemory: false })).toThrow(/SharedArrayBuffer/);
});
