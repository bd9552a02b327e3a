import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../input/index.js';
import { ConfigurationError } from '../engine/types.js';

const IGNORE = ['**/node_modules/**', '**/.git/**'];
const EXT_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/**
 * Turns the command line's paths into files, in the order given: a file as
 * is, a directory as its supported files in sorted order, anything else as a
 * glob. A pattern that matches nothing is a usage error, as in ESLint.
 */
export async function expandPaths(patterns: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (file: string) => {
    const abs = resolve(cwd, file);
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push(abs);
    }
  };
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isFile()) {
      add(abs);
    } else if (info?.isDirectory()) {
      const { default: fg } = await import('fast-glob');
      const files = await fg(EXT_GLOB, { cwd: abs, absolute: true, ignore: IGNORE, dot: false, onlyFiles: true, followSymbolicLinks: false });
      files.sort().forEach(add);
    } else {
      // Loaded only for directories and globs: a run on named files starts without it.
      const { default: fg } = await import('fast-glob');
      const files = fg.isDynamicPattern(pattern) ? await fg(pattern, { cwd, absolute: true, ignore: IGNORE, onlyFiles: true }) : [];
      if (files.length === 0) throw new ConfigurationError({ en: `no files match "${pattern}"`, 'zh-CN': `没有文件与 "${pattern}" 匹配` });
      files.sort().forEach(add);
    }
  }
  return out;
}
