import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/input/line-index.js';

// A function a reader can hold in their head: no function in src/ runs over
// MAX_LINES lines, unless the comment just before it says why it is long
// (a lexer's one loop over bytes reads better whole than cut into pieces).
const MAX_LINES = 80;
const EXPLAINED = 'Why it is long:';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

interface Node {
  type?: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Functions of a text longer than `maxLines`, as `name (lines)`, unless explained in the comment before them. */
function longFunctions(fileName: string, text: string, maxLines = MAX_LINES): string[] {
  const { program, comments } = parseSync(fileName, text);
  const lines = new LineIndex(text);
  const lineOf = (offset: number): number => lines.position(offset).line;
  /** The comment ending nearest before `offset`, with only blanks, `export`, `async` and modifiers between. */
  const commentBefore = (offset: number): string => {
    const before = comments.filter((c) => c.end <= offset).at(-1);
    if (!before) return '';
    return /^[\s]*(?:(?:export|default|async|private|public|protected|static|readonly|const|let|function)\b[\s\w]*)?$/.test(text.slice(before.end, offset)) ? before.value : '';
  };
  const found: string[] = [];
  const walk = (node: unknown, owner: { name: string; start: number }): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) walk(child, owner);
      return;
    }
    const n = node as Node;
    let here = owner;
    if (n.type === 'MethodDefinition' || n.type === 'PropertyDefinition' || n.type === 'VariableDeclarator' || n.type === 'FunctionDeclaration') {
      const key = (n.key ?? n.id) as { name?: string } | undefined;
      here = { name: key?.name ?? owner.name, start: n.type === 'VariableDeclarator' ? owner.start : n.start };
    } else if (n.type === 'VariableDeclaration' || n.type === 'ExportNamedDeclaration') {
      here = { name: owner.name, start: n.start };
    }
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') {
      const lines = lineOf(n.end) - lineOf(n.start) + 1;
      if (lines > maxLines && !commentBefore(here.start).includes(EXPLAINED)) found.push(`${here.name || '(anonymous)'} (${lines} lines)`);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'parent' && value && typeof value === 'object') walk(value, here);
  };
  walk(program, { name: '', start: 0 });
  return found;
}

describe('functions in src/', () => {
  it(`run to at most ${MAX_LINES} lines, or say why at their top`, () => {
    const long = sourceFiles(SRC).flatMap((file) => longFunctions(file, readFileSync(file, 'utf8')).map((f) => `${relative(SRC, file)}: ${f}`));
    expect(long).toEqual([]);
  });

  it('finds a long function, and accepts one whose comment explains it (a check that finds nothing proves nothing)', () => {
    const body = Array.from({ length: 6 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = [
      'export function plain(): void {',
      body,
      '}',
      `/** ${EXPLAINED} one loop. */`,
      'export function explained(): void {',
      body,
      '}',
      'class A {',
      '  method(): void {',
      body,
      '  }',
      '}',
      'const arrow = () => {',
      body,
      '};',
    ].join('\n');
    expect(longFunctions('sample.ts', text, 5)).toEqual(['plain (8 lines)', 'method (8 lines)', 'arrow (8 lines)']);
  });
});
