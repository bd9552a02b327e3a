import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package root is the nearest directory above this module with a
// package.json: the same from src/ (tests), dist/ (the compiled modules) and
// dist/bin/ (the bundled command line), so schemas/, rules/, data/ and the
// build's outputs are found from all three.
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`beianlint: no package.json above ${from}`);
  }
}

const root = findRoot(dirname(fileURLToPath(import.meta.url)));

export const packageRoot = root.endsWith('/') ? root : `${root}/`;
export const schemasDir = join(root, 'schemas/');
export const rulesDir = join(root, 'rules/');
export const dataDir = join(root, 'data/');
