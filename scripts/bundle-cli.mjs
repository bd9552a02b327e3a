// Part of `npm run build`: bundles the command line's own modules (dist/cli,
// dist/engine, dist/checks, …, as tsc wrote them) into a few files in
// dist/bin/, which bin/beianlint.js runs. Loading some eighty small ES modules
// one by one was a fifth of the time to lint one small file; packages from
// node_modules stay outside the bundle and are still loaded on first use.
// The engine and the formatters stay separate chunks, loaded after the
// arguments are read, so --help and --version load neither. The library API
// (dist/index.js) and the worker threads use the unbundled modules.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';
import { packageRoot } from '../dist/package-files.js';

const outDir = join(packageRoot, 'dist', 'bin');
rmSync(outDir, { recursive: true, force: true });
try {
  await build({
    input: { cli: join(packageRoot, 'dist', 'cli', 'main.js') },
    platform: 'node',
    // Bare specifiers are packages and node: builtins: never bundled.
    external: [/^[^./]/],
    output: { dir: outDir, format: 'esm' },
    logLevel: 'warn',
  });
} catch (e) {
  console.error(`bundle-cli: ${e.message}`);
  process.exit(1);
}
