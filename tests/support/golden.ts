import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * Compares output with a checked-in golden file. UPDATE_GOLDEN=1 rewrites the
 * file instead, for a reviewed change of output; a missing golden file fails.
 */
export function expectGolden(actual: string, golden: URL): void {
  const path = fileURLToPath(golden);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `golden file ${path} (run with UPDATE_GOLDEN=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
