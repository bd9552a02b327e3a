// The language server over stdio, as an editor starts it (the built bin),
// with a client from vscode-languageserver-protocol: what it publishes is
// what the CLI prints for the same file.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { runMainIn } from '../support/cli.js';
import { applyEdits, BUILT, ROOT, TestClient, uriOf, filingsFolder } from './harness.js';

const EXAMPLES = join(ROOT, 'examples');
const EXAMPLE_FILES = readdirSync(EXAMPLES).filter((f) => /\.(json|jsonl|ya?ml)$/.test(f));
const FIXABLE = join(ROOT, 'tests', 'fixtures', 'lsp', 'fixable.filing.yaml');

/** The CLI's JSON messages for files, by file name, run in `cwd`. */
async function cliMessages(cwd: string, args: string[]): Promise<Map<string, Array<Record<string, unknown>>>> {
  const { stdout } = await runMainIn(cwd, ['--format', 'json', ...args]);
  const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
  return new Map(results.map((r) => [r.filePath.split('/').pop()!, r.messages]));
}

/** A diagnostic as the CLI's JSON would give it. */
function asCliMessage(d: Diagnostic): Record<string, unknown> {
  const severity = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
  return { ruleId: d.code, severity, message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 };
}

function cliShape(m: Record<string, unknown>): Record<string, unknown> {
  return { ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn };
}

function hoverText(hover: Hover | null): string {
  return hover ? (hover.contents as MarkupContent).value : '';
}

describe.skipIf(!BUILT)('the language server over stdio', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ locale: 'en' });
  });
  afterAll(async () => {
    await client?.stop();
  });

  it.each(EXAMPLE_FILES)('publishes for examples/%s what the CLI prints', async (name) => {
    const expected = (await cliMessages(EXAMPLES, [name])).get(name)!.map(cliShape);
    const uri = await client.open(join(EXAMPLES, name));
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics.map(asCliMessage)).toEqual(expected);
    for (const d of diagnostics) {
      expect(d.source).toBe('beianlint');
      expect(d.codeDescription?.href).toMatch(new RegExp(`rules\\.md#${d.code}$`));
    }
  });

  it('hovers on a problem with its rule, and on a field with its schema text', async () => {
    const uri = uriOf(join(EXAMPLES, 'individual-defects.yaml'));
    await client.diagnostics(uri);
    const problem = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 15, character: 14 } });
    expect(hoverText(problem)).toContain('`document-number`');
    expect(hoverText(problem)).toContain('Clause of the notice');
    const field = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 2 } });
    expect(hoverText(field)).toContain('Filing id');
    expect(hoverText(field)).not.toContain('备案记录编号');
  });

  it('completes field names and enum codes in YAML and JSON', async () => {
    const dir = filingsFolder('lsp-complete-');
    const yaml = await client.open(join(dir, 'draft.yaml'), 'schemaVersion: 1\nstage: \nowner:\n  kind: unit\n  \n  document:\n    type: \n');
    const stages = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: yaml }, position: { line: 1, character: 7 } });
    expect(stages.items.map((i) => i.label)).toEqual(expect.arrayContaining(['draft', 'verified', 'submitted', 'approved']));
    const types = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: yaml }, position: { line: 6, character: 10 } });
    expect(types.items.map((i) => i.label)).toEqual(expect.arrayContaining(['resident-id-card', 'business-license', 'passport']));
    const ownerKeys = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: yaml }, position: { line: 4, character: 2 } });
    expect(ownerKeys.items.map((i) => i.label)).toEqual(expect.arrayContaining(['unitType', 'name', 'regionCode']));
    const json = await client.open(join(dir, 'draft.json'), '{\n  "owner": { "kind": "" },\n  \n}');
    const kinds = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: json }, position: { line: 1, character: 23 } });
    expect(kinds.items.map((i) => i.label)).toEqual(expect.arrayContaining(['"unit"', '"individual"']));
    const topKeys = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: json }, position: { line: 2, character: 2 } });
    expect(topKeys.items.map((i) => i.label)).toEqual(expect.arrayContaining(['filingId', 'stage', 'websites']));
  });

  it('gives a broken document the parse-error diagnostic and goes on serving', async () => {
    const dir = filingsFolder('lsp-broken-');
    const uri = await client.open(join(dir, 'broken.yaml'), 'owner: [unclosed\n  name: "x\n');
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics.map((d) => d.code)).toContain('parse-error');
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } });
    const json = await client.open(join(dir, 'broken.json'), '{"filingId": ');
    expect((await client.diagnostics(json)).map((d) => d.code)).toContain('parse-error');
    expect(client.exited).toBe(false);
  });

  it("applies a problem's quick fix: its problem goes and nothing else changes", async () => {
    const text = readFileSync(FIXABLE, 'utf8');
    const uri = await client.open(FIXABLE, text);
    const diagnostics = await client.diagnostics(uri);
    let fixed = 0;
    for (const d of diagnostics) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
      const fix = actions.find((a) => a.kind === 'quickfix' && a.title.startsWith('Fix') && a.diagnostics?.some((x) => x.message === d.message));
      if (!fix) continue;
      const edits = fix.edit!.changes![uri]!;
      const after = applyEdits(text, edits);
      // Outside the edited span the text is byte for byte the same.
      const start = text.split('\n').slice(0, edits[0]!.range.start.line).join('\n').length;
      expect(after.slice(0, start)).toBe(text.slice(0, start));
      const version = await client.change(uri, after);
      const again = await client.diagnostics(uri, { version });
      expect(again.filter((x) => x.message === d.message && x.range.start.line === d.range.start.line)).toEqual([]);
      expect(again.length).toBeLessThan(diagnostics.length);
      await client.change(uri, text);
      fixed++;
    }
    expect(fixed).toBeGreaterThan(0);
  });

  it('"fix all" leaves no fixable problem', async () => {
    const text = readFileSync(FIXABLE, 'utf8');
    const uri = uriOf(FIXABLE);
    const version = await client.change(uri, text);
    await client.diagnostics(uri, { version });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.beianlint'] },
    });
    expect(actions).toHaveLength(1);
    const after = applyEdits(text, actions[0]!.edit!.changes![uri]!);
    const next = await client.change(uri, after);
    await client.diagnostics(uri, { version: next });
    const left = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.beianlint'] },
    });
    expect(left).toEqual([]);
  });

  it('offers, in YAML, to disable the rule for the line, indented as the line', async () => {
    const uri = uriOf(join(EXAMPLES, 'individual-defects.yaml'));
    const text = readFileSync(join(EXAMPLES, 'individual-defects.yaml'), 'utf8');
    const [d] = (await client.diagnostics(uri)).filter((x) => x.code === 'document-number');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d!.range, context: { diagnostics: [d], only: ['quickfix'] } });
    const disable = actions.find((a) => a.title === 'Disable document-number for this line')!;
    const after = applyEdits(text, disable.edit!.changes![uri]!);
    const lines = after.split('\n');
    expect(lines[d!.range.start.line]).toBe('    # beianlint-disable-next-line document-number');
    expect(lines.filter((_, i) => i !== d!.range.start.line)).toEqual(text.split('\n'));
    // The directive holds: the problem is gone and nothing else is.
    const before = await client.diagnostics(uri);
    const version = await client.change(uri, after);
    const again = await client.diagnostics(uri, { version });
    expect(again.map((x) => x.code)).toEqual(before.map((x) => x.code).filter((c) => c !== 'document-number'));
    await client.change(uri, text);
  });
});

