// Builds the VS Code extension and its .vsix (`npm run build:vscode`, the
// last step of `npm run build`; it reads the root build's dist/).
//
// The extension must run with no `npm install` anywhere, so everything is
// bundled with rolldown:
//
//   dist/extension.js       the client: vscode-languageclient, CommonJS, with
//                           `vscode` left to the editor.
//   dist/server/            the language server, laid out as the npm package
//                           is (package.json, dist/, schemas/, rules/, data/),
//                           so src/package-files.ts finds its root from the
//                           bundle as it does from the package:
//     dist/beianlint-language-server.js   the server and every package it loads
//     dist/runner/worker.js               the worker thread, where pool.ts looks
//     dist/validators.cjs                 the build's compiled schema validators
//
// Our modules load packages through `createRequire(import.meta.url)` (on first
// use, see src/domain/libraries.ts); a bundler cannot follow such a require,
// so `sameFolderRequires` turns them into plain `require` calls first, which
// rolldown bundles. An import left unresolved, which would be loaded at run
// time, is a build error (`unresolvedIsAnError`).
//
// dist/rules.bundle.json ships beside them: it is keyed by the rule files'
// content, so the installed server loads the rules from it instead of parsing
// and compiling every YAML rule file at start.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';
import { build } from 'rolldown';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = join(extensionDir, '..', '..');
const rootDist = join(repositoryRoot, 'dist');
const outDir = join(extensionDir, 'dist');
const serverRoot = join(outDir, 'server');

/** The language server's entry: the bin users run, which starts the server over stdio. */
const SERVER_ENTRY = join(repositoryRoot, 'bin', 'beianlint-language-server.js');
/**
 * What the server reads at run time, beside its package.json: the schemas,
 * rule files and region data, and the rule documentation its diagnostics
 * link to when the package names no repository (src/lsp/rule-docs.ts).
 */
const DATA_PATHS = ['schemas', 'rules', 'data', 'docs/rules.md', 'dist/rules.bundle.json'];

/**
 * `const require = createRequire(import.meta.url);` and
 * `createRequire(import.meta.url)('pkg')` in our own compiled modules, made
 * plain `require`, which rolldown resolves and bundles. A require of a path
 * computed at run time (dist/validators.cjs) stays a run-time require.
 */
function sameFolderRequires() {
  return {
    name: 'beianlint-same-folder-requires',
    transform: {
      filter: { id: { include: [new RegExp(`^${escapeRegExp(rootDist + sep)}`)] } },
      handler(code, id) {
        if (!code.includes('createRequire(import.meta.url)')) return null;
        const rewritten = code
          .replace(/\bconst require = createRequire\(import\.meta\.url\);/g, '')
          .replace(/\bcreateRequire\(import\.meta\.url\)\(/g, 'require(');
        if (rewritten.includes('createRequire(')) throw new Error(`${id}: a createRequire this build does not know how to bundle`);
        return { code: rewritten, map: null };
      },
    },
  };
}

function escapeRegExp(text) {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * An import or require rolldown cannot resolve would be left to run time,
 * where the installed extension has no node_modules: a build error here.
 */
const unresolvedIsAnError = {
  onLog(level, log, handler) {
    if (log.code === 'UNRESOLVED_IMPORT') throw new Error(`not bundled: ${log.message}`);
    handler(level, log);
  },
};

async function bundleClient() {
  await build({
    input: join(extensionDir, 'src', 'extension.ts'),
    platform: 'node',
    external: ['vscode'],
    ...unresolvedIsAnError,
    output: { file: join(outDir, 'extension.js'), format: 'cjs', minify: true },
    logLevel: 'warn',
  });
}

async function bundleServer() {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${relative(repositoryRoot, SERVER_ENTRY)} is missing`);
  await build({
    input: {
      'beianlint-language-server': SERVER_ENTRY,
      'runner/worker': join(rootDist, 'runner', 'worker.js'),
    },
    platform: 'node',
    // jsonc-parser and vscode-json-languageservice publish UMD modules whose
    // inner requires go through the wrapper's parameter, where a bundler
    // cannot follow them; their ES module builds can be followed.
    resolve: { mainFields: ['module', 'main'] },
    plugins: [sameFolderRequires()],
    ...unresolvedIsAnError,
    output: {
      dir: join(serverRoot, 'dist'),
      format: 'esm',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Names are kept, so a stack trace the server logs to the editor still says where it failed.
      minify: { compress: true, mangle: false },
    },
    logLevel: 'warn',
  });
  // The validators ajv compiled at build time require a few of ajv's run-time helpers.
  await build({
    input: join(rootDist, 'validators.cjs'),
    platform: 'node',
    ...unresolvedIsAnError,
    output: { file: join(serverRoot, 'dist', 'validators.cjs'), format: 'cjs', exports: 'named', minify: true },
    logLevel: 'warn',
  });
}

/**
 * The server folder's package.json: the root package-files.ts looks for, the
 * version the cache keys on, and the repository the rule links point into.
 */
function writeServerManifest() {
  const { version, repository, homepage } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8'));
  const manifest = { name: 'beianlint-language-server-bundle', version, private: true, type: 'module', repository, homepage };
  writeFileSync(join(serverRoot, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

function copyData() {
  for (const path of DATA_PATHS) cpSync(join(repositoryRoot, path), join(serverRoot, path), { recursive: true });
}

/** The extension's version is the package's: the server it bundles is that version. */
function assertSameVersion() {
  const own = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')).version;
  const root = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')).version;
  if (own !== root) throw new Error(`editors/vscode/package.json has version ${own}, the package ${root}: make them equal`);
}

async function packageVsix() {
  const { name, version } = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
  const packagePath = join(extensionDir, `${name}-${version}.vsix`);
  rmSync(packagePath, { force: true });
  // Everything it needs is bundled: no dependency is listed, so none is looked up.
  await createVSIX({ cwd: extensionDir, packagePath, dependencies: false, allowMissingRepository: true });
  return packagePath;
}

try {
  assertSameVersion();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(serverRoot, { recursive: true });
  await bundleClient();
  await bundleServer();
  writeServerManifest();
  copyData();
  const vsix = await packageVsix();
  console.log(`build-vscode: ${relative(repositoryRoot, vsix)} (${Math.round(statSync(vsix).size / 1024)} KiB)`);
} catch (e) {
  console.error(`build-vscode: ${e.message}`);
  process.exit(1);
}
