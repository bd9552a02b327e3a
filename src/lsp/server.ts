// The language server: beianlint's problems in any editor that speaks LSP.
// It lints what the CLI lints, as the CLI lints it (the runner's pieces, the
// config found from the document's folder), and adds what an editor wants:
// fixes, hovers, completion. docs/architecture.md has its place among the layers.
import { basename, dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentPositionParams,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IgnorePatterns } from '../engine/config.js';
import { effectiveConfigOf } from '../engine/create.js';
import { ConfigurationError, isFilingFile, type Linter, type LintMessage, type Locale } from '../engine/index.js';
import { formatOf, type SourceFormat } from '../input/index.js';
import { reuseYamlDocuments } from '../input/yaml.js';
import { isIgnored, lintFiles, messagesOf } from '../runner/index.js';
import { fixText } from '../runner/fix.js';
import { disableLineEdit, editOf, rangeOf, spanEdit } from './fixes.js';
import { lintDocument, type EarlierPlace } from './lint-document.js';
import { Linters, type LinterChoice } from './linters.js';
import { ruleDocUrl, ruleHover, rulesDocBase } from './rule-docs.js';
import { SchemaServices } from './schema-services.js';
import { localeOfClient, say, TEXTS } from './texts.js';
import { WorkspaceFiles } from './workspace.js';

export const FIX_ALL_KIND = 'source.fixAll.beianlint';
/**
 * Lints every filing file of the workspace folders and publishes their
 * problems; answers `{ files, problems }`. Not `beianlint.lintWorkspace`: a
 * client registers each server command as its own, and the VS Code
 * extension's command of that name asks for this one.
 */
export const LINT_WORKSPACE_COMMAND = 'beianlint.server.lintWorkspace';
/** Documents longer than this (UTF-16 units, about bytes) are linted on open and save only, from the saved file. */
export const LIVE_LINT_CHARS = 5 * 1024 * 1024;
/** Debounce bounds: at least this long after a change, at most this long. */
const MIN_DEBOUNCE_MS = 5;
const MAX_DEBOUNCE_MS = 300;

export interface ServerOptions {
  /** Clock for the date rules (tests fix the day). */
  now?: () => Date;
}

/** What the client may pass in initializationOptions. */
interface InitializationOptions {
  /** Quote identity numbers, phones and e-mail addresses unmasked (the CLI's --no-redact). */
  redact?: boolean;
  /** A fixed debounce in ms; by default the time the document's last lint took, within bounds. */
  debounceMs?: number;
  /** Where docs/rules.md is, for diagnostics' codeDescription. */
  ruleDocsUrl?: string;
}

/** The last lint of a document. */
interface Linted {
  version: number;
  format: SourceFormat;
  linter: Linter;
  messages: LintMessage[];
}

interface DocumentState {
  timer?: NodeJS.Timeout;
  /** Bumped by each change: a lint whose generation is no longer current is dropped, not published. */
  generation: number;
  lastLintMs: number;
  linted?: Linted;
}

/** The format a document is linted as: by its file's extension, or by language for a buffer with no file. */
function documentFormat(document: TextDocument): { filePath: string; format: SourceFormat } | undefined {
  if (document.uri.startsWith('file:')) {
    const filePath = fileURLToPath(document.uri);
    const format = formatOf(filePath);
    return format ? { filePath, format } : undefined;
  }
  const byLanguage: Record<string, SourceFormat> = { json: 'json', jsonc: 'json', jsonl: 'jsonl', yaml: 'yaml' };
  const format = byLanguage[document.languageId];
  return format ? { filePath: `/untitled/${encodeURIComponent(document.uri)}.${format}`, format } : undefined;
}

