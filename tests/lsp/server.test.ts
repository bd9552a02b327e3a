// The server's pieces and its timing behaviour, in-process (no build needed).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintFix, LintMessage } from '../../src/engine/index.js';
import { disableLineEdit, spanEdit } from '../../src/lsp/fixes.js';
import { localizedSchema, localizedText } from '../../src/lsp/schema-services.js';
import { LIVE_LINT_CHARS } from '../../src/lsp/server.js';
import { localeOfClient } from '../../src/lsp/texts.js';
import { TEST_NOW } from '../support/lint.js';
import { applyEdits, BUILT, ROOT, TestClient, filingsFolder, uriOf } from './harness.js';

const fix = (line: number, column: number, endColumn: number, text: string, endLine = line): LintFix => ({ line, column, endLine, endColumn, text });
const message = (ruleId: string, at: LintFix): LintMessage => ({ ruleId, severity: 'warning', message: ruleId, record: 0, filingId: null, path: '', line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, fix: at });

describe('the client locale', () => {
  it('is zh-CN for Chinese in any spelling, English otherwise', () => {
    expect(['zh-cn', 'zh-CN', 'zh', 'zh_CN', 'zh-TW'].map(localeOfClient)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en', 'en-US', 'de', 'zhx', undefined, null].map(localeOfClient)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });
});

describe('the schema in one language', () => {
  it('cuts every bilingual title and description between its Chinese and its English', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'filing.schema.json'), 'utf8')) as unknown;
    const texts: string[] = [];
    const walk = (s: unknown): void => {
      if (Array.isArray(s)) s.forEach(walk);
      else if (s && typeof s === 'object') for (const [k, v] of Object.entries(s)) (k === 'title' || k === 'description') && typeof v === 'string' ? texts.push(v) : walk(v);
    };
    walk(schema);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts.filter((t) => t.includes(' / '))) {
      const zh = localizedText(text, 'zh-CN');
      const en = localizedText(text, 'en');
      expect(`${zh} / ${en}`).toBe(text);
      expect(zh).toMatch(/\p{Script=Han}/u);
      expect(en).toMatch(/^[\x00-\x7f]/);
    }
    expect(localizedText('备案阶段：approved / returned。 / Stage: approved / returned.', 'en')).toBe('Stage: approved / returned.');
    const zhSchema = localizedSchema(schema, 'zh-CN') as { properties: Record<string, { title: string }> };
    expect(zhSchema.properties.filingId!.title).toBe('备案记录编号');
  });
});

describe('fixes as edits', () => {
  it('makes one edit of the changed span', () => {
    const before = 'line one\nline two\nline three\n';
    const after = 'line one\nLINE TWO!\nline three\n';
    const edit = spanEdit(before, after)!;
    expect(applyEdits(before, [edit])).toBe(after);
    expect(edit.range.start).toEqual({ line: 1, character: 0 });
    expect(spanEdit(before, before)).toBeUndefined();
  });

  it('puts the disable comment above the line, indented as it is, with the text\'s line ends', () => {
    const text = 'owner:\r\n  document:\r\n    number: "1"\r\n';
    const edit = disableLineEdit(text, message('document-number', fix(3, 13, 16, '')));
    expect(applyEdits(text, [edit])).toBe('owner:\r\n  document:\r\n    # beianlint-disable-next-line document-number\r\n    number: "1"\r\n');
  });
});

