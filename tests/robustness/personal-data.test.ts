import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { patched } from '../support/records.js';
import { lintRecords, testLinter } from '../support/lint.js';

// Filing records are personal data (三、(一)4): no output format may carry an
// identity number, phone or e-mail address in full unless --no-redact is given.
const BIN = fileURLToPath(new URL('../../bin/beianlint.js', import.meta.url));

const records = [
  patched('individual-draft', {
    set: {
      '/filingId': 'P-1',
      '/principal/document/number': '110105198506121237',
      '/principal/contacts/mobile': '1381234567',
      '/principal/contacts/homePhone': '13987654321',
      '/principal/contacts/email': 'zhang.san@@example.com',
    },
  }),
  patched('individual-draft', {
    set: { '/filingId': 'P-2', '/owner/name': '王五', '/owner/document/holder': '王五', '/principal/contacts/mobile': '13912345678' },
  }),
  patched('individual-draft', {
    set: {
      '/filingId': 'P-3',
      '/owner/document/number': '440305900815234',
      '/principal/document/number': '440305900815234',
      '/principal/contacts/email': 'li.si@invalid..cn',
    },
  }),
];

/** Every identity number, phone and e-mail in the fixture, and the 18-digit form a 15-digit number upgrades to. */
const PERSONAL = [
  '110105198506121237',
  '440305199008152342',
  '440305900815234',
  '1381234567',
  '13987654321',
  '13912345678',
  '0755-26881234',
  'zhang.san@@example.com',
  'li.si@invalid..cn',
  'lisi@lisi-blog.cn',
];

/**
 * 1.1: names of natural persons. In P-2 the individual owner 王五 has the principal 李四, so
 * principal-role quotes both names; every record's principal is a person.
 */
const NAMES = ['王五', '李四'];

function runAll(extra: string[]): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-pii-'));
  writeFileSync(join(dir, 'filings.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const outputs = new Map<string, string>();
  for (const format of Object.keys(FORMATTERS)) {
    const target = join(dir, `report.${format}`);
    const r = spawnSync(process.execPath, [BIN, '--format', format, '-o', target, ...extra, 'filings.jsonl'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    expect(r.status, `${format}: ${r.stderr}`).toBe(1);
    outputs.set(format, readFileSync(target, 'utf8'));
    // stdout and stderr must not leak either.
    outputs.set(`${format} (stdout+stderr)`, r.stdout + r.stderr);
  }
  return outputs;
}

describe('personal data in every output format', () => {
  it('is masked by default', () => {
    const outputs = runAll([]);
    expect(outputs.size).toBe(Object.keys(FORMATTERS).length * 2);
    for (const [format, text] of outputs) {
      for (const value of [...PERSONAL, ...NAMES]) expect(text.includes(value), `${format} contains ${value}`).toBe(false);
    }
    // The masked forms are there, so the messages did quote the values.
    expect(outputs.get('json')).toContain('440305********2342');
    expect(outputs.get('json')).toContain('139****5678');
  });

  it('is printed in full with --no-redact, as the user asked', () => {
    const outputs = runAll(['--no-redact']);
    for (const format of ['stylish', 'compact', 'json', 'sarif', 'junit', 'github', 'html', 'checkstyle', 'gitlab']) {
      const text = outputs.get(format)!;
      for (const value of ['110105198506121237', '440305199008152342', '13912345678', 'zhang.san@@example.com', ...NAMES]) {
        expect(text.includes(value), `${format} shows ${value}`).toBe(true);
      }
    }
  });

  it('never reaches the cache file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-pii-'));
    writeFileSync(join(dir, 'filings.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    // A clean file is what the cache keeps; its records are full of personal data too.
    const clean = ['enterprise-approved', 'individual-draft', 'government-verified'].map((b) => patched(b, { set: { '/filingId': `C-${b}` } }));
    writeFileSync(join(dir, 'clean.jsonl'), clean.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = spawnSync(process.execPath, [BIN, '--cache', '--format', 'json', 'clean.jsonl', 'filings.jsonl'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    expect(r.status, r.stderr).toBe(1);
    // The index, and its key file read as text in both encodings a value could be found in.
    const keys = readFileSync(join(dir, '.beianlintcache.keys'));
    expect(keys.length).toBeGreaterThan(100);
    const cache = [readFileSync(join(dir, '.beianlintcache'), 'utf8'), keys.toString('utf8'), keys.toString('utf16le')].join('\n');
    expect(cache).toContain('clean.jsonl');
    const values = [...PERSONAL, ...clean.flatMap((c) => JSON.stringify(c).match(/"(?:number|mobile|officePhone|homePhone|email|name|holder|registrant)":"([^"]+)"/g) ?? [])];
    expect(values.length).toBeGreaterThan(20);
    for (const v of values) {
      const value = v.includes('":"') ? v.slice(v.indexOf('":"') + 3, -1) : v;
      expect(cache.includes(value), value).toBe(false);
    }
  });
});

describe('names of natural persons in every output format (in process)', () => {
  const result = lintRecords(records, { format: 'jsonl', locale: 'zh-CN' });
  const context = { cwd: process.cwd(), color: false, locale: 'zh-CN' as const, rules: testLinter().ruleInfo() };

  it('are quoted by the messages, masked', () => {
    const quoting = result.messages.filter((m) => m.ruleId === 'principal-role' && m.record === 1);
    expect(quoting.map((m) => m.message)).toEqual([expect.stringContaining('“李*”应与主办者姓名“王*”')]);
    for (const [format, formatter] of Object.entries(FORMATTERS)) {
      const text = formatter([result], context);
      for (const value of [...PERSONAL, ...NAMES]) expect(text.includes(value), `${format} contains ${value}`).toBe(false);
    }
  });

  it('are printed in full with redaction off', () => {
    const full = lintRecords(records, { format: 'jsonl', locale: 'zh-CN', redact: false });
    for (const format of ['stylish', 'compact', 'json', 'sarif', 'junit', 'github', 'html', 'checkstyle', 'gitlab']) {
      const text = FORMATTERS[format]!([full], context);
      for (const value of NAMES) expect(text.includes(value), `${format} shows ${value}`).toBe(true);
    }
  });
});
