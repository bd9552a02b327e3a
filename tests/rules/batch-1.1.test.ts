// Contract 1.1 for batch rules: one owner across document schemes, one person
// heading several units, and messages that name the earlier record for people.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOLDER_SCHEMES } from '../../src/checks/api.js';
import { createLinter } from '../../src/engine/index.js';
import { lintFiles } from '../../src/runner/index.js';
import { HOLDER_SCHEME_LIMIT } from '../../src/runner/key-log.js';
import { patched } from '../support/records.js';
import { lintRecords, messagesOf, TEST_NOW, testLinter, lintTextWith } from '../support/lint.js';

// enterprise-approved: 北京示例科技有限公司, credit code 911101055536123498, whose positions 9–17
// are the organisation code 55361234-9; two domains.
const DOMAINS = ['/websites/0/domains/0/name', '/websites/0/domains/1/name'];
const COMPANY = '北京示例科技有限公司';

/** The enterprise filed again (another filing id) with its owner changed as given. */
function refiled(set: Record<string, unknown>, filingId = 'F-2026-0100'): Record<string, unknown> {
  return patched('enterprise-approved', { set: { '/filingId': filingId, ...set } });
}

function domainRepeats(records: unknown[]): Array<[number, string]> {
  return messagesOf(lintRecords(records, { format: 'jsonl' }), 'batch-duplicate-domain').map((m) => [m.record, m.path]);
}

const reportedAtSecond = DOMAINS.map((p) => [1, p]);

describe('batch-duplicate-domain: one owner across document schemes', () => {
  it('matches a credit code with the organisation code certificate it embeds, with or without the hyphen', () => {
    for (const number of ['55361234-9', '553612349', '55361234－9']) {
      const again = refiled({ '/owner/document/type': 'org-code-certificate', '/owner/document/number': number });
      expect(domainRepeats([patched('enterprise-approved'), again]), number).toEqual([]);
      // Either way round.
      expect(domainRepeats([again, patched('enterprise-approved')]), number).toEqual([]);
    }
  });

  it('lets the organisation code decide, not the name: a renamed unit is the same, another code is another unit', () => {
    const renamed = refiled({ '/owner/name': '北京示例信息技术有限公司', '/owner/document/type': 'org-code-certificate', '/owner/document/number': '55361234-9' });
    expect(domainRepeats([patched('enterprise-approved'), renamed])).toEqual([]);
    // 00019876-6 (government-verified's code) under the enterprise's very name.
    const other = refiled({ '/owner/document/type': 'org-code-certificate', '/owner/document/number': '00019876-6' });
    expect(domainRepeats([patched('enterprise-approved'), other])).toEqual(reportedAtSecond);
  });

  it('reports two different credit codes even under the same name (two companies in different places)', () => {
    const other = refiled({ '/owner/document/number': '91110000600037341L' });
    expect(domainRepeats([patched('enterprise-approved'), other])).toEqual(reportedAtSecond);
  });

  it('tells two credit codes apart whatever comes first, a registration number of the same name included', () => {
    const licence = refiled({ '/owner/document/number': '310115600985533' }, 'F-2026-0101');
    const other = refiled({ '/owner/document/number': '91110000600037341L' }, 'F-2026-0102');
    // The registration number first: it matches both codes by name, but the second code is not the first.
    const records = [licence, patched('enterprise-approved'), other];
    const found = messagesOf(lintRecords(records, { format: 'jsonl' }), 'batch-duplicate-domain');
    expect(found.map((m) => [m.record, m.path])).toEqual(DOMAINS.map((p) => [2, p]));
    // It names the record it conflicts with: the first credit code, record 2 for a person.
    expect(found[0]!.message).toContain('record 2 (F-2026-0001)');
  });

  it('lets the normalized name decide between a 15-digit registration number and a code', () => {
    const licence = { '/owner/document/number': '310115600985533' };
    // The same name, give or take spaces, is the same company.
    const sameName = refiled({ ...licence, '/owner/name': ' 北京示例科技有限公司 ' });
    expect(domainRepeats([patched('enterprise-approved'), sameName])).toEqual([]);
    expect(domainRepeats([sameName, patched('enterprise-approved')])).toEqual([]);
    const orgCode = patched('enterprise-approved', { set: { '/owner/document/type': 'org-code-certificate', '/owner/document/number': '55361234-9' } });
    expect(domainRepeats([orgCode, sameName])).toEqual([]);
    const otherName = refiled({ ...licence, '/owner/name': '上海另一科技有限公司' });
    expect(domainRepeats([patched('enterprise-approved'), otherName])).toEqual(reportedAtSecond);
  });

  it('compares two registration numbers by number, not by name', () => {
    const first = refiled({ '/owner/document/number': '310115600985533' }, 'F-A');
    const other = refiled({ '/owner/document/number': '310117003171688' }, 'F-B');
    expect(domainRepeats([first, other])).toEqual(reportedAtSecond);
    expect(domainRepeats([first, refiled({ '/owner/document/number': '310115600985533' }, 'F-C')])).toEqual([]);
  });

  it('lets the name decide for a unit without a document', () => {
    const bare = refiled({}, 'F-BARE');
    delete (bare.owner as Record<string, unknown>).document;
    expect(domainRepeats([patched('enterprise-approved'), bare])).toEqual([]);
    const otherName = refiled({ '/owner/name': '上海另一科技有限公司' }, 'F-BARE');
    delete (otherName.owner as Record<string, unknown>).document;
    expect(domainRepeats([patched('enterprise-approved'), otherName])).toEqual(reportedAtSecond);
  });

  it('lets the name decide between two kinds of a person\'s number: a Hong Kong resident\'s permit, then their residence permit', () => {
    const permit = { '/owner/citizenship': 'CN', '/owner/document/type': 'hk-macao-permit', '/owner/document/number': 'H60234511' };
    const first = patched('individual-draft', { set: { ...permit, '/principal/document/type': 'hk-macao-permit', '/principal/document/number': 'H60234511' } });
    const later = patched('individual-draft', {
      set: { '/filingId': 'F-X', '/owner/document/type': 'hmt-residence-permit', '/owner/document/number': '810000199008151236' },
    });
    expect(domainRepeats([first, later])).toEqual([]);
    // Another person of another name, with a permit of the same kind as the first: another owner.
    const other = patched('individual-draft', { set: { ...permit, '/filingId': 'F-Y', '/owner/name': '陈大文', '/owner/document/number': 'H60234599' } });
    expect(domainRepeats([first, other])).toEqual([[1, '/websites/0/domains/0/name']]);
  });

  it('knows a person by their number among numbers of one kind (an ID card and a household register are one), not by a namesake', () => {
    const first = patched('individual-draft');
    const register = patched('individual-draft', { set: { '/filingId': 'F-X', '/owner/document/type': 'household-register' } });
    expect(domainRepeats([first, register])).toEqual([]);
    const namesake = patched('individual-draft', { set: { '/filingId': 'F-X', '/owner/document/number': '31011519880420456X' } });
    expect(domainRepeats([first, namesake])).toEqual([[1, '/websites/0/domains/0/name']]);
    // A company that happens to bear a person's name is not that person.
    const company = patched('individual-draft', {
      set: { '/filingId': 'F-X', '/owner/kind': 'unit', '/owner/unitType': 'enterprise', '/owner/document/type': 'business-license', '/owner/document/number': '310115600985533' },
    });
    expect(domainRepeats([first, company])).toEqual([[1, '/websites/0/domains/0/name']]);
  });
});

