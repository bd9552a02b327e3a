import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { personalKindAt, personalValues } from '../../src/engine/personal.js';
import { createAjv } from '../../src/schema/ajv.js';
import { PERSONAL_DATA_KEYWORD, personalFields, personalFieldsOf, valuesAtField } from '../../src/schema/personal-fields.js';
import { lintRecords } from '../support/lint.js';
import { baseRecord, patched, setAt } from '../support/records.js';

const SCHEMA_FILE = new URL('../../schemas/filing.schema.json', import.meta.url);
const filingSchema = () => JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

/** Every place in a schema document that carries the keyword, found without knowing how schemas nest. */
function marksIn(node: unknown, at = '#'): string[] {
  if (node === null || typeof node !== 'object') return [];
  const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
  const own = !Array.isArray(node) && typeof (node as Record<string, unknown>)[PERSONAL_DATA_KEYWORD] === 'string' ? [at] : [];
  return [...own, ...entries.flatMap(([k, v]) => marksIn(v, `${at}/${k}`))];
}

/** A concrete path for a field's pointer, with `index` for each array item. */
const concrete = (pointer: string, index: number) => pointer.replace(/\/\*(?=\/|$)/g, `/${index}`);

describe('the personal fields of the filing schema', () => {
  it('are the fields it marks, in the order the schema declares them', () => {
    expect(personalFields().map((f) => [f.pointer, f.kind])).toEqual([
      ['/owner/name', 'person-name'],
      ['/owner/document/number', 'id-number'],
      ['/owner/document/holder', 'person-name'],
      ['/principal/name', 'person-name'],
      ['/principal/document/number', 'id-number'],
      ['/principal/document/holder', 'person-name'],
      ['/principal/contacts/mobile', 'phone'],
      ['/principal/contacts/officePhone', 'phone'],
      ['/principal/contacts/homePhone', 'phone'],
      ['/principal/contacts/email', 'email'],
      ['/websites/*/domains/*/registrant', 'person-name'],
      ['/verification/onSite/documents/*/number', 'id-number'],
    ]);
  });

  it('come from every mark the schema carries, none placed where the table does not look', () => {
    const marks = marksIn(filingSchema());
    expect(marks.length).toBeGreaterThan(5);
    expect(new Set(personalFields().map((f) => f.markedAt))).toEqual(new Set(marks));
  });

  it('are found in a record at any array index', () => {
    const record = baseRecord('enterprise-approved');
    const onSite = personalFields().find((f) => f.pointer === '/verification/onSite/documents/*/number')!;
    expect(valuesAtField(record, onSite)).toEqual(['911101055536123498', '11010519850612123X']);
    expect(valuesAtField({ verification: { onSite: { documents: { 0: { number: 'x' } } } } }, onSite)).toEqual([]);
  });
});

