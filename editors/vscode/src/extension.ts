// beianlint for VS Code: a thin client of the language server it bundles
// (dist/server/, see scripts/build.mjs). Diagnostics, fixes, hovers and
// completion are the server's; this file starts and stops it, follows the
// settings, keeps the status bar item, and runs the workspace command.
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type InitializeParams,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
} from 'vscode-languageclient/node';

const SECTION = 'beianlint';
const LINT_WORKSPACE_COMMAND = 'beianlint.lintWorkspace';
/**
 * What the extension asks the server for "Lint workspace filings", over
 * `workspace/executeCommand`, so that any LSP editor can ask the same. The
 * server lints every filing file of the workspace folders that its config
 * does not ignore, publishes their diagnostics, and answers
 * `{ files: number; problems: number }`. The name differs from the VS Code
 * command's: vscode-languageclient registers each command the server
 * offers as a VS Code command of the same name.
 */
const SERVER_LINT_WORKSPACE = 'beianlint.server.lintWorkspace';
const SERVER_PATH = ['dist', 'server', 'dist', 'beianlint-language-server.js'];

type SettingName = 'enable' | 'locale' | 'run';
type LocaleSetting = 'auto' | 'zh-CN' | 'en';
type RunSetting = 'onType' | 'onSave';

interface WorkspaceLintResult {
  files: number;
  problems: number;
}

function setting<T>(name: SettingName, fallback: T): T {
  return vscode.workspace.getConfiguration(SECTION).get<T>(name) ?? fallback;
}

/**
 * The server takes its language from `initialize`'s `locale`, VS Code's
 * display language unless the user picked one for beianlint.
 */
function localeFeature(): StaticFeature {
  return {
    fillInitializeParams(params: InitializeParams) {
      const chosen = setting<LocaleSetting>('locale', 'auto');
      if (chosen !== 'auto') params.locale = chosen === 'zh-CN' ? 'zh-cn' : 'en';
    },
    fillClientCapabilities() {},
    initialize() {},
    getState: () => ({ kind: 'static' }),
    clear() {},
  };
}

/**
 * With `beianlint.run: onSave` the server still follows every edit (hover,
 * completion and fixes need the text), but a dirty document's diagnostics
 * are held back and shown when it is saved, so the problems listed are
 * always those of the file on disk.
 */
class SavedOnlyDiagnostics implements vscode.Disposable {
  private readonly held = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[]; show: () => void }>();
  private readonly onSave = vscode.workspace.onDidSaveTextDocument((document) => this.release(document.uri.toString()));

  handle(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], show: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void): void {
    const key = uri.toString();
    const dirty = vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === key);
    if (setting<RunSetting>('run', 'onType') === 'onSave' && dirty) {
      this.held.set(key, { uri, diagnostics, show: () => show(uri, diagnostics) });
      return;
    }
    this.held.delete(key);
    show(uri, diagnostics);
  }

  release(key?: string): void {
    for (const [heldKey, entry] of this.held) {
      if (key !== undefined && heldKey !== key) continue;
      this.held.delete(heldKey);
      entry.show();
    }
  }

  clear(): void {
    this.held.clear();
  }

  dispose(): void {
    this.onSave.dispose();
    this.held.clear();
  }
}

class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('beianlint.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'beianlint';
    this.item.command = 'workbench.actions.view.problems';
  }

  show(state: 'disabled' | 'starting' | 'running' | 'stopped', problems = 0): void {
    const texts = {
      disabled: ['$(circle-slash) beianlint', vscode.l10n.t('beianlint is turned off (beianlint.enable)')],
      starting: ['$(sync~spin) beianlint', vscode.l10n.t('beianlint is starting')],
      stopped: ['$(error) beianlint', vscode.l10n.t('The beianlint server has stopped; see the beianlint output')],
      running:
        problems === 0
          ? ['$(check) beianlint', vscode.l10n.t('beianlint: no problems')]
          : [`$(warning) beianlint ${problems}`, vscode.l10n.t('beianlint: {0} problems', problems)],
    } as const;
    [this.item.text, this.item.tooltip] = texts[state];
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

class Extension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly status = new StatusItem();
  private readonly held = new SavedOnlyDiagnostics();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.subscriptions.push(
      vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, () => this.lintWorkspace()),
      vscode.workspace.onDidChangeConfiguration((event) => void this.configurationChanged(event)),
      vscode.languages.onDidChangeDiagnostics(() => this.showState()),
    );
  }

  async start(): Promise<void> {
    if (!setting<boolean>('enable', true)) {
      this.status.show('disabled');
      return;
    }
    const module = this.context.asAbsolutePath(SERVER_PATH.join('/'));
    const serverOptions: ServerOptions = { module, transport: TransportKind.stdio };
    const documents = ['json', 'yaml', 'jsonl'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]);
    const clientOptions: LanguageClientOptions = {
      documentSelector: [...documents, { scheme: 'file', pattern: '**/*.{jsonl,ndjson}' }],
      middleware: { handleDiagnostics: (uri, diagnostics, next) => this.held.handle(uri, diagnostics, next) },
    };
    const client = new LanguageClient('beianlint', 'beianlint', serverOptions, clientOptions);
    client.registerFeature(localeFeature());
    client.onDidChangeState(() => this.showState());
    this.client = client;
    this.showState();
    try {
      await client.start();
    } catch {
      // The client has written why to its output channel; the status item says the server stopped.
      this.showState();
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // Held diagnostics belong to the server that is going away.
    this.held.clear();
    await client?.dispose().catch(() => undefined);
  }

  private showState(): void {
    const client = this.client;
    if (!client) return this.status.show(setting<boolean>('enable', true) ? 'stopped' : 'disabled');
    if (client.state === State.Starting) return this.status.show('starting');
    if (client.state === State.Stopped) return this.status.show('stopped');
    let problems = 0;
    client.diagnostics?.forEach((_uri, diagnostics) => (problems += diagnostics.length));
    this.status.show('running', problems);
  }

  private async configurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
    if (event.affectsConfiguration(`${SECTION}.run`)) this.held.release();
    // The locale is fixed when the server starts: a new one takes a new server.
    if (event.affectsConfiguration(`${SECTION}.enable`) || event.affectsConfiguration(`${SECTION}.locale`)) {
      await this.stop();
      await this.start();
    }
  }

  private async lintWorkspace(): Promise<void> {
    const client = this.client;
    if (!client || client.state !== State.Running) {
      const why = setting<boolean>('enable', true)
        ? vscode.l10n.t('The beianlint server has stopped; see the beianlint output')
        : vscode.l10n.t('beianlint is turned off (beianlint.enable)');
      void vscode.window.showWarningMessage(why);
      return;
    }
    const offered = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    if (!offered.includes(SERVER_LINT_WORKSPACE)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This beianlint server cannot lint the whole workspace; open the filings to lint them'));
      return;
    }
    try {
      const result = (await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('beianlint: linting the workspace filings') },
        () => client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_LINT_WORKSPACE, arguments: [] }),
      )) as WorkspaceLintResult | null;
      if (result) void vscode.window.showInformationMessage(vscode.l10n.t('beianlint: {0} problems in {1} filing files', result.problems, result.files));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('beianlint could not lint the workspace: {0}', (e as Error)?.message ?? String(e)));
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.held.dispose();
    this.status.dispose();
  }
}

let extension: Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extension = new Extension(context);
  context.subscriptions.push(extension);
  await extension.start();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}