describe('batch-shared-mobile: one person heading several units', () => {
  const MOBILE = '/principal/contacts/mobile';
  const otherCompany = { '/owner/name': '上海另一科技有限公司', '/owner/document/number': '91310110666007217T', '/owner/document/holder': '上海另一科技有限公司' };
  const shared = (records: unknown[]) => messagesOf(lintRecords(records, { format: 'jsonl' }), 'batch-shared-mobile').map((m) => [m.record, m.path, m.severity]);

  it('is silent for one principal of two owners, whatever type the document is', () => {
    expect(shared([patched('enterprise-approved'), refiled(otherCompany)])).toEqual([]);
    const register = refiled({ ...otherCompany, '/principal/document/type': 'household-register', '/principal/contacts/mobile': '+86 138 1234 5678' });
    expect(shared([patched('enterprise-approved'), register])).toEqual([]);
  });

  it('reports principals with different documents of different owners', () => {
    const other = refiled({ ...otherCompany, '/principal/name': '赵六', '/principal/document/number': '31011519880420456X', '/principal/document/holder': '赵六' });
    expect(shared([patched('enterprise-approved'), other])).toEqual([[1, MOBILE, 'warning']]);
  });

  it('is silent for two principals of one owner, the owner known across schemes as for domains', () => {
    const sameOwner = refiled({
      '/owner/document/type': 'org-code-certificate',
      '/owner/document/number': '55361234-9',
      '/principal/name': '赵六',
      '/principal/document/number': '31011519880420456X',
      '/principal/document/holder': '赵六',
    });
    expect(shared([patched('enterprise-approved'), sameOwner])).toEqual([]);
  });

  it('falls back to the owner where a principal has no document', () => {
    const noDocument = (set: Record<string, unknown>) => {
      const r = refiled(set);
      delete (r.principal as Record<string, unknown>).document;
      return r;
    };
    expect(shared([patched('enterprise-approved'), noDocument({})])).toEqual([]);
    expect(shared([patched('enterprise-approved'), noDocument(otherCompany)])).toEqual([[1, MOBILE, 'warning']]);
  });
});

