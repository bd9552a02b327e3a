/**
 * Reads the public test vectors in `shared/vectors/` (a sibling of the repo
 * root; see shared/vectors/SOURCES.md for attribution). A missing or empty file
 * throws, so a test that depends on one fails instead of passing vacuously.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VECTORS_DIR = new URL('../../../shared/vectors/', import.meta.url);

export function vectorPath(name: string): string {
  return fileURLToPath(new URL(name, VECTORS_DIR));
}

/** Non-empty lines of a vector file, verbatim (no trimming inside a line). */
export function vectorLines(name: string): string[] {
  const text = readFileSync(new URL(name, VECTORS_DIR), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) throw new Error(`vector file ${name} has no lines`);
  return lines;
}

/** Vector files whose names match, sorted; throws when none do. */
export function vectorFiles(pattern: RegExp): string[] {
  const names = readdirSync(VECTORS_DIR)
    .filter((n) => pattern.test(n))
    .sort();
  if (names.length === 0) throw new Error(`no vector files match ${pattern}`);
  return names;
}
