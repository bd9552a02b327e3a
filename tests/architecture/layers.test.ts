import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first. Imports flow one way: a module may import
// its own layer and the layers below it, never one above (docs/writing-rules.md,
// and issue 19's "imports flowing one way"). Leaves any layer may use:
// package-files.ts (where the package's files are) and generated/ (types from
// the schemas). index.ts is the package's public entry and may import anything.
const LAYERS: string[][] = [['input'], ['schema', 'domain'], ['checks'], ['engine'], ['formatters'], ['cli']];
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
