// A language client for the tests: the server spawned over stdio (the built
// bin), or run in-process on a pair of streams (no build needed).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  LogMessageNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ExitNotification,
  type Diagnostic,
  type InitializeParams,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../src/lsp/server.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_BIN = join(ROOT, 'bin', 'beianlint-language-server.js');
/** The bin runs the built modules: without a build there is nothing to spawn. */
export const BUILT = existsSync(join(ROOT, 'dist', 'lsp', 'stdio.js'));

export const uriOf = (path: string) => pathToFileURL(path).href;

/**
 * A new folder named `filings` in a temporary folder: the server lints the
 * files of such a folder by default (DEFAULT_FILING_FILES), as it lints
 * no other JSON or YAML file of a project unless a config names it.
 */
export function filingsFolder(prefix: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'filings');
  mkdirSync(dir);
  return dir;
}

export interface ClientOptions {
  locale?: string;
  workspaceFolders?: string[];
  initializationOptions?: Record<string, unknown>;
  /** Answer the server's registration requests (dynamic watchers), as VS Code does. */
  dynamicWatchers?: boolean;
  /** In-process, with a clock; otherwise the bin is spawned. */
  inProcess?: { now?: () => Date };
}

export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly registrations: unknown[] = [];
  readonly logs: string[] = [];
  private waiters: Array<() => void> = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly connection: MessageConnection,
    private readonly child?: ChildProcess,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    let client: TestClient;
    if (options.inProcess) {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      startServer(serverConnection, options.inProcess.now ? { now: options.inProcess.now } : {});
      client = new TestClient(createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)));
    } else {
      const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      client = new TestClient(createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), child);
    }
    const params: InitializeParams = {
      processId: process.pid,
      locale: options.locale ?? 'en',
      rootUri: null,
      workspaceFolders: (options.workspaceFolders ?? []).map((f) => ({ uri: uriOf(f), name: f })),
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: options.dynamicWatchers === true } } },
      initializationOptions: options.initializationOptions ?? {},
    };
    await client.connection.sendRequest(InitializeRequest.type, params);
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get exited(): boolean {
    return this.child ? this.child.exitCode !== null || this.child.signalCode !== null : false;
  }

  async open(path: string, text = readFileSync(path, 'utf8'), languageId = languageOf(path)): Promise<string> {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async watchedFileChanged(path: string, type: 1 | 2 | 3 = 2): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path), type }] });
  }

  /** The next diagnostics published for `uri` (after `after` publications) that satisfy `accept`. */
  async diagnostics(uri: string, options: { after?: number; version?: number; accept?: (d: Diagnostic[]) => boolean; timeoutMs?: number } = {}): Promise<Diagnostic[]> {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    for (;;) {
      const list = (this.published.get(uri) ?? []).slice(options.after ?? 0);
      const found = list.find((p) => (options.version === undefined || p.version === options.version) && (options.accept?.(p.diagnostics) ?? true));
      if (found) return found.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} (${list.length} publications seen)`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }

  publications(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    this.child?.kill();
  }
}

export function languageOf(path: string): string {
  return /\.ya?ml$/.test(path) ? 'yaml' : /\.(jsonl|ndjson)$/.test(path) ? 'jsonl' : 'json';
}

/** Edits applied to a text, as an editor applies them (positions in the original text; edits do not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
