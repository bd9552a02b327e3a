// Part of `npm run build`: bundles for a fast start.
//
// 1. The command line's own modules (dist/cli, dist/engine, dist/checks, …,
//    as tsc wrote them) into a few files in dist/bin/, which bin/beianlint.js
//    runs. Loading some eighty small ES modules one by one was a fifth of the
//    time to lint one small file. Packages stay outside the bundle and are
//    still loaded on first use; the engine and the formatters stay separate
//    chunks, loaded after the arguments are read, so --help and --version
//    load neither. The library API (dist/index.js) and the worker threads use
//    the unbundled modules.
// 2. libphonenumber-js's core functions into dist/vendor/libphonenumber-core.cjs
//    (its metadata stays the package's JSON file): as published they are about
//    a hundred small CommonJS modules. src/domain/phone.ts loads this file when
//    it is there and the package otherwise.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';
import { packageRoot } from '../dist/package-files.js';

const dist = join(packageRoot, 'dist');
try {
  rmSync(join(dist, 'bin'), { recursive: true, force: true });
  await build({
    input: { cli: join(dist, 'cli', 'main.js') },
    platform: 'node',
    // Bare specifiers are packages and node: builtins: never bundled.
    external: [/^[^./]/],
    output: { dir: join(dist, 'bin'), format: 'esm' },
    logLevel: 'warn',
  });
  await build({
    input: 'libphonenumber-js/core',
    platform: 'node',
    output: { file: join(dist, 'vendor', 'libphonenumber-core.cjs'), format: 'cjs', exports: 'named' },
    logLevel: 'warn',
  });
} catch (e) {
  console.error(`bundle-cli: ${e.message}`);
  process.exit(1);
}
