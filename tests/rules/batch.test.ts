import { describe, expect, it } from 'vitest';
import { patched } from '../support/records.js';
import { lintRecords, messagesOf } from '../support/lint.js';

const otherOwner = {
  '/filingId': 'F-OTHER',
  '/owner/name': '赵六',
  '/owner/document/number': '31011519880420456X',
  '/owner/document/holder': '赵六',
};

describe('batch-duplicate-filing-id', () => {
  it('reports every later repeat against the first, folding surrounding spaces', () => {
    const r = lintRecords([patched('individual-draft'), patched('enterprise-approved', { set: { '/filingId': ' F-2026-0002 ' } }), patched('government-verified', { set: { '/filingId': 'F-2026-0002' } })], { format: 'jsonl' });
    expect(messagesOf(r, 'batch-duplicate-filing-id').map((m) => [m.record, m.path, m.line])).toEqual([
      [1, '/filingId', 2],
      [2, '/filingId', 3],
    ]);
    // Counted from 1 in the text, from 0 in the `record` field.
    expect(messagesOf(r, 'batch-duplicate-filing-id')[0]!.message).toMatch(/ is already used by record 1 of \/virtual\/records\.jsonl, line 1$/);
  });

  it('ignores records without a string filing id', () => {
    const r = lintRecords([patched('individual-draft', { set: { '/filingId': 7 } }), patched('individual-draft', { set: { '/filingId': 7 } })], { format: 'jsonl' });
    expect(messagesOf(r, 'batch-duplicate-filing-id')).toEqual([]);
  });
});

describe('batch-duplicate-domain', () => {
  it('treats case, a trailing dot and punycode as the same domain', () => {
    const first = patched('individual-draft', { set: { '/websites/0/domains/0/name': '例子.中国' } });
    const second = patched('individual-draft', { set: { ...otherOwner, '/websites/0/domains/0/name': 'XN--FSQU00A.XN--FIQS8S.' } });
    const r = lintRecords([first, second], { format: 'jsonl' });
    expect(messagesOf(r, 'batch-duplicate-domain').map((m) => [m.record, m.path])).toEqual([[1, '/websites/0/domains/0/name']]);
  });

  it('does not report the same owner filing again, found by document or by name', () => {
    const again = patched('individual-draft', { set: { '/filingId': 'F-CHANGE', '/owner/name': ' 李四 ' } });
    expect(messagesOf(lintRecords([patched('individual-draft'), again], { format: 'jsonl' }), 'batch-duplicate-domain')).toEqual([]);
  });
});

describe('batch-identity-conflict', () => {
  it('compares principals too, and masks the number unless asked not to', () => {
    const first = patched('enterprise-approved');
    const number = first.principal && (first.principal as { document: { number: string } }).document.number;
    const second = patched('individual-draft', { set: { '/filingId': 'F-X', '/principal/document/number': number, '/principal/name': '李四' } });
    const masked = messagesOf(lintRecords([first, second], { format: 'jsonl' }), 'batch-identity-conflict');
    expect(masked.map((m) => m.path)).toEqual(['/principal/document/number']);
    expect(masked[0]!.message).not.toContain(number);
    const full = messagesOf(lintRecords([first, second], { format: 'jsonl', redact: false, locale: 'zh-CN' }), 'batch-identity-conflict');
    expect(full[0]!.message).toContain(number);
    expect(full[0]!.message).toMatch(/^证件号码 .* 在此登记为 "李四"/);
  });

  it('treats names equal after normalization as the same holder', () => {
    const second = patched('individual-draft', { set: { '/filingId': 'F-X', '/owner/name': '李　四' } });
    expect(messagesOf(lintRecords([patched('individual-draft'), second], { format: 'jsonl' }), 'batch-identity-conflict')).toEqual([]);
  });
});

describe('batch-shared-mobile', () => {
  it('is a warning naming the earlier record, with the mobile masked', () => {
    const second = patched('individual-draft', {
      set: { ...otherOwner, '/principal/name': '赵六', '/principal/document/number': '31011519880420456X', '/principal/contacts/mobile': '+86 139-1234-5678' },
    });
    const [m] = messagesOf(lintRecords([patched('individual-draft'), second], { format: 'jsonl' }), 'batch-shared-mobile');
    expect(m).toMatchObject({ severity: 'warning', record: 1, path: '/principal/contacts/mobile' });
    expect(m!.message).toContain('139****5678');
    expect(m!.message).not.toContain('13912345678');
  });

  it('ignores numbers that are not phone numbers', () => {
    const a = patched('individual-draft', { set: { '/principal/contacts/mobile': 'n/a' } });
    const b = patched('individual-draft', { set: { ...otherOwner, '/principal/document/number': '31011519880420456X', '/principal/contacts/mobile': 'n/a' } });
    expect(messagesOf(lintRecords([a, b], { format: 'jsonl' }), 'batch-shared-mobile')).toEqual([]);
  });
});