function severityOf(message: LintMessage): DiagnosticSeverity {
  return message.severity === 'error' ? DiagnosticSeverity.Error : message.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

function overlaps(a: { line: number; column: number; endLine: number; endColumn: number }, range: CodeActionParams['range']): boolean {
  const r = rangeOf(a);
  const before = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(r.start, range.end) && before(range.start, r.end);
}

/**
 * Runs the server on `connection` until the client shuts it down: over
 * stdio from bin/beianlint-language-server.js, or in-process in a test.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // A keystroke changes one document of a long YAML file: the others' parses are kept, as much text as a
  // document linted as you type may hold.
  reuseYamlDocuments(LIVE_LINT_CHARS);
  new BeianlintServer(connection, options).listen();
}

class BeianlintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocumentState>();
  private readonly workspace = new WorkspaceFiles();
  private readonly schemaServices = new Map<Locale, SchemaServices>();
  private linters!: Linters;
  private locale: Locale = 'en';
  private settings: InitializationOptions = {};
  private docsBase: string | undefined;
  /** Rule folders a watcher was registered for. */
  private readonly watchedRuleDirs = new Set<string>();
  private canRegisterWatchers = false;

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {}

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.guarded('initialized', () => this.registerWatchers()));
    // TextDocuments reports an opened document as changed too: a document with no state yet was just opened.
    documents.onDidChangeContent(({ document }) => this.changed(document, !this.states.has(document.uri)));
    documents.onDidSave(({ document }) => {
      if (document.getText().length > LIVE_LINT_CHARS) this.schedule(document, 0);
    });
    documents.onDidClose(({ document }) => this.closed(document));
    connection.onDidChangeWatchedFiles(({ changes }) => void this.guarded('watched files', () => this.watchedFilesChanged(changes)));
    connection.onCodeAction((params) => this.guarded('code action', () => this.codeActions(params)));
    connection.onHover((params) => this.guarded('hover', () => this.hover(params)));
    connection.onCompletion((params) => this.guarded('completion', () => this.complete(params)));
    connection.onExecuteCommand((params) => this.guarded('lint workspace', () => (params.command === LINT_WORKSPACE_COMMAND ? this.lintWorkspace() : null)));
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.locale = localeOfClient(params.locale);
    this.settings = (params.initializationOptions ?? {}) as InitializationOptions;
    this.docsBase = rulesDocBase(this.settings.ruleDocsUrl);
    this.linters = new Linters({ fallbackLocale: this.locale, redact: this.settings.redact !== false, ...(this.options.now ? { now: this.options.now } : {}) });
    const folders = params.workspaceFolders?.map((f) => fileURLToPath(f.uri)) ?? (params.rootUri ? [fileURLToPath(params.rootUri)] : []);
    this.workspace.setRoots(folders);
    this.canRegisterWatchers = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', ' '] },
        executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
      },
      serverInfo: { name: 'beianlint' },
    };
  }

  /** Runs a request; a failure is logged to the client and answered with nothing, never ending the server. */
  private async guarded<T>(what: string, run: () => T | Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (e) {
      this.connection.console.error(`beianlint ${what}: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) this.states.set(uri, (state = { generation: 0, lastLintMs: 0 }));
    return state;
  }

  private changed(document: TextDocument, opened: boolean): void {
    const state = this.state(document.uri);
    if (document.getText().length > LIVE_LINT_CHARS && !opened) {
      // Not as you type: the last diagnostics stand, with the word that they wait for the save.
      state.generation++;
      clearTimeout(state.timer);
      return;
    }
    const given = this.settings.debounceMs;
    // Waiting as long as the last lint took keeps typing from queueing lints that would be dropped.
    const delay = opened ? 0 : (given ?? Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, state.lastLintMs)));
    this.schedule(document, delay);
  }

  private schedule(document: TextDocument, delay: number): void {
    const state = this.state(document.uri);
    const generation = ++state.generation;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void this.guarded(`lint ${document.uri}`, () => this.lintAndPublish(document.uri, generation)), delay);
  }

  private closed(document: TextDocument): void {
    const state = this.states.get(document.uri);
    if (state) clearTimeout(state.timer);
    this.states.delete(document.uri);
    void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  /** Lints the document as it is now and publishes, unless it changed again meanwhile. */
  private async lintAndPublish(uri: string, generation: number): Promise<void> {
    const document = this.documents.get(uri);
    const state = this.states.get(uri);
    if (!document || !state || state.generation !== generation) return;
    const started = performance.now();
    const diagnostics = await this.diagnose(document, state);
    // Cancelled: the text changed while it was linted, and a newer lint is scheduled.
    if (this.states.get(uri) !== state || state.generation !== generation || document.version !== this.documents.get(uri)?.version) return;
    state.lastLintMs = performance.now() - started;
    await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  private async diagnose(document: TextDocument, state: DocumentState): Promise<Diagnostic[]> {
    const target = documentFormat(document);
    if (!target) return [];
    let choice: LinterChoice;
    try {
      choice = this.linters.forFile(target.filePath);
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      const message = say(TEXTS.configProblem, this.locale, { problem: e.text[this.locale] });
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'beianlint', message }];
    }
    void this.guarded('watch rule folders', () => this.watchRuleDirs());
    if (!this.isServed(document, target.filePath, choice) || (document.uri.startsWith('file:') && (await this.ignored(target.filePath, choice.base)))) return [];
    const { linter } = choice;
    const text = document.getText();
    if (text.length > LIVE_LINT_CHARS) return this.diagnoseSaved(target.filePath, choice, document.uri);
    const version = document.version;
    const earlierFiles = document.uri.startsWith('file:') ? await this.workspace.earlierFiles(target.filePath, choice.base, (p) => this.openText(p)) : [];
    if (document.version !== version) return [];
    const cwd = this.workspace.rootOf(target.filePath) ?? linterFolder(target.filePath);
    const { result, earlier } = lintDocument(text, { filePath: target.filePath, format: target.format, linter, cwd, earlierFiles });
    state.linted = { version, format: target.format, linter, messages: result.messages };
    return result.messages.map((m) => this.diagnosticOf(m, earlier.get(m), linter.locale));
  }

  /** A document too large to lint as you type: the saved file, linted by the runner as the CLI would, off this thread where it can. */
  private async diagnoseSaved(filePath: string, choice: LinterChoice, uri: string): Promise<Diagnostic[]> {
    const cwd = this.workspace.rootOf(filePath) ?? linterFolder(filePath);
    const [result] = await lintFiles([filePath], { linter: choice.base, cwd, concurrency: 'auto' });
    const locale = choice.linter.locale;
    const note: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'beianlint',
      message: say(TEXTS.tooLarge, locale, { size: LIVE_LINT_CHARS / 1024 / 1024 }),
    };
    this.connection.console.info(`beianlint: ${uri} is over the live-lint size; linted from disk`);
    return [note, ...(result?.messages ?? []).map((m) => this.diagnosticOf(m, undefined, locale))];
  }

  /**
   * Whether the document is one of the filing files the config names
   * (`files`, or DEFAULT_FILING_FILES): an editor opens every JSON and YAML
   * file of a project, and package.json is no filing. A buffer with no file
   * is linted by its language, as the user made it to hold a filing.
   */
  private isServed(document: TextDocument, filePath: string, choice: LinterChoice): boolean {
    return !document.uri.startsWith('file:') || isFilingFile(choice.base, filePath);
  }

  private ignoredMemo = new Map<string, Promise<boolean>>();

  private ignored(filePath: string, base: Linter): Promise<boolean> {
    const key = `${filePath}\0${this.linters.generation}`;
    let known = this.ignoredMemo.get(key);
    if (!known) {
      const config = effectiveIgnores(base);
      known = (async () => /[\\/](node_modules|\.git)[\\/]/.test(filePath) || (await isIgnored(filePath, config)))();
      this.ignoredMemo.set(key, known);
    }
    return known;
  }

  /**
   * Every filing file of each workspace folder, linted as `beianlint <folder>`
   * would (the folder's config, its batch rules across the folder), off this
   * thread where it pays. An open document keeps the diagnostics of its
   * text in the editor; the others get those of the file on disk.
   */
  private async lintWorkspace(): Promise<{ files: number; problems: number }> {
    let files = 0;
    let problems = 0;
    for (const root of this.workspace.folders) {
      const choice = this.linters.forFolder(root);
      const paths = await this.workspace.filingFiles(root, choice.base);
      if (paths.length === 0) continue;
      const results = await lintFiles(paths, { linter: choice.base, cwd: root, concurrency: 'auto' });
      for (const result of results) {
        files++;
        problems += result.errorCount + result.warningCount + result.infoCount;
        const uri = pathToFileURL(result.filePath).href;
        if (this.documents.get(uri)) continue;
        const diagnostics = [...messagesOf(result)].map((m) => this.diagnosticOf(m, undefined, choice.base.locale));
        await this.connection.sendDiagnostics({ uri, diagnostics });
      }
    }
    return { files, problems };
  }

  private openText(filePath: string): { text: string; version: number } | undefined {
    for (const document of this.documents.all()) {
      if (document.uri.startsWith('file:') && fileURLToPath(document.uri) === filePath) return { text: document.getText(), version: document.version };
    }
    return undefined;
  }

  /** The document's messages for its text now: the last lint's when current, else a lint made now. */
  private current(document: TextDocument): Linted | undefined {
    const state = this.states.get(document.uri);
    if (state?.linted?.version === document.version) return state.linted;
    const target = documentFormat(document);
    if (!target || document.getText().length > LIVE_LINT_CHARS) return undefined;
    const choice = this.linters.forFile(target.filePath);
    if (!this.isServed(document, target.filePath, choice)) return undefined;
    const { linter } = choice;
    const cwd = this.workspace.rootOf(target.filePath) ?? linterFolder(target.filePath);
    const { result } = lintDocument(document.getText(), { filePath: target.filePath, format: target.format, linter, cwd });
    return { version: document.version, format: target.format, linter, messages: result.messages };
  }

  private codeActions(params: CodeActionParams): CodeAction[] {
    const document = this.documents.get(params.textDocument.uri);
    const linted = document && this.current(document);
    if (!document || !linted) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const locale = linted.linter.locale;
    const actions: CodeAction[] = [];
    const uri = document.uri;
    const here = linted.messages.filter((m) => overlaps(m, params.range));
    if (wants(CodeActionKind.QuickFix)) {
      for (const m of here) {
        if (!m.fix) continue;
        const title = say(TEXTS.fixOne, locale, { rule: m.ruleId });
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [this.diagnosticOf(m, undefined, locale)], isPreferred: true, edit: { changes: { [uri]: [editOf(m.fix)] } } });
      }
      if (linted.format === 'yaml') {
        for (const m of here) {
          if (m.ruleId === 'parse-error') continue;
          const title = say(TEXTS.disableLine, locale, { rule: m.ruleId });
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [this.diagnosticOf(m, undefined, locale)], edit: { changes: { [uri]: [disableLineEdit(document.getText(), m)] } } });
        }
      }
    }
    const fixable = linted.messages.some((m) => m.fix);
    if (fixable && wants(FIX_ALL_KIND)) {
      const edits = this.fixAllEdits(document, linted);
      if (edits.length > 0) actions.push({ title: say(TEXTS.fixAll, locale), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
    return actions;
  }

  /**
   * "Fix all", as the CLI's --fix makes it (fixText: pass after pass, none
   * kept that adds a problem): the first pass's edits when it was the only
   * one, else one edit of the changed span.
   */
  private fixAllEdits(document: TextDocument, linted: Linted): TextEdit[] {
    const text = document.getText();
    const target = documentFormat(document)!;
    const fixed = fixText(text, { filePath: target.filePath, linter: linted.linter, format: target.format });
    if (fixed.passes.length === 1) {
      return fixed.passes[0]!.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
    }
    const edit = spanEdit(text, fixed.output);
    return edit ? [edit] : [];
  }

  private schemaService(locale: Locale): SchemaServices {
    let service = this.schemaServices.get(locale);
    if (!service) this.schemaServices.set(locale, (service = new SchemaServices(locale)));
    return service;
  }

  /** The document, its format for the schema services and the locale, when hover and completion serve it. */
  private schemaTarget(uri: string): { document: TextDocument; format: 'json' | 'yaml'; locale: Locale } | undefined {
    const document = this.documents.get(uri);
    const target = document && documentFormat(document);
    if (!document || !target || target.format === 'jsonl' || document.getText().length > LIVE_LINT_CHARS) return undefined;
    let locale = this.locale;
    try {
      const choice = this.linters.forFile(target.filePath);
      if (!this.isServed(document, target.filePath, choice)) return undefined;
      locale = choice.linter.locale;
    } catch {
      // A broken config has its own diagnostic; hovers are in the client's language meanwhile.
    }
    return { document, format: target.format, locale };
  }

  private async hover(params: HoverParams): Promise<Hover | null> {
    const target = this.schemaTarget(params.textDocument.uri);
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const parts: string[] = [];
    const linted = this.states.get(document.uri)?.linted;
    if (linted && linted.version === document.version) {
      const at = { start: params.position, end: params.position };
      const rules = new Map(linted.linter.ruleInfo().map((r) => [r.id, r]));
      const seen = new Set<string>();
      for (const m of linted.messages.filter((m) => overlaps(m, at))) {
        const rule = rules.get(m.ruleId);
        if (!rule || seen.has(rule.id)) continue;
        seen.add(rule.id);
        parts.push(ruleHover(rule, linted.linter.locale, ruleDocUrl(this.docsBase, rule.id)));
      }
    }
    if (target) {
      const field = await this.schemaService(target.locale).hover(target.document, target.format, params.position);
      const text = field && markdownOf(field.contents);
      if (text) parts.push(text);
    }
    return parts.length > 0 ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
  }

  private async complete(params: TextDocumentPositionParams): Promise<CompletionList | null> {
    const target = this.schemaTarget(params.textDocument.uri);
    if (!target) return null;
    return this.schemaService(target.locale).complete(target.document, target.format, params.position);
  }

  /** Watch config files, rule folders and filing files, where the client lets the server say what to watch. */
  private async registerWatchers(): Promise<void> {
    if (!this.canRegisterWatchers) return;
    const watchers = [{ globPattern: '**/{beianlint.config.*,.beianlintrc.*}' }, { globPattern: '**/*.{json,jsonl,ndjson,yaml,yml}' }];
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    await this.watchRuleDirs();
  }

  /** Rule folders are known once a config naming them is read: each gets a watcher then. */
  private async watchRuleDirs(): Promise<void> {
    if (!this.canRegisterWatchers) return;
    const fresh = this.linters.ruleDirs().filter((dir) => !this.watchedRuleDirs.has(dir));
    if (fresh.length === 0) return;
    for (const dir of fresh) this.watchedRuleDirs.add(dir);
    const watchers = fresh.map((dir) => ({ globPattern: `${dir.split(sep).join('/')}/**/*` }));
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  /** A config or rule file changed: every linter is made again and every open document linted again; a filing file: the batch. */
  private watchedFilesChanged(changes: FileEvent[]): void {
    const ruleDirs = this.linters.ruleDirs();
    const paths = changes.filter((c) => c.uri.startsWith('file:')).map((c) => ({ path: fileURLToPath(c.uri), type: c.type }));
    const config = paths.some(({ path }) => CONFIG_NAME.test(basename(path)) || ruleDirs.some((d) => path.startsWith(d + sep)));
    if (config) {
      this.linters.clear();
      this.ignoredMemo.clear();
    }
    if (paths.some(({ type }) => type !== FileChangeType.Changed)) this.workspace.filesChanged();
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  private diagnosticOf(message: LintMessage, earlier: EarlierPlace | undefined, locale: Locale): Diagnostic {
    const href = ruleDocUrl(this.docsBase, message.ruleId);
    const diagnostic: Diagnostic = {
      range: rangeOf(message),
      severity: severityOf(message),
      source: 'beianlint',
      code: message.ruleId,
      message: message.message,
      ...(href ? { codeDescription: { href } } : {}),
    };
    if (earlier) {
      diagnostic.relatedInformation = [{ location: { uri: pathToUri(earlier.filePath), range: rangeOf(earlier.range) }, message: say(TEXTS.earlierRecord, locale) }];
    }
    return diagnostic;
  }
}

function linterFolder(filePath: string): string {
  return dirname(filePath);
}

const CONFIG_NAME = /^(beianlint\.config|\.beianlintrc)\.[^.]+$/;

/** A hover's contents (a string, marked strings, or markup) as markdown. */
function markdownOf(contents: Hover['contents']): string {
  const one = (c: string | { language: string; value: string } | { kind: string; value: string }) => (typeof c === 'string' ? c : 'language' in c ? `\`\`\`${c.language}\n${c.value}\n\`\`\`` : c.value);
  return (Array.isArray(contents) ? contents.map(one) : [one(contents)]).filter((s) => s.trim() !== '').join('\n\n');
}

function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

function effectiveIgnores(linter: Linter): IgnorePatterns[] {
  return effectiveConfigOf(linter)?.ignores ?? [];
}
