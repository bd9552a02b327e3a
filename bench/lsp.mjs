#!/usr/bin/env node
// The language server as you type (issue 16): the time from a didChange to the
// publishDiagnostics for that version, for a 1-record and a 300-record YAML
// file. Goals: ≤ 50 ms and ≤ 300 ms. The server is the built bin
// (npm run build first), spawned over stdio with its default debounce, so the
// figure is what an editor waits: debounce, lint and the trip both ways.
// Each file: opened, 5 edits to warm up, then 21 measured edits (a filing id
// changed each time, so nothing is cached by text); the median and the worst
// are printed as a table, and as JSON with --json.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const asJson = process.argv.includes('--json');
const WARM_UP = 5;
const RUNS = 21;

const record = readFileSync(join(root, 'examples', 'government.yml'), 'utf8').replace(/^#.*\n/gm, '');
const yamlOf = (count) => Array.from({ length: count }, (_, i) => record.replace('ZJ-2026-0401', `ZJ-2026-${String(i).padStart(4, '0')}`)).join('---\n');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r, k) => r.map((v, c) => String(v).padEnd(widths[c])).join('  ') + (k === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('  ') : '')).join('\n');
}

async function startServer() {
  const child = spawn(process.execPath, [join(root, 'bin', 'beianlint-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri}@${params.version}`;
    waiting.get(key)?.(performance.now());
    waiting.delete(key);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en' });
  await connection.sendNotification('initialized', {});
  const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
  return { child, connection, published };
}

async function measure(server, path, text) {
  const uri = pathToFileURL(path).href;
  let version = 1;
  const opened = server.published(uri, version);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  await opened;
  const times = [];
  for (let k = 0; k < WARM_UP + RUNS; k++) {
    version++;
    const edited = text.replace('ZJ-2026-0000', `ZJ-2026-X${k}`);
    const done = server.published(uri, version);
    const start = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
    const end = await done;
    if (k >= WARM_UP) times.push(end - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(RUNS / 2)], worstMs: times[RUNS - 1] };
}

const dir = mkdtempSync(join(tmpdir(), 'beianlint-bench-lsp-'));
const server = await startServer();
try {
  const results = [];
  for (const [records, goalMs] of [
    [1, 50],
    [300, 300],
  ]) {
    // Named as a filing: the server lints only the filing files (by default *.filing.* and files under filings/).
    const path = join(dir, `bench-${records}.filing.yaml`);
    const text = yamlOf(records);
    writeFileSync(path, text);
    results.push({ records, bytes: Buffer.byteLength(text), goalMs, ...(await measure(server, path, text)) });
  }
  if (asJson) process.stdout.write(JSON.stringify(results) + '\n');
  else {
    const rows = [['YAML file', 'size', 'change → diagnostics (median)', 'worst', 'goal', 'verdict']];
    for (const r of results) rows.push([`${r.records} record${r.records === 1 ? '' : 's'}`, `${(r.bytes / 1024).toFixed(0)} KiB`, `${r.medianMs.toFixed(1)} ms`, `${r.worstMs.toFixed(1)} ms`, `≤ ${r.goalMs} ms`, r.medianMs <= r.goalMs ? 'met' : 'MISSED']);
    process.stdout.write(`language server, didChange → publishDiagnostics (${RUNS} edits after ${WARM_UP} to warm up)\n\n${table(rows)}\n`);
  }
} finally {
  await server.connection.sendRequest('shutdown').catch(() => undefined);
  await server.connection.sendNotification('exit').catch(() => undefined);
  server.connection.dispose();
  server.child.kill();
  rmSync(dir, { recursive: true, force: true });
}
