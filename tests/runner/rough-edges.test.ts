import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { ConfigurationError } from '../../src/engine/index.js';
import { lintFiles } from '../../src/runner/index.js';
import { TEST_NOW } from '../support/lint.js';

// Rough edges a new user meets (issue 17): an export step that wrote nothing,
// a file saved as UTF-16 by a Windows tool, and a flag mistyped.
describe('a folder with nothing to lint', () => {
  it('is a usage error, as a glob that matches nothing is, not a clean run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-edges-'));
    mkdirSync(join(dir, 'exports'));
    writeFileSync(join(dir, 'exports', 'notes.txt'), 'not a filing');
    const run = lintFiles(['exports'], { config: false, cwd: dir, now: TEST_NOW });
    await expect(run).rejects.toBeInstanceOf(ConfigurationError);
    await expect(run).rejects.toThrow(/no \.json, \.jsonl, \.ndjson, \.yaml, \.yml files in the folder "exports"/);
  });
});

describe('a file saved as UTF-16 with its byte order mark', () => {
  const record = { schemaVersion: 1, filingId: 'U-1', stage: 'draft' };
  const texts: Record<string, string> = {
    'a.json': JSON.stringify(record, null, 2),
    'a.yaml': 'schemaVersion: 1\nfilingId: U-1\nstage: draft\n',
    'a.jsonl': `${JSON.stringify(record)}\n${JSON.stringify({ ...record, filingId: 'U-2' })}\n`,
  };

  for (const encoding of ['utf16le', 'utf16be'] as const) {
    it(`is linted as its UTF-8 text is (${encoding})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'beianlint-edges-'));
      for (const [name, text] of Object.entries(texts)) {
        writeFileSync(join(dir, `utf8-${name}`), text);
        const le = Buffer.from(`\ufeff${text}`, 'utf16le');
        writeFileSync(join(dir, `utf16-${name}`), encoding === 'utf16le' ? le : le.swap16());
      }
      const names = Object.keys(texts);
      const utf8 = await lintFiles(names.map((n) => `utf8-${n}`), { config: false, cwd: dir, now: TEST_NOW });
      const utf16 = await lintFiles(names.map((n) => `utf16-${n}`), { config: false, cwd: dir, now: TEST_NOW });
      // Batch messages name the earlier file: the same name but for its prefix.
      const renamed = utf16.map((r) => r.messages.map((m) => ({ ...m, message: m.message.replaceAll('utf16-', 'utf8-') })));
      expect(renamed).toEqual(utf8.map((r) => r.messages));
      expect(utf16.flatMap((r) => r.messages).some((m) => m.ruleId === 'parse-error')).toBe(false);
      expect(utf16.flatMap((r) => r.messages).length).toBeGreaterThan(3);
    });
  }
});

describe('a mistyped flag', () => {
  it('is a usage error that names the flag meant', () => {
    expect(() => parseCliArgs(['--formt', 'json', 'a.json'])).toThrow(/unknown option '--formt'; did you mean --format\?/);
    expect(() => parseCliArgs(['--concurency', '2', 'a.json'])).toThrow(/did you mean --concurrency\?/);
  });

  it('guesses nothing for a flag far from every real one', () => {
    expect(() => parseCliArgs(['--frobnicate', 'a.json'])).toThrow(/^Unknown option '--frobnicate'/);
    expect(() => parseCliArgs(['--frobnicate', 'a.json'])).not.toThrow(/did you mean/);
  });
});