describe.skipIf(!BUILT)('the language server in a workspace, over stdio', () => {
  let client: TestClient;
  let dir: string;
  beforeAll(async () => {
    dir = filingsFolder('lsp-workspace-');
    copyFileSync(join(EXAMPLES, 'government.yml'), join(dir, 'a.yml'));
    copyFileSync(join(EXAMPLES, 'government.yml'), join(dir, 'b.yml'));
    copyFileSync(join(EXAMPLES, 'individual-defects.yaml'), join(dir, 'c.yaml'));
    client = await TestClient.start({ locale: 'zh-CN', workspaceFolders: [dir], dynamicWatchers: true });
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('compares a document with the files a run of the folder reads before it, pointing at the earlier record', async () => {
    const expected = (await cliMessages(dir, ['--locale', 'zh-CN', '.'])).get('b.yml')!.map(cliShape);
    expect(expected.some((m) => m.ruleId === 'batch-duplicate-filing-id')).toBe(true);
    const uri = await client.open(join(dir, 'b.yml'));
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics.map(asCliMessage)).toEqual(expected);
    const repeat = diagnostics.find((d) => d.code === 'batch-duplicate-filing-id')!;
    expect(repeat.relatedInformation).toEqual([
      { location: { uri: uriOf(join(dir, 'a.yml')), range: repeat.range }, message: '具有相同键值的先前记录' },
    ]);
    // a.yml comes first: its records are the earlier ones, and it has no repeat of its own.
    const first = await client.open(join(dir, 'a.yml'));
    expect((await client.diagnostics(first)).filter((d) => String(d.code).startsWith('batch-'))).toEqual([]);
  });

  it('hovers in the client locale', async () => {
    const uri = await client.open(join(dir, 'c.yaml'));
    await client.diagnostics(uri);
    const problem = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 15, character: 14 } });
    expect(hoverText(problem)).toContain('通知条款');
    const field = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 2 } });
    expect(hoverText(field)).toContain('备案记录编号');
    expect(hoverText(field)).not.toContain('Filing id');
  });

  it('registers its watchers and lints again when a config file changes', async () => {
    expect(JSON.stringify(client.registrations)).toContain('beianlint.config.*');
    const uri = uriOf(join(dir, 'c.yaml'));
    const before = await client.diagnostics(uri);
    expect(before.map((d) => d.code)).toContain('document-number');
    const seen = client.publications(uri);
    writeFileSync(join(dir, 'beianlint.config.yaml'), 'rules:\n  document-number: "off"\n');
    await client.watchedFileChanged(join(dir, 'beianlint.config.yaml'), 1);
    const after = await client.diagnostics(uri, { after: seen });
    expect(after.map((d) => d.code)).not.toContain('document-number');
    expect(after.length).toBe(before.length - before.filter((d) => d.code === 'document-number').length);
  });

  it('lints the whole workspace on request, as the CLI lints the folder, publishing for the files not open', async () => {
    const unopened = join(dir, 'd.yaml');
    copyFileSync(join(EXAMPLES, 'hmt-and-overseas-principals.yaml'), unopened);
    await client.watchedFileChanged(unopened, 1);
    const expected = await cliMessages(dir, ['--locale', 'zh-CN', '.']);
    const answer = await client.request<{ files: number; problems: number }>('workspace/executeCommand', { command: 'beianlint.server.lintWorkspace', arguments: [] });
    expect(answer).toEqual({ files: expected.size, problems: [...expected.values()].reduce((n, m) => n + m.length, 0) });
    expect((await client.diagnostics(uriOf(unopened))).map(asCliMessage)).toEqual(expected.get('d.yaml')!.map(cliShape));
  });
});
