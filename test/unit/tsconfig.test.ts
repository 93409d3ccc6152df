// The layer rules npm run typecheck relies on, read from the tsconfig files themselves: the page's projects reach no
// worker code through their references, each layer has the platform types it may use and no others, and every
// source file is checked by some project.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface Project {
  name: string;
  options: ts.CompilerOptions;
  files: string[];
  references: string[];
}

function load(path: string): Project {
  const file = path.endsWith('.json') ? path : join(path, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(file, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!config) throw new Error(`cannot read ${file}`);
  return {
    name: relative(root, file),
    options: config.options,
    files: config.fileNames.map((f) => relative(root, f)).filter((f) => !f.startsWith('.tsbuild/')),
    references: (config.projectReferences ?? []).map((r) => relative(root, ts.resolveProjectReferencePath(r))),
  };
}

const solution = load(join(root, 'tsconfig.json'));
const projects = new Map(solution.references.map((r) => [r, load(join(root, r))]));
const project = (dir: string): Project => projects.get(`${dir}/tsconfig.json`) ?? projects.get(dir)!;

/** The projects `p` reaches through references, at any depth (references are transitive for imports). */
function reach(p: Project, seen = new Set<string>()): Set<string> {
  for (const r of p.references) if (!seen.has(r)) reach(projects.get(r) ?? load(join(root, r)), seen.add(r));
  return seen;
}

const libs = (p: Project) => (p.options.lib ?? []).map((l) => l.replace(/^lib\.|\.d\.ts$/g, '')).sort();
const WORKER_CODE = /^(src\/worker-api\/|workers\/.*\.worker\.ts$)/;

describe('layers the compiler enforces', () => {
  test('the page (src/app, src/client) reaches no project holding worker code, so importing it is an error', () => {
    for (const page of ['src/app', 'src/client']) {
      const reached = [...reach(project(page))];
      expect(reached.length).toBeGreaterThan(0);
      for (const r of reached) expect(projects.get(r)!.files.filter((f) => WORKER_CODE.test(f)), `${page} → ${r}`).toEqual([]);
      expect(project(page).files.filter((f) => WORKER_CODE.test(f))).toEqual([]);
    }
  });

  test('each layer compiles with its own platform: engine ES2022 alone, store/sync/workers the worker lib, page the DOM, CLI Node', () => {
    expect(libs(project('src/engine'))).toEqual(['es2022']);
    expect(project('src/engine').options.types).toEqual([]);
    for (const worker of ['src/store', 'src/sync', 'src/worker-api']) {
      expect(libs(project(worker))).toEqual(['es2022', 'webworker']);
      expect(project(worker).options.types).toEqual([]);
    }
    for (const page of ['src/app', 'src/client']) expect(libs(project(page))).toEqual(['dom', 'dom.iterable', 'es2022']);
    expect(libs(project('src/cli'))).toEqual(['es2022']);
    expect(project('src/cli').options.types).toEqual(['node']);
  });

  test('the worker side is built before the page that reads its declarations', () => {
    const order = solution.references;
    expect(order.indexOf('src/worker-api/tsconfig.json')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('src/worker-api/tsconfig.json')).toBeLessThan(order.indexOf('src/client/tsconfig.json'));
    expect(order.indexOf('src/worker-api/tsconfig.json')).toBeLessThan(order.indexOf('src/app/tsconfig.json'));
  });

  test('every source file is type checked by some project', () => {
    const checked = new Set([...projects.values()].flatMap((p) => p.files));
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(join(root, dir))) {
        const path = join(dir, name);
        if (name === 'node_modules') continue;
        if (statSync(join(root, path)).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) sources.push(path);
      }
    };
    for (const dir of ['src', 'workers', 'test', 'bench', 'scripts', 'data']) walk(dir);
    expect(sources.length).toBeGreaterThan(200);
    expect(sources.filter((f) => !checked.has(f))).toEqual([]);
  });
});
