/**
 * A record's personal data, for masking it wherever a message quotes it
 * (contract 1.1: "masking applies to a value wherever it appears, not only at
 * its own path"). A check that quotes the owner's name in a document-holder
 * message, a schema message that quotes a padded phone, a path naming an
 * unknown key that happens to be an ID number: every occurrence is masked.
 *
 * Personal data here: every identity document number (the contract masks them
 * all, a unit's code included), the principal's phones and e-mail, and the
 * names of natural persons — the principal, an individual owner, the holders
 * of their documents, and a domain registrant that is one of those persons.
 * A unit's name is not personal data (个人信息保护法 第4条: information about
 * natural persons).
 */
import { nameKey } from '../domain/names.js';
import { valueAt } from '../input/pointer.js';
import type { SensitiveKind } from '../checks/api.js';
import type { PersonalValue } from './messages.js';

const PHONES = ['/principal/contacts/mobile', '/principal/contacts/officePhone', '/principal/contacts/homePhone'];

/** The personal values of a record, longest first (so a longer value is masked before a part of it). */
export function personalValues(record: unknown): PersonalValue[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return [];
  const found = new Map<string, SensitiveKind>();
  const add = (v: unknown, kind: SensitiveKind): void => {
    const raw = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v : undefined;
    if (raw === undefined) return;
    for (const form of [raw, raw.trim(), raw.replace(/\s+/g, ' ').trim()]) {
      if (form !== '' && !found.has(form)) found.set(form, kind);
    }
  };
  const names: string[] = [];
  const addName = (v: unknown): void => {
    if (typeof v !== 'string' || v.trim() === '') return;
    names.push(v);
    add(v, 'person-name');
  };
  // An owner of unknown kind is taken for a person: masking a unit's name by mistake costs less than printing a person's.
  const ownerIsPerson = valueAt(record, '/owner/kind') !== 'unit';
  if (ownerIsPerson) {
    addName(valueAt(record, '/owner/name'));
    addName(valueAt(record, '/owner/document/holder'));
  }
  addName(valueAt(record, '/principal/name'));
  addName(valueAt(record, '/principal/document/holder'));
  add(valueAt(record, '/owner/document/number'), 'id-number');
  add(valueAt(record, '/principal/document/number'), 'id-number');
  const documents = valueAt(record, '/verification/onSite/documents');
  if (Array.isArray(documents)) {
    for (const d of documents) if (d && typeof d === 'object') add((d as Record<string, unknown>).number, 'id-number');
  }
  for (const p of PHONES) add(valueAt(record, p), 'phone');
  add(valueAt(record, '/principal/contacts/email'), 'email');
  const websites = valueAt(record, '/websites');
  if (names.length > 0 && Array.isArray(websites)) {
    const keys = new Set(names.map(nameKey));
    for (const w of websites) {
      const domains = w && typeof w === 'object' ? (w as Record<string, unknown>).domains : undefined;
      if (!Array.isArray(domains)) continue;
      for (const d of domains) {
        const registrant = d && typeof d === 'object' ? (d as Record<string, unknown>).registrant : undefined;
        if (typeof registrant === 'string' && keys.has(nameKey(registrant))) add(registrant, 'person-name');
      }
    }
  }
  return [...found].map(([text, kind]) => ({ text, kind })).sort((a, b) => b.text.length - a.text.length);
}

