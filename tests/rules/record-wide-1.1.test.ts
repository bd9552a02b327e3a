import { describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { FORMATTERS } from '../../src/formatters/index.js';
import { trimmedView } from '../../src/engine/trimmed.js';
import { personalValues } from '../../src/engine/personal.js';
import { escapeControls, maskPersonal } from '../../src/engine/messages.js';
import { bundledRuleSet, Linter, type LintResult } from '../../src/engine/index.js';
import { patched } from '../support/records.js';
import { lintRecords, messagesOf, testLinter, lintTextWith } from '../support/lint.js';

// Contract 1.1: rules whitespace and control-characters, the trimmed view the
// other rules see, escaping in every output, and names of natural persons
// masked wherever a message quotes them.

const lines = (result: LintResult) => result.messages.map((m) => `${m.ruleId} ${m.severity} ${m.path}`);
const RAW_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

describe('whitespace', () => {
  it('a padded domain is one warning, and no other rule sees the padding', () => {
    const clean = lines(lintRecords([patched('enterprise-approved')]));
    expect(clean).toEqual([]);
    const padded = lintRecords([patched('enterprise-approved', { set: { '/websites/0/domains/0/name': ' example-tech.cn\u3000' } })]);
    expect(lines(padded)).toEqual(['whitespace warning /websites/0/domains/0/name']);
    expect(padded.messages[0]!.message).toBe(
      '/websites/0/domains/0/name starts and ends with whitespace (U+0020 U+3000); the other rules check the value without it',
    );
    const zh = lintRecords([patched('enterprise-approved', { set: { '/websites/0/domains/0/name': 'example-tech.cn ' } })], { locale: 'zh-CN' });
    expect(zh.messages.map((m) => m.message)).toEqual(['/websites/0/domains/0/name 结尾有空白字符（U+0020）；其他规则按去除空白后的值检查']);
  });

  it('a padded document number, region code or date gets no document-number or schema error', () => {
    const result = lintRecords([
      patched('enterprise-approved', {
        set: {
          '/principal/document/number': '\u00a011010519850612123X',
          '/owner/regionCode': '110105 ',
          '/verification/onSite/verifiedAt': ' 2026-03-10T10:00:00+08:00',
          '/principal/contacts/mobile': '13812345678\t',
        },
      }),
    ]);
    expect(lines(result).sort()).toEqual([
      'whitespace warning /owner/regionCode',
      'whitespace warning /principal/contacts/mobile',
      'whitespace warning /principal/document/number',
      'whitespace warning /verification/onSite/verifiedAt',
    ]);
  });

  it('a blank value is padding, and empty for the other rules', () => {
    const result = lintRecords([patched('enterprise-approved', { set: { '/principal/document/number': '\u3000' } })]);
    expect(lines(result).sort()).toEqual(['schema error /principal/document/number', 'whitespace warning /principal/document/number']);
  });

  it('reports a line break or a tab inside a single-line field, not inside an address', () => {
    const result = lintRecords([
      patched('enterprise-approved', {
        set: {
          '/owner/name': '北京示例科技\r\n有限公司',
          '/websites/0/name': '北京示例\t科技官网',
          '/owner/address': '北京市朝阳区示例路 88 号\n8 层\t801 室',
          '/principal/contacts/mailingAddress': '北京市朝阳区\r\n示例路 88 号',
          '/remarks': ' 备注\n第二行 ',
        },
      }),
    ]);
    const ws = messagesOf(result, 'whitespace');
    expect(ws.map((m) => `${m.path} ${m.message}`)).toEqual([
      '/owner/name /owner/name is a single-line field but holds a line break (U+000D U+000A); write it on one line',
      '/websites/0/name /websites/0/name is a single-line field but holds a tab (U+0009); use a space',
    ]);
    // The other rules compare the name with the line break in it: a mismatch is theirs to report.
    expect(messagesOf(result, 'control-characters')).toEqual([]);
  });

  it('reports padding and an inner line break of one value separately, at the same path', () => {
    const result = lintRecords([patched('enterprise-approved', { set: { '/principal/name': '张\n三 ' } })], { redact: false, locale: 'zh-CN' });
    expect(messagesOf(result, 'whitespace').map((m) => m.message)).toEqual([
      '/principal/name 结尾有空白字符（U+0020）；其他规则按去除空白后的值检查',
      '/principal/name 是单行字段，却含有换行（U+000A）；应写在一行内',
    ]);
  });

  it('takes its multi-line and ignored fields from the options', () => {
    const record = patched('enterprise-approved', { set: { '/websites/0/name': '北京示例\n科技官网' } });
    const linter = testLinter();
    expect(messagesOf(lintTextWith(linter, JSON.stringify(record), '/virtual/a.json'), 'whitespace')).toHaveLength(1);
    const relaxed = new Linter({
      ruleSet: bundledRuleSet(),
      now: new Date('2026-11-29T12:00:00+08:00'),
      rules: { whitespace: { options: { multiLine: ['/websites/*/name'], ignore: [] } } },
    });
    expect(messagesOf(lintTextWith(relaxed, JSON.stringify(record), '/virtual/a.json'), 'whitespace')).toEqual([]);
  });
});

describe('the trimmed view', () => {
  it('is the record itself when nothing is padded (no copy on the hot path)', () => {
    const record = patched('enterprise-approved');
    expect(trimmedView(record)).toBe(record);
  });

  it('copies only the way to a padded string, and leaves the record as parsed', () => {
    const record = patched('enterprise-approved', { set: { '/websites/0/domains/1/name': ' example-tech.com.cn ' } });
    const view = trimmedView(record) as typeof record & { websites: Array<{ domains: Array<{ name: string }>; access: unknown }> };
    const raw = record as typeof view;
    expect(view).not.toBe(record);
    expect(view.websites[0]!.domains[1]!.name).toBe('example-tech.com.cn');
    expect(raw.websites[0]!.domains[1]!.name).toBe(' example-tech.com.cn ');
    expect(view.websites[0]!.domains[0]).toBe(raw.websites[0]!.domains[0]);
    expect(view.websites[0]!.access).toBe(raw.websites[0]!.access);
    expect(view.principal).toBe(record.principal);
  });

  it('keeps a key named __proto__ as data', () => {
    const parsed = JSON.parse('{"__proto__": " x ", "a": " y "}') as Record<string, unknown>;
    const view = trimmedView(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(view)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(view, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(view, '__proto__')!.value).toBe('x');
    expect(view.a).toBe('y');
  });

  it('is what the batch rules key on', () => {
    const linter = testLinter();
    const plain = patched('enterprise-approved');
    const padded = patched('enterprise-approved', { set: { '/filingId': ' F-2026-0001 ', '/websites/0/domains/0/name': 'example-tech.cn\u00a0' } });
    expect(linter.batchKeys(padded)).toEqual(linter.batchKeys(plain));
  });

  it('survives nesting deeper than a recursive walk could follow', () => {
    let deep: unknown = ' x ';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => trimmedView(deep)).not.toThrow();
  });
});

describe('control-characters', () => {
  it('reports ESC and BEL as escapes, in both locales', () => {
    const patch = { set: { '/websites/0/name': '北京示例\u001b[31m科技\u0007官网' } };
    const [en] = messagesOf(lintRecords([patched('enterprise-approved', patch)]), 'control-characters');
    const [zh] = messagesOf(lintRecords([patched('enterprise-approved', patch)], { locale: 'zh-CN' }), 'control-characters');
    expect(en!.severity).toBe('error');
    expect(en!.path).toBe('/websites/0/name');
    expect(en!.message).toBe('/websites/0/name holds a control character (\\u001B \\u0007)');
    expect(zh!.message).toBe('/websites/0/name 含有控制字符（\\u001B \\u0007）');
  });

  it('reports a bidirectional override or isolate, named as an escape', () => {
    for (const ch of ['\u202a', '\u202e', '\u2066', '\u2069']) {
      const result = lintRecords([patched('enterprise-approved', { set: { '/owner/address': `北京市${ch}朝阳区` } })]);
      const messages = messagesOf(result, 'control-characters');
      expect(messages.map((m) => `${m.severity} ${m.path}`)).toEqual(['error /owner/address']);
      const code = ch.charCodeAt(0).toString(16).toUpperCase();
      expect(messages[0]!.message).toBe(`/owner/address holds a bidirectional override or isolate (\\u${code}) that reorders how the text is displayed`);
    }
  });

  it('a direction mark is a warning, which the options can turn off', () => {
    const record = patched('enterprise-approved', { set: { '/websites/0/access/providerName': '\u200f北京示例云计算有限公司' } });
    expect(messagesOf(lintRecords([record]), 'control-characters').map((m) => `${m.severity} ${m.message}`)).toEqual([
      'warning /websites/0/access/providerName holds an invisible direction mark (\\u200F)',
    ]);
    const off = new Linter({ ruleSet: bundledRuleSet(), now: new Date(), rules: { 'control-characters': { options: { bidiMarks: 'off' } } } });
    expect(messagesOf(lintTextWith(off, JSON.stringify(record), '/virtual/a.json'), 'control-characters')).toEqual([]);
  });

  it('leaves tab, line feed and carriage return to the whitespace rule, and reports VT, NEL and DEL', () => {
    const ok = patched('enterprise-approved', { set: { '/owner/address': '北京市\r\n朝阳区\t示例路' } });
    expect(messagesOf(lintRecords([ok]), 'control-characters')).toEqual([]);
    for (const ch of ['\u000b', '\u0085', '\u007f', '\u0000']) {
      const bad = patched('enterprise-approved', { set: { '/owner/address': `北京市${ch}朝阳区` } });
      expect(messagesOf(lintRecords([bad]), 'control-characters').map((m) => m.path), JSON.stringify(ch)).toEqual(['/owner/address']);
    }
  });

  it('looks into unknown fields and arrays too, and never prints the character raw', () => {
    const record = patched('enterprise-approved', { set: { '/verification/form/corrections': ['改正\u202e一处'], '/extra': { note: 'x\u0007' } } });
    const result = lintRecords([record]);
    expect(messagesOf(result, 'control-characters').map((m) => m.path).sort()).toEqual(['/extra/note', '/verification/form/corrections/0']);
    for (const m of result.messages) expect(m.message).not.toMatch(RAW_UNSAFE);
  });
});

describe('no output prints a control character or bidirectional override from a record', () => {
  // A record whose filingId, provider name, a quoted value and whose file name carry ESC, BEL and U+202E.
  const record = patched('enterprise-approved', {
    set: {
      '/filingId': 'F-\u001b[2J\u202e1\u20282',
      '/websites/0/access/providerName': '北京\u0007示例\u202e云计算有限公司',
      '/websites/0/domains/0/name': 'exa\u202emple.cn',
      '/review/filingNumber': '京ICP备\u001b12345678号',
    },
  });
  const filePath = `${process.cwd()}/filings\u202e\u001b.json`;
  const result = lintTextWith(testLinter(), JSON.stringify(record), filePath, 'json');
  const rules = testLinter().ruleInfo();

  it('the messages quote the values escaped', () => {
    expect(result.messages.length).toBeGreaterThan(2);
    for (const m of result.messages) expect(m.message).not.toMatch(RAW_UNSAFE);
    expect(result.messages.some((m) => m.message.includes('\\u202E'))).toBe(true);
  });

  it.each(Object.keys(FORMATTERS))('%s', (format) => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const out = FORMATTERS[format]!([result], { cwd: process.cwd(), color: false, locale, rules, version: '0.0.0' });
      expect(out, `${format} ${locale}`).not.toMatch(RAW_UNSAFE);
      if (format !== 'summary') expect(out).toMatch(/\\u202[Ee]|%E2%80%AE/);
    }
  });

  it('junit names the control character, as every other report does', () => {
    const out = FORMATTERS.junit!([result], { cwd: process.cwd(), color: false, locale: 'en', rules });
    expect(out).toContain('F-\\u001B[2J\\u202E1\\u20282');
  });

  it('json and sarif escape as JSON, so a script reads the values as they are', () => {
    const json = JSON.parse(FORMATTERS.json!([result], { cwd: process.cwd(), color: false, locale: 'en' })) as Array<{ filePath: string; messages: Array<{ filingId: string }> }>;
    expect(json[0]!.filePath).toBe('filings\u202e\u001b.json');
    expect(json[0]!.messages[0]!.filingId).toBe('F-\u001b[2J\u202e1\u20282');
    const sarif = JSON.parse(FORMATTERS.sarif!([result], { cwd: process.cwd(), color: false, locale: 'en', rules })) as {
      runs: Array<{ results: Array<{ properties: { filingId: string } }> }>;
    };
    expect(sarif.runs[0]!.results[0]!.properties.filingId).toBe('F-\u001b[2J\u202e1\u20282');
  });

  it('summary names the provider escaped', () => {
    const out = FORMATTERS.summary!([result], { cwd: process.cwd(), color: false, locale: 'en', rules });
    expect(out).toContain('北京\\u0007示例\\u202E云计算有限公司');
  });

  it('escapeControls is a no-op on safe text and idempotent', () => {
    const safe = '张三 example.com 第 1 条';
    expect(escapeControls(safe)).toBe(safe);
    const once = escapeControls('a\u202eb\u0007');
    expect(once).toBe('a\\u202Eb\\u0007');
    expect(escapeControls(once)).toBe(once);
  });
});