describe('linting as you type, in-process', () => {
  it('publishes only the text the user stopped at: a lint overtaken by a change is dropped', async () => {
    const client = await TestClient.start({ inProcess: { now: () => TEST_NOW }, initializationOptions: { debounceMs: 150 } });
    try {
      const dir = filingsFolder('lsp-debounce-');
      const text = readFileSync(join(ROOT, 'examples', 'individual-defects.yaml'), 'utf8');
      const uri = await client.open(join(dir, 'typing.yaml'), text);
      await client.diagnostics(uri, { version: 1 });
      let version = 1;
      for (let i = 0; i < 5; i++) version = await client.change(uri, text.replace('CD-2026-0301', `CD-2026-030${i}`));
      const last = await client.change(uri, 'filingId: [\n');
      await client.diagnostics(uri, { version: last });
      const versions = client.published.get(uri)!.map((p) => p.version);
      expect(versions).toEqual([1, last]);
      expect(version).toBe(last - 1);
    } finally {
      await client.stop();
    }
  });

  it("lints the filing files only: by default named *.filing.* or in a filings folder, else as the config's files say", async () => {
    const client = await TestClient.start({ inProcess: { now: () => TEST_NOW } });
    try {
      const project = mkdtempSync(join(tmpdir(), 'lsp-files-'));
      const broken = '{"filingId": 1}\n';
      // A project's package.json and CI workflow are JSON and YAML, but no filings: nothing is published for them.
      const pkg = await client.open(join(project, 'package.json'), '{"name": "x"}\n');
      expect(await client.diagnostics(pkg)).toEqual([]);
      const named = await client.open(join(project, 'a.filing.json'), broken);
      expect((await client.diagnostics(named)).length).toBeGreaterThan(0);
      const other = join(project, 'exports', 'b.json');
      mkdirSync(join(project, 'exports'));
      expect(await client.diagnostics(await client.open(other, broken))).toEqual([]);
      // A config naming exports/ brings it in, and leaves out what it does not name.
      writeFileSync(join(project, 'beianlint.config.yaml'), 'files: [exports]\n');
      await client.watchedFileChanged(join(project, 'beianlint.config.yaml'), 1);
      const version = await client.change(uriOf(other), broken);
      expect((await client.diagnostics(uriOf(other), { version })).length).toBeGreaterThan(0);
      const again = await client.change(named, broken);
      expect(await client.diagnostics(named, { version: again })).toEqual([]);
    } finally {
      await client.stop();
    }
  });

  it('says when a configuration cannot be read, in the client locale', async () => {
    const client = await TestClient.start({ inProcess: {}, locale: 'zh-CN' });
    try {
      const dir = filingsFolder('lsp-config-');
      writeFileSync(join(dir, 'beianlint.config.yaml'), 'rules:\n  no-such-rule: error\n');
      const uri = await client.open(join(dir, 'a.yaml'), 'schemaVersion: 1\n');
      const [d] = await client.diagnostics(uri);
      expect(d!.message).toMatch(/^beianlint 无法检查此文件：.*no-such-rule/);
    } finally {
      await client.stop();
    }
  });
});

describe.skipIf(!BUILT)('a document over the live-lint size, over stdio', () => {
  it('is linted from the saved file with a word that it is, and the server keeps answering meanwhile', async () => {
    const dir = filingsFolder('lsp-large-');
    const record = JSON.parse(readFileSync(join(ROOT, 'examples', 'enterprise-clean.json'), 'utf8')) as Record<string, unknown>;
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size <= LIVE_LINT_CHARS + 1024; i++) {
      const line = JSON.stringify({ ...record, filingId: `LARGE-${i}` });
      lines.push(line);
      size += line.length + 1;
    }
    const large = join(dir, 'large.jsonl');
    writeFileSync(large, lines.join('\n') + '\n');
    const client = await TestClient.start({});
    try {
      const uri = await client.open(large);
      const small = await client.open(join(dir, 'small.yaml'), 'filingId: x\n');
      const started = Date.now();
      await client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 1 } });
      expect(Date.now() - started).toBeLessThan(5_000);
      const diagnostics = await client.diagnostics(uri, { timeoutMs: 60_000 });
      expect(diagnostics[0]!.message).toContain('larger than 5 MB');
      expect(diagnostics[0]!.severity).toBe(3);
    } finally {
      await client.stop();
    }
  }, 90_000);
});
