import { describe, expect, it } from 'vitest';
import { RecentResults } from '../../src/domain/recent.js';
import { checkDocumentNumber } from '../../src/domain/document-number.js';
import { citizenIdCheckCharacter } from '../../src/domain/citizen-id.js';
import { checkDomainName } from '../../src/domain/domain-name.js';

describe('RecentResults', () => {
  it('computes a key once while it is remembered', () => {
    const recent = new RecentResults<{ n: number }>(4);
    let calls = 0;
    const first = recent.get('a', () => ({ n: ++calls }));
    expect(recent.get('a', () => ({ n: ++calls }))).toBe(first);
    expect(calls).toBe(1);
  });

  it('keeps at most two tables of its limit, and keeps a key that is asked for again', () => {
    const recent = new RecentResults<number>(2);
    let calls = 0;
    recent.get('a', () => ++calls); // newer: a
    recent.get('b', () => ++calls); // newer: a b
    recent.get('c', () => ++calls); // older: a b, newer: c
    expect(recent.get('a', () => ++calls)).toBe(1); // found in the older table, moved to the newer: c a
    recent.get('d', () => ++calls); // older: c a, newer: d — b is gone
    expect(recent.get('b', () => ++calls)).toBe(5);
    expect(recent.get('a', () => ++calls)).toBe(1);
    expect(calls).toBe(5);
  });

  it('hands out frozen results, so one caller cannot change another caller’s answer', () => {
    const recent = new RecentResults<{ n: number }>();
    const v = recent.get('a', () => ({ n: 1 }));
    expect(Object.isFrozen(v)).toBe(true);
  });
});

describe('remembered verdicts still depend on every input', () => {
  it('a citizen ID born tomorrow is in the future today and valid a year on', () => {
    const id = `11010220260302007${citizenIdCheckCharacter('11010220260302007')}`;
    expect(checkDocumentNumber('resident-id-card', id, new Date('2026-03-01T00:00:00Z'))).toMatchObject({ problem: 'future-birth-date' });
    expect(checkDocumentNumber('resident-id-card', id, new Date('2027-03-01T00:00:00Z'))).toMatchObject({ ok: true });
    expect(checkDocumentNumber('resident-id-card', id, new Date('2026-03-01T00:00:00Z'))).toMatchObject({ problem: 'future-birth-date' });
  });

  it('the holder’s citizenship is part of a passport verdict', () => {
    // A Chinese passport is a letter and 8 digits; other countries' passports take other forms.
    const now = new Date('2026-03-01T00:00:00Z');
    expect(checkDocumentNumber('passport', 'X1234567', now)).toMatchObject({ ok: true });
    expect(checkDocumentNumber('passport', 'X1234567', now, { citizenship: 'CN' })).toMatchObject({ ok: false });
    expect(checkDocumentNumber('passport', 'X1234567', now)).toMatchObject({ ok: true });
  });

  it('the same domain twice gives the same verdict object', () => {
    expect(checkDomainName('例子.中国')).toBe(checkDomainName('例子.中国'));
  });
});
