import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first. Imports flow one way: a module may import
// its own layer and the layers below it, never one above (docs/architecture.md).
// So the engine, which lints one record or one text, never imports the runner,
// which runs it over sets of files. Leaves any layer may use:
// package-files.ts (where the package's files are) and generated/ (types from
// the schemas). index.ts is the package's public entry and may import anything.
// cli and lsp are the two front ends, side by side at the top: neither imports the other.
const LAYERS: string[][] = [['input'], ['schema', 'domain'], ['checks'], ['engine'], ['runner'], ['formatters'], ['cli', 'lsp']];
const LEAVES = new Set(['package-files', 'generated']);

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level part of src/ a path lies in: `engine`, `package-files`, … */
function partOf(path: string): string {
  return relative(SRC, path).split(sep)[0]!.replace(/\.(ts|js)$/, '');
}

function rankOf(part: string): number | undefined {
  const rank = LAYERS.findIndex((layer) => layer.includes(part));
  return rank < 0 ? undefined : rank;
}

/** Relative module specifiers of a file: static imports, re-exports and dynamic imports. */
function importsOf(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
    found.add((m[1] ?? m[2])!);
  }
  return [...found];
}

describe('the layers of src/', () => {
  const files = sourceFiles(SRC);

  it('every top-level part of src/ has a place in the order', () => {
    const parts = new Set(files.map(partOf));
    const placed = (p: string) => rankOf(p) !== undefined || LEAVES.has(p) || p === 'index';
    expect([...parts].filter((p) => !placed(p))).toEqual([]);
  });

  it('no module imports a layer above its own', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = partOf(file);
      const rank = rankOf(from);
      if (rank === undefined) continue;
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const to = partOf(resolve(dirname(file), spec));
        if (LEAVES.has(to)) continue;
        const target = rankOf(to);
        if (target === undefined || target > rank) upward.push(`${relative(SRC, file)} imports ${spec} (${from} → ${to})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the two front ends, cli and lsp, do not import each other', () => {
    const across: string[] = [];
    for (const file of files) {
      const from = partOf(file);
      if (from !== 'cli' && from !== 'lsp') continue;
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const to = partOf(resolve(dirname(file), spec));
        if ((to === 'cli' || to === 'lsp') && to !== from) across.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(across).toEqual([]);
  });

  it('has no import cycle among modules, type-only imports included', () => {
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const targets = importsOf(readFileSync(file, 'utf8')).map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
      graph.set(file, targets.filter((t) => graph.has(t) || files.includes(t)));
    }
    expect(cyclesOf(graph).map((cycle) => cycle.map((f) => relative(SRC, f)).join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one (a check that finds none proves nothing)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('finds the imports it checks (a test that reads nothing proves nothing)', () => {
    const checksImports = files.filter((f) => partOf(f) === 'checks').flatMap((f) => importsOf(readFileSync(f, 'utf8')));
    expect(checksImports.length).toBeGreaterThan(50);
    expect(importsOf("import { a } from '../engine/x.js';\nexport { b } from './y.js';\nconst m = await import('../z.js');")).toEqual([
      '../engine/x.js',
      './y.js',
      '../z.js',
    ]);
  });
});

/** The cycles of a directed graph: each strongly connected component of more than one node, or a node importing itself (Tarjan). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}
