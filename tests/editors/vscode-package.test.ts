// The VS Code extension as it ships: the .vsix `npm run build` makes
// (editors/vscode/scripts/build.mjs). What is in it, how large it is, and
// that the server bundled in it starts and lints where no node_modules is.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import Module, { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { runMainIn } from '../support/cli.js';
import { unzipTo, zipEntries, type ZipEntry } from './zip.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSION = join(ROOT, 'editors', 'vscode');
const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  contributes: { jsonValidation: Array<{ url: string }>; yamlValidation: Array<{ url: string }> };
};
const VSIX = join(EXTENSION, `${manifest.name}-${manifest.version}.vsix`);
/** The server's entry inside the extension (extension.ts starts the same file). */
const SERVER = 'dist/server/dist/beianlint-language-server.js';
/**
 * The .vsix holds the bundled client and server, the rules, schemas, region
 * data and rule docs, about 1 MiB compressed. node_modules would take it to
 * tens of MiB, so a bound of 2 MiB catches it with room for the rules to grow.
 */
const MAX_VSIX_BYTES = 2 * 1024 * 1024;

let entries: ZipEntry[] = [];
let names = new Set<string>();

beforeAll(() => {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: \`npm run build\` (or \`npm run build:vscode\` after it) makes it`);
  entries = zipEntries(readFileSync(VSIX));
  names = new Set(entries.map((e) => e.name));
});

describe('the .vsix', () => {
  it('holds the manifest, its translations, the README and the licence', () => {
    // vsce ships README.md as readme.md and LICENSE as LICENSE.txt.
    for (const file of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'readme.md', 'LICENSE.txt']) {
      expect(names, file).toContain(`extension/${file}`);
    }
    expect(names).toContain('extension.vsixmanifest');
  });

  it('holds the bundled client the manifest names, and the bundled server with its worker and validators', () => {
    expect(names).toContain(`extension/${manifest.main.replace(/^\.\//, '')}`);
    for (const file of [SERVER, 'dist/server/dist/runner/worker.js', 'dist/server/dist/validators.cjs', 'dist/server/package.json']) {
      expect(names, file).toContain(`extension/${file}`);
    }
  });

  it('holds the schema the jsonValidation and yamlValidation contributions point at', () => {
    const urls = [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation].map((c) => c.url);
    expect(new Set(urls)).toEqual(new Set(['./dist/server/schemas/filing.schema.json']));
    expect(names).toContain('extension/dist/server/schemas/filing.schema.json');
  });

  it('holds every bundled rule file, their bundle, the region data and the rule docs', () => {
    const rules = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml'));
    expect(rules.length).toBeGreaterThan(30);
    for (const rule of rules) expect(names, rule).toContain(`extension/dist/server/rules/${rule}`);
    expect(names).toContain('extension/dist/server/data/gb2260-regions.tsv');
    expect(names).toContain('extension/dist/server/docs/rules.md');
    // Current by the rule files' content, so the installed server loads it rather than the YAML.
    expect(names).toContain('extension/dist/server/dist/rules.bundle.json');
  });

  it('holds no node_modules, no sources and no build scripts', () => {
    const strays = [...names].filter((n) => /(^|\/)node_modules\//.test(n) || /\.tsx?$/.test(n) || n.startsWith('extension/scripts/') || n.startsWith('extension/src/') || n.endsWith('.vsix'));
    expect(strays).toEqual([]);
  });

  it('has a client that loads as CommonJS with nothing but vscode and Node built-ins, and exports activate and deactivate', () => {
    const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = loader._load;
    const loaded = new Set<string>();
    // Any property of this stand-in for the vscode API is another stand-in: enough for the bundle's top level.
    const standIn = (): unknown => new Proxy(function () {}, { get: (_t, key) => (key === 'then' ? undefined : standIn()), apply: () => standIn(), construct: () => standIn() as object });
    loader._load = function (request: string, ...rest: unknown[]) {
      if (request === 'vscode') return standIn();
      if (!request.startsWith('/')) loaded.add(request);
      return load.call(this, request, ...rest);
    };
    try {
      const client = createRequire(import.meta.url)(join(unpacked(), manifest.main)) as Record<string, unknown>;
      expect(Object.keys(client).sort()).toEqual(['activate', 'deactivate']);
    } finally {
      loader._load = load;
    }
    expect([...loaded].filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
  });

  it('declares no dependency for VS Code to install', () => {
    const shipped = JSON.parse(readFileSync(join(unpacked(), 'package.json'), 'utf8')) as { dependencies?: object };
    expect(shipped.dependencies ?? {}).toEqual({});
  });

  it(`is at most ${MAX_VSIX_BYTES / 1024 / 1024} MiB`, () => {
    expect(statSync(VSIX).size).toBeLessThanOrEqual(MAX_VSIX_BYTES);
  });
});

let unpackedDir: string | undefined;

/** The .vsix's extension/ folder, unpacked once into a temporary folder. */
function unpacked(): string {
  if (!unpackedDir) {
    unpackedDir = join(mkdtempSync(join(tmpdir(), 'vsix-')), 'extension');
    unzipTo(VSIX, unpackedDir, 'extension/');
  }
  return unpackedDir;
}

/** The folders from `dir` up to the root that hold a node_modules. */
function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules'))) found.push(at);
    if (dirname(at) === at) return found;
  }
}

