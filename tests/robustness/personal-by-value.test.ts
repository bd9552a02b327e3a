import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskPersonalText } from '../../src/domain/personal-text.js';
import type { LintResult } from '../../src/engine/index.js';
import { FORMATTERS } from '../../src/formatters/index.js';
import { lintFiles } from '../../src/runner/index.js';
import { patched } from '../support/records.js';
import { lintRecords, lintTextWith, testLinter } from '../support/lint.js';

// Personal data is masked by its value, not only at the fields the schema
// marks: an identity number, a phone or an e-mail put in any other field, in a
// key, or quoted by a parser, is masked in every output (issue 21).

const PHONE = '13512345678';
const ID = '11010519900307123X';
const OLD_ID = '440305900815234';
const EMAIL = 'wang.wu@example.com';

function everyOutput(results: LintResult[], locale: 'en' | 'zh-CN' = 'en'): Map<string, string> {
  const context = { cwd: '/virtual', color: false, locale, rules: testLinter({ locale }).ruleInfo() };
  return new Map(Object.entries(FORMATTERS).map(([format, formatter]) => [format, formatter(results, context)]));
}

describe('maskPersonalText', () => {
  it.each([
    ['a mobile', `call ${PHONE} now`, 'call 135****5678 now'],
    ['a mobile written in groups, with +86', '+86 135-1234-5678', '+86 135****5678'],
    ['two mobiles in a row', '135 1234 5678 139 8765 4321', '135****5678 139****4321'],
    ['a mobile in full-width digits', '１３５１２３４５６７８', '135****5678'],
    ['a mobile after letters', `b${PHONE}`, 'b135****5678'],
    ['a fixed line with its area code', '电话(010)65123456', '电话010-****3456'],
    ['a fixed line after a date', '2026-01-01 0755-26881234', '2026-01-01 0755-****1234'],
    ['a citizen ID', `/principal/${ID}`, '/principal/110105********123X'],
    ['a citizen ID with a wrong check character', 'ID 110105199003071231', 'ID 110105********1231'],
    ['a first-generation ID', `"${OLD_ID}"`, '"440305******234"'],
    ['a passport', 'E12345678', 'E1*****78'],
    ['an e-mail', `mail ${EMAIL}.`, 'mail w******@example.com.'],
    ['an e-mail typed against a Chinese label', `邮箱${EMAIL}的`, '邮箱w******@example.com的'],
    ['a phone as an e-mail address', `${PHONE}@qq.com`, '1**********@qq.com'],
    ['a phone as an e-mail domain', `x@${PHONE}.cn`, '*@135****5678.cn'],
  ])('masks %s', (_, text, masked) => {
    expect(maskPersonalText(text)).toBe(masked);
  });

  it.each([
    ['a unified social credit code', '911101055536123498'],
    ['a unified social credit code with letters', '91350100M000100Y43'],
    ['a filing number', '京ICP备2026012345号-3'],
    ['a date and a time', '2026-11-29T12:00:00+08:00, 20261129'],
    ['IP addresses', '14.215.177.38 and 2408:8000::1'],
    ['counts, record indexes and line numbers', 'record 1234567, first on line 2345678, 12345678 bytes'],
    ['an organisation code', '12345678-9'],
    ['a number too short to be a phone', '6512 3456'],
    ['an at sign without an address', '@scope/package'],
  ])('leaves %s as it is', (_, text) => {
    expect(maskPersonalText(text)).toBe(text);
  });
});

describe('personal data in a field that does not expect it', () => {
  // Each of these printed the value in full before masking went by value.
  const placements: Array<[string, Record<string, unknown>, string]> = [
    ['contacts given as a string', { '/principal/contacts': PHONE }, '/principal/contacts'],
    ['a number in owner.name', { '/owner/name': Number(PHONE) }, '/owner/name'],
    ['an ID number as an unknown key', { [`/principal/${ID}`]: 'x' }, '/principal/110105********123X'],
    ['an old ID number in an enum field', { '/stage': OLD_ID }, '/stage'],
    ['an e-mail in an enum field', { '/websites/0/access/method': EMAIL }, '/websites/0/access/method'],
    ['an ID number as a region code', { '/owner/regionCode': ID }, '/owner/regionCode'],
    ['a phone as an e-mail domain', { '/principal/contacts/email': `zhang@${PHONE}` }, '/principal/contacts/email'],
  ];

  it.each(placements)('%s is masked in every output format', (_, set, path) => {
    const value = String(Object.values(set)[0]);
    const quoted = Object.keys(set)[0]!.includes(ID) ? ID : value.includes(PHONE) ? PHONE : value;
    for (const locale of ['en', 'zh-CN'] as const) {
      const result = lintRecords([patched('individual-draft', { set })], { locale });
      expect(result.messages.some((m) => m.path === path), `a message at ${path}`).toBe(true);
      for (const [format, text] of everyOutput([result], locale)) expect(text.includes(quoted), `${format} (${locale}) contains ${quoted}`).toBe(false);
      const shown = lintRecords([patched('individual-draft', { set })], { locale, redact: false });
      expect(everyOutput([shown], locale).get('json')).toContain(quoted);
    }
  });

  it('masks an ID number given as the filingId, which every message names', () => {
    const result = lintRecords([patched('individual-draft', { set: { '/filingId': ID, '/stage': 'none' } })]);
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.messages.every((m) => m.filingId === '110105********123X')).toBe(true);
    for (const [format, text] of everyOutput([result])) expect(text.includes(ID), format).toBe(false);
  });

  it('masks a phone given as the access provider in the summary', () => {
    const result = lintRecords([patched('individual-draft', { set: { '/websites/0/access/providerName': `示例 ${PHONE}`, '/stage': 'none' } })]);
    const summary = everyOutput([result]).get('summary')!;
    expect(summary).toContain('示例 135****5678');
    expect(summary).not.toContain(PHONE);
  });
});

describe('personal data a parser quotes', () => {
  const warnings: string[] = [];
  const onWarning = (w: Error): void => void warnings.push(`${w.name}: ${w.message}`);
  beforeEach(() => {
    warnings.length = 0;
    process.on('warning', onWarning);
  });
  afterEach(() => {
    process.off('warning', onWarning);
  });

  /** Lints a YAML text in process and as a file, and lets the warnings emitted meanwhile arrive. */
  async function lintYaml(text: string): Promise<LintResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-pii-yaml-'));
    const file = join(dir, 'records.yaml');
    writeFileSync(file, text);
    const linter = testLinter();
    const results = [lintTextWith(linter, text, '/virtual/records.yaml', 'yaml'), ...(await lintFiles([file], { linter, cwd: dir }))];
    // A process warning is emitted on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return results;
  }

  it('masks a phone in an unresolved alias', async () => {
    const results = await lintYaml(`filingId: *a${PHONE}\n`);
    const parseErrors = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'parse-error'));
    expect(parseErrors).toHaveLength(2);
    for (const m of parseErrors) expect(m.message).toContain('a135****5678');
    for (const [format, text] of everyOutput(results)) expect(text.includes(PHONE), format).toBe(false);
  });

  it('prints no library warning that quotes a key of the input', async () => {
    // yaml warns on stderr that a collection used as a key is stringified, quoting the key.
    const results = await lintYaml(`? [${PHONE}]\n: x\nfilingId: F-1\n`);
    expect(results[0]!.messages.some((m) => m.path.includes('135****5678'))).toBe(true);
    for (const [format, text] of everyOutput(results)) expect(text.includes(PHONE), format).toBe(false);
    expect(warnings.filter((w) => w.includes(PHONE))).toEqual([]);
  });
});
