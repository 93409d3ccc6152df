// Compiles the AssemblyScript ALS kernels (assembly/als) into build/wasm/ (git-ignored), one module per SIMD level; skipped when up to date.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const wasmDir = join(projectRoot, 'build', 'wasm');
const sourceDir = join(projectRoot, 'assembly');

/** The modules: plain 128-bit SIMD (every current browser, Node) and relaxed SIMD (fused multiply-add; Chromium). */
export const WASM_VARIANTS = {
  'wasm-simd': { file: 'als-simd.wasm', features: 'simd,threads' },
  'wasm-relaxed-simd': { file: 'als-relaxed-simd.wasm', features: 'simd,threads,relaxed-simd' },
} as const;
export type WasmVariant = keyof typeof WASM_VARIANTS;

/** Shared imported memory, no runtime or static data: the kernels only read and write addresses they are given. */
const FLAGS = ['-O3', '--noAssert', '--runtime', 'stub', '--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536', '--use', 'abort='];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : [join(dir, e.name)])).sort();
}

/** What the outputs depend on: every source file, the compiler's version and the flags. */
function inputsDigest(): string {
  const h = createHash('sha256');
  const ascVersion = (JSON.parse(readFileSync(join(projectRoot, 'node_modules/assemblyscript/package.json'), 'utf8')) as { version: string }).version;
  h.update(`asc ${ascVersion}\n${FLAGS.join(' ')}\n${JSON.stringify(WASM_VARIANTS)}\n`);
  for (const f of sources(sourceDir)) h.update(`${relative(sourceDir, f)}\n`).update(readFileSync(f));
  return h.digest('hex');
}

/**
 * Section ids of a module. The arena keeps its header in the first 64 KiB and every thread instantiates the module over
 * one shared memory, so a data section (written again at each instantiation) or globals (one copy per thread) would
 * break it: refused here.
 */
function checkSections(bytes: Uint8Array, file: string): void {
  let p = 8;
  const leb = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      v |= (b & 0x7f) << shift;
      if (b < 0x80) return v >>> 0;
      shift += 7;
    }
  };
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = leb();
    if (id === 11 || id === 6) throw new Error(`${file}: the kernels must have no ${id === 11 ? 'static data' : 'globals'} (section ${id}); see src/cli/wasmBuild.ts`);
    p += size;
  }
}

/** The part of AssemblyScript's compiler API used here (its own typings declare a global console of their own). */
interface Asc {
  main(argv: string[], options: { stderr: { write(s: string | Uint8Array): void } }): Promise<{ error: Error | null }>;
}

async function compile(variant: WasmVariant, out: string): Promise<void> {
  const ascModule = 'assemblyscript/asc';
  const asc = ((await import(ascModule)) as { default: Asc }).default;
  const { features } = WASM_VARIANTS[variant];
  const tmp = `${out}.${process.pid}.tmp`;
  const stderr: string[] = [];
  const result = await asc.main([join(sourceDir, 'als', 'index.ts'), '-o', tmp, ...FLAGS, '--enable', features], {
    stderr: { write: (s: string | Uint8Array) => void stderr.push(String(s)) },
  });
  if (result.error) throw new Error(`AssemblyScript could not build ${variant}: ${result.error.message}\n${stderr.join('')}`);
  checkSections(readFileSync(tmp), tmp);
  renameSync(tmp, out); // atomic: a reader never sees half a module
}

/** Builds the modules unless build/wasm already holds them for these sources; returns each variant's path. */
export async function ensureWasm(log: (line: string) => void = () => {}): Promise<Record<WasmVariant, string>> {
  mkdirSync(wasmDir, { recursive: true });
  const paths = Object.fromEntries(Object.entries(WASM_VARIANTS).map(([v, { file }]) => [v, join(wasmDir, file)])) as Record<WasmVariant, string>;
  const stampFile = join(wasmDir, 'stamp.json');
  const digest = inputsDigest();
  const built = existsSync(stampFile) && (JSON.parse(readFileSync(stampFile, 'utf8')) as { digest: string }).digest === digest;
  if (built && Object.values(paths).every((p) => existsSync(p))) return paths;
  const t0 = performance.now();
  for (const v of Object.keys(WASM_VARIANTS) as WasmVariant[]) await compile(v, paths[v]);
  writeFileSync(stampFile, JSON.stringify({ digest }));
  log(`built ${Object.keys(paths).length} WebAssembly kernel modules in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${relative(projectRoot, wasmDir)}`);
  return paths;
}