describe('batch-identity-conflict (unchanged)', () => {
  it('reports one number under two names, and not the same name again', () => {
    const conflict = patched('individual-draft', { set: { '/filingId': 'F-X', '/owner/name': '王五', '/owner/document/holder': '王五' } });
    const r = lintRecords([patched('individual-draft'), conflict], { format: 'jsonl' });
    expect(messagesOf(r, 'batch-identity-conflict').map((m) => [m.record, m.path])).toEqual([[1, '/owner/document/number']]);
    const again = patched('individual-draft', { set: { '/filingId': 'F-X' } });
    expect(messagesOf(lintRecords([patched('individual-draft'), again], { format: 'jsonl' }), 'batch-identity-conflict')).toEqual([]);
  });
});

describe('messages name the earlier record for people', () => {
  // Record 1 (0-based) is F-2026-0007, filed by the enterprise; record 2 files its domain as another company.
  const records = () => [
    patched('individual-draft'),
    patched('enterprise-approved', { set: { '/filingId': 'F-2026-0007' } }),
    refiled({ '/owner/document/number': '91110000600037341L' }, 'F-2026-0008'),
  ];

  it('counts from 1 and gives the filingId, in English', () => {
    const [m] = messagesOf(lintRecords(records(), { format: 'jsonl' }), 'batch-duplicate-domain');
    expect(m).toMatchObject({ record: 2, filingId: 'F-2026-0008', line: 3 });
    expect(m!.message).toBe('domain example-tech.cn is also filed by a different owner in record 2 (F-2026-0007) of /virtual/records.jsonl, line 2 (二、(二)1.(5))');
  });

  it('counts from 1 and gives the filingId, in Chinese', () => {
    const [m] = messagesOf(lintRecords(records(), { format: 'jsonl', locale: 'zh-CN' }), 'batch-duplicate-domain');
    expect(m).toMatchObject({ record: 2 });
    expect(m!.message).toBe('域名 example-tech.cn 已由另一主办者备案：/virtual/records.jsonl 第 2 条（F-2026-0007），第 2 行（二、(二)1.(5)）');
  });

  it('leaves out the parentheses where the earlier record has no filingId', () => {
    const list = records();
    delete list[1]!.filingId;
    const en = messagesOf(lintRecords(list, { format: 'jsonl' }), 'batch-duplicate-domain')[0]!.message;
    expect(en).toContain('in record 2 of /virtual/records.jsonl, line 2');
    const zh = messagesOf(lintRecords(list, { format: 'jsonl', locale: 'zh-CN' }), 'batch-duplicate-domain')[0]!.message;
    expect(zh).toContain('/virtual/records.jsonl 第 2 条，第 2 行');
    expect(zh).not.toContain('（）');
  });

  it('names the first occurrence in every message of a batch of copies, and each earlier record of other rules', () => {
    const copies = [0, 1, 2, 3].map((i) =>
      patched('individual-draft', { set: { '/filingId': `F-${i}`, '/owner/name': i === 0 ? '李四' : `王${'五六七'[i - 1]}`, '/owner/document/holder': i === 0 ? '李四' : `王${'五六七'[i - 1]}` } }),
    );
    const r = lintRecords(copies, { format: 'jsonl' });
    const conflicts = messagesOf(r, 'batch-identity-conflict');
    expect(conflicts.map((m) => m.record)).toEqual([1, 2, 3]);
    for (const m of conflicts) expect(m.message).toContain('record 1 (F-0) of /virtual/records.jsonl, line 1');
  });

  it('names the earlier record in another file, read again from a JSON file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-batch11-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify([patched('individual-draft'), patched('enterprise-approved', { set: { '/filingId': 'F-2026-0007' } })], null, 2));
    writeFileSync(join(dir, 'b.jsonl'), `${JSON.stringify(refiled({ '/owner/document/number': '91110000600037341L' }))}\n`);
    const results = await lintFiles(['a.json', 'b.jsonl'], { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir, locale: 'zh-CN' }), cwd: dir });
    const m = results[1]!.messages.find((x) => x.ruleId === 'batch-duplicate-domain');
    expect(m!.message).toMatch(/：a\.json 第 2 条（F-2026-0007），第 \d+ 行/);
  });
});

