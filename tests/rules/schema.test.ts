import { describe, expect, it } from 'vitest';
import { patched } from '../support/records.js';
import { lintRecords, messagesOf } from '../support/lint.js';

// The `schema` rule turns ajv's error list into one message per real problem,
// at the offending field's path, without the if/then/allOf cascade.
describe('schema', () => {
  it('reports each planted structural defect once, at its path', () => {
    const record = patched('enterprise-approved', {
      set: {
        '/schemaVersion': 2,
        '/owner/citizenship': 'CN',
        '/owner/document/type': 'id-card',
        '/principal/contacts/officephone': '010-65123456',
        '/websites/0/domains': [],
        '/websites/0/access/ips/0': 1234,
        '/verification/form/copies': 'two',
      },
      unset: ['/principal/name', '/review/filingNumber', '/retention'],
    });
    const paths = messagesOf(lintRecords([record]), 'schema').map((m) => m.path);
    expect(paths.sort()).toEqual(
      [
        '/schemaVersion',
        '/owner/citizenship',
        '/owner/document/type',
        '/principal/contacts/officephone',
        '/principal/name',
        '/websites/0/domains',
        '/websites/0/access/ips/0',
        '/verification/form/copies',
        '/review/filingNumber',
        '/retention',
      ].sort(),
    );
  });

  it('says what was expected, in both languages', () => {
    const record = patched('individual-draft', { set: { '/owner/kind': 'person' } });
    const [en] = messagesOf(lintRecords([record]), 'schema');
    const [zh] = messagesOf(lintRecords([record], { locale: 'zh-CN' }), 'schema');
    expect(en!.message).toBe('/owner/kind is "person"; expected one of: unit, individual');
    expect(zh!.message).toBe('/owner/kind 的值 "person" 无效，应为以下之一：unit, individual');
  });

  it('requires what the stage requires, and nothing earlier', () => {
    const draft = patched('individual-draft');
    expect(messagesOf(lintRecords([draft]), 'schema')).toEqual([]);
    const verified = patched('individual-draft', { set: { '/stage': 'verified' } });
    expect(messagesOf(lintRecords([verified]), 'schema').map((m) => m.path).sort()).toEqual(['/retention', '/verification']);
  });

  it('points an unknown field at its key and a missing one at its parent', () => {
    const record = patched('individual-draft', { set: { '/owner/nmae': '李四' }, unset: ['/owner/name'] });
    const result = lintRecords([record]);
    const unknown = messagesOf(result, 'schema').find((m) => m.path === '/owner/nmae')!;
    const missing = messagesOf(result, 'schema').find((m) => m.path === '/owner/name')!;
    expect(unknown.endColumn - unknown.column).toBe('"nmae"'.length);
    expect(missing.line).toBe(5);
  });
});