describe('names of natural persons are masked wherever a message quotes them', () => {
  it('in document-holder, both locales; --no-redact prints them', () => {
    const patch = { set: { '/principal/document/holder': '张山' } };
    const [en] = messagesOf(lintRecords([patched('enterprise-approved', patch)]), 'document-holder');
    const [zh] = messagesOf(lintRecords([patched('enterprise-approved', patch)], { locale: 'zh-CN' }), 'document-holder');
    expect(en!.message).toBe('the document holder "张*" is not the principal\'s name "张*" (they differ from character 2 on) (二、(二)1.(5))');
    expect(zh!.message).toBe('证件持有者“张*”与网站负责人名称“张*”不一致（自第 2 个字起不同）（二、(二)1.(5)）');
    const [full] = messagesOf(lintRecords([patched('enterprise-approved', patch)], { redact: false }), 'document-holder');
    expect(full!.message).toBe('the document holder "张山" is not the principal\'s name "张三" (they differ from character 2 on) (二、(二)1.(5))');
  });

  it('keeps two characters of a compound surname', () => {
    const patch = { set: { '/principal/name': '欧阳娜娜', '/principal/document/holder': '欧阳娜' } };
    const [m] = messagesOf(lintRecords([patched('enterprise-approved', patch)], { locale: 'zh-CN' }), 'document-holder');
    expect(m!.message).toBe('证件持有者“欧阳*”与网站负责人名称“欧阳**”不一致（自第 4 个字起不同）（二、(二)1.(5)）');
  });

  it('does not mask a unit name', () => {
    const [m] = messagesOf(lintRecords([patched('enterprise-approved', { set: { '/owner/document/holder': '北京另一科技有限公司' } })]), 'document-holder');
    expect(m!.message).toBe('the document holder "北京另一科技有限公司" is not the owner\'s name "北京示例科技有限公司" (they differ from character 3 on) (二、(二)1.(5))');
  });

  it("masks an individual owner's name, and a registrant that is the person, in another rule's message", () => {
    const record = patched('individual-draft', { set: { '/websites/0/domains/0/registrant': '李四', '/websites/0/domains/0/name': '李四.example' } });
    const result = lintRecords([record], { locale: 'zh-CN' });
    const quoting = result.messages.filter((m) => m.path === '/websites/0/domains/0/name');
    expect(quoting.length).toBeGreaterThan(0);
    for (const m of quoting) {
      expect(m.message).not.toContain('李四');
      expect(m.message).toContain('李*.example');
    }
  });

  it('masks a document number or phone quoted at another path, and a personal value in a path', () => {
    const record = patched('individual-draft', {
      set: { '/websites/0/domains/0/name': '440305199008152342', '/owner/13912345678': 'x', '/principal/李四': 'x' },
    });
    const result = lintRecords([record]);
    const all = result.messages.map((m) => `${m.path} ${m.message}`).join('\n');
    for (const secret of ['440305199008152342', '13912345678', '李四']) expect(all).not.toContain(secret);
    expect(all).toContain('440305********2342');
    expect(result.messages.map((m) => m.path)).toEqual(expect.arrayContaining(['/owner/139****5678', '/principal/李*']));
    const full = lintRecords([record], { redact: false }).messages.map((m) => `${m.path} ${m.message}`).join('\n');
    for (const secret of ['440305199008152342', '13912345678', '/principal/李四']) expect(full).toContain(secret);
  });

  it('in every output format', () => {
    const records = [
      patched('individual-draft', { set: { '/principal/document/holder': '李思' } }),
      patched('enterprise-approved', { set: { '/principal/name': '王五', '/principal/document/holder': '王五五' } }),
    ];
    const result = lintRecords(records, { format: 'jsonl' });
    expect(result.messages.length).toBeGreaterThan(0);
    for (const [format, formatter] of Object.entries(FORMATTERS)) {
      const out = formatter([result], { cwd: process.cwd(), color: false, locale: 'zh-CN', rules: testLinter().ruleInfo() });
      for (const name of ['李四', '李思', '王五']) expect(out.includes(name), `${format} has ${name}`).toBe(false);
    }
  });

  it('for a batch message, from the record the batch engine passes', () => {
    const linter = testLinter({ locale: 'zh-CN' });
    const rules = linter.batchRules();
    const rule = rules.ruleIds.indexOf('batch-identity-conflict');
    const record = patched('individual-draft');
    const report = { path: '/principal/document/number', data: { number: '440305199008152342', name: '李四', earlierFile: 'a.jsonl', earlierRecord: 1, earlierLine: 1 } };
    const range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const masked = rules.message(rule, 0, null, report, range, record).message;
    expect(masked).toContain('"李*"');
    expect(masked).toContain('440305********2342');
    const unmasked = testLinter({ redact: false }).batchRules();
    const full = unmasked.message(unmasked.ruleIds.indexOf('batch-identity-conflict'), 0, null, report, range, record).message;
    expect(full).toContain('李四');
  });

  it('finds the personal values of a record, longest first', () => {
    const values = personalValues(patched('enterprise-approved'));
    const texts = values.map((v) => v.text);
    expect(texts).toEqual(expect.arrayContaining(['张三', '11010519850612123X', '911101055536123498', '13812345678', '010-65123456', 'zhangsan@example-tech.cn']));
    expect(texts).not.toContain('北京示例科技有限公司');
    expect(values.map((v) => v.text.length)).toEqual([...values.map((v) => v.text.length)].sort((a, b) => b - a));
    // A one-character name is masked only as a whole value, not inside every word that has it.
    const one = [{ text: '张', kind: 'person-name' as const }];
    expect(maskPersonal('张家口', one)).toBe('张家口');
    expect(maskPersonal('张', one)).toBe('*');
  });
});

describe('whitespace: a YAML block scalar in a field that may hold lines', () => {
  const yaml = (address: string) => {
    const text = toYaml(patched('enterprise-approved', { set: { '/owner/address': address } }));
    return lintTextWith(testLinter(), text, '/virtual/block.yaml', 'yaml').messages.filter((m) => m.ruleId === 'whitespace');
  };

  it('one final line feed, as `|` keeps it, is no padding', () => {
    expect(toYaml({ address: 'a\nb\n' })).toBe('address: |\n  a\n  b\n');
    expect(yaml('北京市朝阳区示例路 88 号\n8 层 801 室\n')).toEqual([]);
  });

  it('a blank line after it still is', () => {
    expect(yaml('北京市朝阳区示例路 88 号\n\n').map((m) => m.path)).toEqual(['/owner/address']);
  });
});

describe('a record that is no object', () => {
  it('is the schema rule\'s alone, padded or not', () => {
    const result = lintTextWith(testLinter(), JSON.stringify([' padded\u202e', ['\u0007']]), '/virtual/odd.json', 'json');
    expect([...new Set(result.messages.map((m) => m.ruleId))]).toEqual(['schema']);
  });
});
