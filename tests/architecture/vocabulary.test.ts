import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';

// A check's words live in its rule file or in the one zh-CN/en vocabulary
// (src/domain/vocabulary.ts), never in the check's code: a translator or a
// bureau reviewer then finds every word a message can say in two places.
// Comments may be in Chinese; code may not.
const CHECKS = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/checks');
const HAN = /\p{Script=Han}/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Lines of code (comments blanked out) that hold a Chinese character. */
function chineseInCode(fileName: string, text: string): string[] {
  const { comments } = parseSync(fileName, text);
  let code = text;
  for (const c of comments) code = code.slice(0, c.start) + code.slice(c.start, c.end).replace(/[^\n]/g, ' ') + code.slice(c.end);
  return code.split('\n').flatMap((line, i) => (HAN.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

describe('checks', () => {
  it('hold no Chinese words in code: they come from the rule files or the vocabulary', () => {
    const found = sourceFiles(CHECKS).flatMap((file) => chineseInCode(file, readFileSync(file, 'utf8')).map((line) => `${relative(CHECKS, file)}:${line}`));
    expect(found).toEqual([]);
  });

  it('finds a Chinese literal, and lets a Chinese comment be (a check that finds nothing proves nothing)', () => {
    const text = "// 主办者 is the owner\nconst owner = 'owner';\n/* 网站负责人 */\nconst principal = '网站负责人';\n";
    expect(chineseInCode('sample.ts', text)).toEqual(["4: const principal = '网站负责人';"]);
  });
});
