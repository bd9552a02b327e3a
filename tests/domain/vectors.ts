// Reads the public test vectors of shared/vectors (see its SOURCES.md for
// where each file comes from and under which licence). The folder is a
// sibling of the repository, here and in CI's fresh clone.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VECTORS_DIR = fileURLToPath(new URL('../../../shared/vectors/', import.meta.url));

/**
 * The lines of one vector file, exactly as written (no trimming: a stray space
 * would be part of the vector). Throws when the file is missing or empty, so
 * a test built on it fails instead of passing over nothing.
 */
export function readVectors(name: string): string[] {
  const path = VECTORS_DIR + name;
  if (!existsSync(path)) throw new Error(`vector file missing: ${path}`);
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new Error(`vector file empty: ${path}`);
  return lines;
}

export function listVectorFiles(): string[] {
  return readdirSync(VECTORS_DIR).sort();
}
