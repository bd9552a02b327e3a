import { fileURLToPath } from 'node:url';

// src/ and dist/ sit side by side under the package root, so the bundled
// schemas/ and rules/ are found the same way from both.
const root = new URL('../', import.meta.url);

export const packageRoot = fileURLToPath(root);
export const schemasDir = fileURLToPath(new URL('schemas/', root));
export const rulesDir = fileURLToPath(new URL('rules/', root));