describe('a table of marks', () => {
  const contacts = (mark: Record<string, unknown>) => ({
    $defs: { contacts: { type: 'object', properties: { mobile: { type: 'string', ...mark }, note: { type: 'string' } } } },
    properties: { people: { type: 'array', items: { properties: { contacts: { $ref: '#/$defs/contacts' } } } } },
  });

  it('follows the marks: a field marked is listed, the same field unmarked is not', () => {
    expect(personalFieldsOf(contacts({ [PERSONAL_DATA_KEYWORD]: 'phone' })).map((f) => [f.pointer, f.kind, f.markedAt])).toEqual([
      ['/people/*/contacts/mobile', 'phone', '#/$defs/contacts/properties/mobile'],
    ]);
    expect(personalFieldsOf(contacts({}))).toEqual([]);
  });

  it('takes a mark beside a $ref as well as one in the definition it refers to', () => {
    const schema = { $defs: { number: { type: 'string' } }, properties: { id: { $ref: '#/$defs/number', [PERSONAL_DATA_KEYWORD]: 'id-number' } } };
    expect(personalFieldsOf(schema).map((f) => [f.pointer, f.kind])).toEqual([['/id', 'id-number']]);
  });

  it('refuses what it could not hold exactly, rather than leave a field out', () => {
    expect(() => personalFieldsOf(contacts({ [PERSONAL_DATA_KEYWORD]: 'address' }))).toThrow(/x-personal-data is "address"; expected one of/);
    const twice = { $defs: { n: { type: 'string', [PERSONAL_DATA_KEYWORD]: 'phone' } }, properties: { n: { $ref: '#/$defs/n', [PERSONAL_DATA_KEYWORD]: 'email' } } };
    expect(() => personalFieldsOf(twice)).toThrow(/\/n is marked both/);
    expect(() => personalFieldsOf({ properties: { a: { $ref: 'other.json#/x' } } })).toThrow(/cannot follow \$ref other\.json/);
    expect(() => personalFieldsOf({ $defs: { tree: { properties: { child: { $ref: '#/$defs/tree' } } } }, $ref: '#/$defs/tree' })).toThrow(/refers to itself/);
    expect(() => personalFieldsOf({ properties: { '*': { type: 'string' } } })).toThrow(/cannot be told from an array's items/);
  });
});

describe('the annotation', () => {
  it('is known to strict ajv, which refuses a kind the table does not know', () => {
    const ajv = createAjv();
    expect(() => ajv.compile(filingSchema())).not.toThrow();
    expect(() => createAjv().compile({ type: 'string', [PERSONAL_DATA_KEYWORD]: 'address' })).toThrow(/keyword "x-personal-data" value is invalid/);
  });

  it('changes nothing the schema accepts', () => {
    const strip = (node: unknown): unknown =>
      Array.isArray(node) ? node.map(strip) : node !== null && typeof node === 'object' ? Object.fromEntries(Object.entries(node).filter(([k]) => k !== PERSONAL_DATA_KEYWORD).map(([k, v]) => [k, strip(v)])) : node;
    const marked = createAjv().compile(filingSchema());
    const plain = createAjv().compile(strip(filingSchema()) as object);
    const bad = [1, null, ['x'], { a: 1 }, '', '13800001111'];
    const records = ['individual-draft', 'enterprise-approved', 'government-verified'].flatMap((base) => [
      baseRecord(base),
      ...personalFields().flatMap((f) => bad.map((v) => patched(base, { set: { [concrete(f.pointer, 0)]: v } }))),
    ]);
    for (const record of records) {
      const verdict = marked(record);
      expect(verdict).toBe(plain(record));
      expect(marked.errors ?? null).toEqual(plain.errors ?? null);
    }
    expect(records.filter((r) => !marked(r)).length).toBeGreaterThan(10);
  });
});

describe('masking driven by the marks', () => {
  it('names the kind at a marked field’s path, at any array index', () => {
    expect(personalKindAt('/owner/document/number')).toBe('id-number');
    expect(personalKindAt('/verification/onSite/documents/2/number')).toBe('id-number');
    expect(personalKindAt('/principal/contacts/homePhone')).toBe('phone');
    expect(personalKindAt('/principal/contacts/email')).toBe('email');
    // Not a field: an index is digits, and only a leaf is marked.
    expect(personalKindAt('/verification/onSite/documents/first/number')).toBeUndefined();
    expect(personalKindAt('/principal/contacts')).toBeUndefined();
    expect(personalKindAt('')).toBeUndefined();
  });

  it('leaves unmarked fields, and names, whose being a person’s the record decides, to personalValues', () => {
    expect(personalKindAt('/principal/contacts/mailingAddress')).toBeUndefined();
    expect(personalKindAt('/owner/address')).toBeUndefined();
    expect(personalKindAt('/owner/name')).toBeUndefined();
    expect(personalKindAt('/websites/0/domains/0/registrant')).toBeUndefined();
  });

  it('masks a value a message quotes from a marked field, and not one from an unmarked field', () => {
    // An array is no personal value of the record, so only its path can get it masked; an unmarked
    // field's value is quoted as it is (a number that is no phone, so masking by value leaves it too).
    const quoted = '["12345678"]';
    const record = baseRecord('enterprise-approved');
    const marked = personalFields().filter((f) => f.kind !== 'person-name');
    for (const f of marked) setAt(record, concrete(f.pointer, 1), ['13800001111']);
    setAt(record, '/principal/contacts/mailingAddress', ['12345678']);
    const messages = lintRecords([record]).messages.filter((m) => m.ruleId === 'schema');
    for (const f of marked) {
      const at = messages.filter((m) => m.path === concrete(f.pointer, 1));
      expect(at.length, f.pointer).toBeGreaterThan(0);
      for (const m of at) expect(m.message, f.pointer).not.toContain('13800001111');
    }
    expect(messages.find((m) => m.path === '/principal/contacts/mailingAddress')?.message).toContain(quoted);
  });

  it('finds the values at the marked fields, and no others', () => {
    const texts = (r: Record<string, unknown>) => personalValues(r).map((v) => `${v.kind} ${v.text}`);
    const record = baseRecord('enterprise-approved');
    for (const f of personalFields().filter((f) => f.kind !== 'person-name')) setAt(record, concrete(f.pointer, 1), `${f.kind}-at-${f.pointer}`);
    const found = texts(record);
    for (const f of personalFields().filter((f) => f.kind !== 'person-name')) expect(found).toContain(`${f.kind} ${f.kind}-at-${f.pointer}`);
    expect(found.join('\n')).not.toContain((record.principal as { contacts: { mailingAddress: string } }).contacts.mailingAddress);
  });

  it('applies the owner’s kind to the owner’s marked names, and takes a registrant only when it is one of the persons', () => {
    const names = (r: Record<string, unknown>) => personalValues(r).filter((v) => v.kind === 'person-name').map((v) => v.text);
    // The registrant is the individual owner, written with a space the name comparison ignores.
    const individual = patched('individual-draft', { set: { '/owner/name': '王五', '/owner/document/holder': '王五', '/websites/0/domains/0/registrant': '王五 ' } });
    expect(names(individual)).toEqual(['王五 ', '王五', '李四']);
    expect(names(patched(individual, { set: { '/owner/kind': 'unit' } }))).toEqual(['李四']);
    expect(names(patched(individual, { set: { '/websites/0/domains/0/registrant': '赵六' } }))).toEqual(['王五', '李四']);
  });
});