class BundledServer {
  readonly published = new Map<string, Diagnostic[]>();
  private waiters: Array<() => void> = [];
  stderr = '';

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      this.published.set(uri, diagnostics);
      for (const wake of this.waiters.splice(0)) wake();
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    connection.listen();
  }

  /** The server as VS Code starts it: `node <server> --stdio`, from a folder with no node_modules. */
  static async start(extension: string, workspace: string, locale: string): Promise<BundledServer> {
    const child = spawn(process.execPath, [join(extension, SERVER), '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: '' } });
    const server = new BundledServer(createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), child);
    await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      locale,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'filings' }],
      capabilities: {},
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  async open(file: string, languageId: string, text = readFileSync(file, 'utf8')): Promise<string> {
    const uri = pathToFileURL(file).href;
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async diagnostics(uri: string, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.published.has(uri)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri}; the server said: ${this.stderr}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
    return this.published.get(uri)!;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}

/** What the CLI prints for a file, in the shape of a diagnostic. */
async function cliDiagnostics(cwd: string, name: string): Promise<Array<Record<string, unknown>>> {
  const { stdout } = await runMainIn(cwd, ['--format', 'json', name]);
  const [result] = JSON.parse(stdout) as Array<{ messages: Array<Record<string, number | string>> }>;
  const severity: Record<string, number> = { error: 1, warning: 2, info: 3 };
  return result!.messages.map((m) => ({
    code: m.ruleId,
    severity: severity[m.severity!],
    message: m.message,
    range: { start: { line: Number(m.line) - 1, character: Number(m.column) - 1 }, end: { line: Number(m.endLine) - 1, character: Number(m.endColumn) - 1 } },
  }));
}

function labels(result: CompletionList | CompletionItem[] | null): string[] {
  return (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
}

describe('the server bundled in the .vsix', () => {
  let server: BundledServer | undefined;
  let workspace: string;

  beforeAll(async () => {
    workspace = join(mkdtempSync(join(tmpdir(), 'vsix-workspace-')), 'filings');
    mkdirSync(workspace);
    for (const name of ['individual-defects.yaml', 'enterprise-clean.json', 'batch.jsonl']) copyFileSync(join(ROOT, 'examples', name), join(workspace, name));
    server = await BundledServer.start(unpacked(), workspace, 'en');
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('runs from a folder with no node_modules above it', () => {
    expect(nodeModulesAbove(unpacked())).toEqual([]);
    expect(nodeModulesAbove(workspace)).toEqual([]);
  });

  it.each([
    ['individual-defects.yaml', 'yaml'],
    ['batch.jsonl', 'jsonl'],
  ])('publishes for %s what the CLI prints', async (name, languageId) => {
    const uri = await server!.open(join(workspace, name), languageId);
    const diagnostics = await server!.diagnostics(uri);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range }))).toEqual(await cliDiagnostics(workspace, name));
    expect(diagnostics.every((d) => d.source === 'beianlint')).toBe(true);
  });

  it('completes enum codes and field names in YAML and JSON from the bundled schema', async () => {
    const yaml = await server!.open(join(workspace, 'individual-defects.yaml'), 'yaml');
    const text = readFileSync(join(workspace, 'individual-defects.yaml'), 'utf8').split('\n');
    const stageLine = text.findIndex((l) => /^stage:/.test(l));
    expect(stageLine).toBeGreaterThanOrEqual(0);
    const stages = await server!.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: yaml }, position: { line: stageLine, character: 'stage: '.length } });
    expect(labels(stages)).toEqual(expect.arrayContaining(['draft', 'submitted', 'approved']));
    const json = await server!.open(join(workspace, 'draft.json'), 'json', '{\n  "owner": { "kind": "" },\n  \n}\n');
    const kinds = await server!.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: json }, position: { line: 1, character: 23 } });
    expect(labels(kinds)).toEqual(expect.arrayContaining(['"unit"', '"individual"']));
    const fields = await server!.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: json }, position: { line: 2, character: 2 } });
    expect(labels(fields)).toEqual(expect.arrayContaining(['filingId', 'websites']));
  });
});