describe('duplicate-key names the earlier line counted from 1', () => {
  it('gives the line the first key is on', () => {
    const text = '{\n  "schemaVersion": 1,\n  "schemaVersion": 1\n}\n';
    for (const [locale, expected] of [
      ['en', 'field "schemaVersion" appears twice (first on line 2); the record is ambiguous'],
      ['zh-CN', '字段 "schemaVersion" 重复出现（前一个在第 2 行），记录有歧义'],
    ] as const) {
      const r = lintTextWith(testLinter({ locale }), text, '/virtual/dup.json', 'json');
      expect(messagesOf(r, 'duplicate-key').map((m) => [m.line, m.message])).toEqual([[3, expected]]);
    }
  });
});

describe('the engine compares holders the same way everywhere', () => {
  it('keeps every holder scheme apart in a key row', () => {
    expect(HOLDER_SCHEMES.length + 1).toBeLessThanOrEqual(HOLDER_SCHEME_LIMIT);
  });

  it('gives the same results on one thread, with workers, and from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-batch11-'));
    /** The enterprise with its owner (and the documents verified on site) changed: a record clean but for the batch rules. */
    const owner = (i: number, type: string, number: string, name = COMPANY, principal?: [string, string]) =>
      refiled(
        {
          '/owner/document/type': type,
          '/owner/document/number': number,
          '/owner/name': name,
          '/owner/document/holder': name,
          '/websites/0/domains/0/registrant': name,
          '/websites/0/domains/1/registrant': name,
          '/verification/onSite/documents/0/type': type,
          '/verification/onSite/documents/0/number': number,
          ...(principal
            ? {
                '/principal/name': principal[0],
                '/principal/document/holder': principal[0],
                '/principal/document/number': principal[1],
                '/verification/onSite/documents/1/number': principal[1],
              }
            : {}),
        },
        `F-${i}`,
      );
    // Owners in every scheme, in small units: one company by credit code, registration number
    // (same name) and organisation code, other companies, one principal heading two companies.
    const variants = [
      (i: number) => owner(i, 'business-license', '911101055536123498'),
      (i: number) => owner(i, 'business-license', '310115600985533'),
      (i: number) => owner(i, 'org-code-certificate', '55361234-9'),
      (i: number) => owner(i, 'business-license', '91110000600037341L'),
      (i: number) => owner(i, 'business-license', '310117003171688', '上海另一科技有限公司'),
      (i: number) => owner(i, 'business-license', '91310110666007217T', '上海第三科技有限公司', ['赵六', '31011519880420456X']),
    ];
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) lines.push(JSON.stringify(variants[i % variants.length]!(i)));
    writeFileSync(join(dir, 'mixed.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'more.json'), JSON.stringify(variants.map((v, i) => v(1000 + i)), null, 2));
    const files = ['mixed.jsonl', 'more.json'];
    const run = (concurrency: 'off' | 2, cacheLocation?: string) =>
      lintFiles(files, { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir, concurrency, chunkBytes: 16 * 1024, ...(cacheLocation ? { cacheLocation } : {}) });
    const single = await run('off');
    // Only batch messages: the files are cached, and a rerun has only their cached keys to compare.
    expect(single.flatMap((r) => r.messages.filter((m) => !m.ruleId.startsWith('batch-')).map((m) => `${m.ruleId} ${m.path}`))).toEqual([]);
    const kinds = (r: (typeof single)[number]) => r.messages.map((m) => `${m.record % variants.length} ${m.ruleId} ${m.path}`);
    // Variants 0–2 are one company, 3–5 three others (whose principal 5 shares the mobile), and
    // the first repeat of each other company's domain and mobile is reported against record 0.
    const expected = new Set([...[3, 4, 5].flatMap((v) => DOMAINS.map((p) => `${v} batch-duplicate-domain ${p}`)), '5 batch-shared-mobile /principal/contacts/mobile']);
    expect(new Set(kinds(single[0]!))).toEqual(expected);
    expect(new Set(kinds(single[1]!))).toEqual(expected);
    const workers = await run(2);
    expect(workers.map((r) => r.messages)).toEqual(single.map((r) => r.messages));
    for (const concurrency of ['off', 2] as const) {
      const location = `cache-${concurrency}.json`;
      const first = await run(concurrency, location);
      expect(first.map((r) => r.messages), String(concurrency)).toEqual(single.map((r) => r.messages));
      // A tampered record count shows the rerun read the cache.
      const index = JSON.parse(readFileSync(join(dir, location), 'utf8'));
      expect(Object.keys(index.files).length, String(concurrency)).toBe(2);
      for (const entry of Object.values(index.files) as Array<{ stats: { records: number } }>) entry.stats.records = 999;
      writeFileSync(join(dir, location), JSON.stringify(index));
      const cached = await run(concurrency, location);
      expect(cached.map((r) => r.stats?.records), String(concurrency)).toEqual([999, 999]);
      expect(cached.map((r) => r.messages), String(concurrency)).toEqual(single.map((r) => r.messages));
    }
  });
});
