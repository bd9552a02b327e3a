// The language server over stdio (or --node-ipc, --socket=<port>, as
// vscode-languageserver reads them from the command line): what
// bin/beianlint-language-server.js runs.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

export function runLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // Whatever escapes a handler is told to the client; the server goes on serving the other documents.
  process.on('uncaughtException', (e) => connection.console.error(`beianlint: ${e?.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => connection.console.error(`beianlint: ${(e as Error)?.stack ?? String(e)}`));
  startServer(connection);
}
