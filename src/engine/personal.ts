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
 *
 * These are the values this record holds where the schema expects them. An
 * identity number, phone or e-mail anywhere else, in this record or another,
 * is found by its value (src/domain/personal-text.ts, messages.ts maskQuoted);
 * names have no shape to be found by, so only the record's own are masked.
 */
import { nameKey } from '../domain/names.js';
import { valueAt } from '../input/pointer.js';
import { OWNER_KIND } from '../checks/fields.js';
import { personalFieldAt, personalFields, valuesAtField, type PersonalField } from '../schema/personal-fields.js';
import type { SensitiveKind } from '../checks/api.js';
import type { PersonalValue } from './messages.js';

// Which fields hold personal data, and of what kind, the filing schema says
// (its x-personal-data marks, read by src/schema/personal-fields.ts). Two
// conditions are not the field's but the record's, so they stay here rather
// than in marks: the owner's name and the holder of the owner's document are a
// person's name only when the owner is a person (a unit's name is not personal
// data, 个人信息保护法 第4条); and a domain's registrant is whoever holds the
// domain (the owner, a unit, someone outside the filing), so it is taken for a
// person's name only when it is one of the record's persons.

/** Marked names under this top-level field are the owner's, personal only when the owner is a person. */
const OWNER = 'owner';
/** The registrant of every domain of every website (`*` for any array item, as src/schema/personal-fields.ts writes pointers). */
const REGISTRANT = '/websites/*/domains/*/registrant';

/**
 * The marked fields in the order their values are gathered. A text found in
 * two fields keeps the kind it was found with first, and values of equal
 * length are masked in this order, so the order shapes the output: persons'
 * names, then identity numbers, phones and e-mail addresses (each in the
 * schema's order), then registrants, which are compared with those names.
 */
interface GatherOrder {
  names: readonly PersonalField[];
  others: readonly PersonalField[];
  registrants: readonly PersonalField[];
}

/** The order of the kinds other than names; a kind not listed comes after these. */
const KIND_ORDER: readonly SensitiveKind[] = ['id-number', 'phone', 'email'];

let gatherOrder: GatherOrder | undefined;

function gatherOrderOf(): GatherOrder {
  if (gatherOrder) return gatherOrder;
  const fields = personalFields();
  const isRegistrant = (f: PersonalField) => f.pointer === REGISTRANT;
  const names = fields.filter((f) => f.kind === 'person-name' && !isRegistrant(f));
  const registrants = fields.filter((f) => f.kind === 'person-name' && isRegistrant(f));
  const rank = (f: PersonalField) => (KIND_ORDER.includes(f.kind) ? KIND_ORDER.indexOf(f.kind) : KIND_ORDER.length);
  const others = fields.filter((f) => f.kind !== 'person-name').sort((a, b) => rank(a) - rank(b));
  gatherOrder = { names, others, registrants };
  return gatherOrder;
}

/** Whitespace that folding to single spaces changes: a run of it, or any but a plain space. */
const UNFOLDED_SPACE = /\s\s|[^\S ]/;

/** The personal values of a record, longest first (so a longer value is masked before a part of it). */
export function personalValues(record: unknown): PersonalValue[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return [];
  const order = gatherOrderOf();
  const found = new Map<string, SensitiveKind>();
  const put = (form: string, kind: SensitiveKind): void => {
    if (form !== '' && !found.has(form)) found.set(form, kind);
  };
  // Each value as written, trimmed, and with its inner whitespace folded to single spaces, as a
  // message may quote any of them; the folding is done only where it changes the text, since a
  // record with a message has its values gathered and nearly none hold such whitespace.
  const add = (v: unknown, kind: SensitiveKind): void => {
    const raw = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v : undefined;
    if (raw === undefined) return;
    put(raw, kind);
    const trimmed = raw.trim();
    put(trimmed, kind);
    if (UNFOLDED_SPACE.test(trimmed)) put(trimmed.replace(/\s+/g, ' '), kind);
  };
  const names: string[] = [];
  // An owner of unknown kind is taken for a person: masking a unit's name by mistake costs less than printing a person's.
  const ownerIsPerson = valueAt(record, OWNER_KIND) !== 'unit';
  for (const field of order.names) {
    if (field.segments[0] === OWNER && !ownerIsPerson) continue;
    for (const v of valuesAtField(record, field)) {
      if (typeof v !== 'string' || v.trim() === '') continue;
      names.push(v);
      add(v, 'person-name');
    }
  }
  for (const field of order.others) {
    // A kind the schema may name but the engine cannot mask (not a SensitiveKind) fails to compile here.
    for (const v of valuesAtField(record, field)) add(v, field.kind);
  }
  if (names.length > 0) {
    const keys = new Set(names.map(nameKey));
    for (const field of order.registrants) {
      for (const v of valuesAtField(record, field)) if (typeof v === 'string' && keys.has(nameKey(v))) add(v, 'person-name');
    }
  }
  return [...found].map(([text, kind]) => ({ text, kind })).sort((a, b) => b.text.length - a.text.length);
}

/**
 * The kind of personal data at a message's path (`/principal/contacts/mobile`,
 * `/verification/onSite/documents/2/number`), for masking the value a message
 * quotes from there, or undefined. Names are not masked by their path: whether
 * the owner's name is a person's depends on the record, which a path cannot
 * tell, so a name is masked by its value, through personalValues, wherever a
 * message quotes it.
 */
export function personalKindAt(path: string): SensitiveKind | undefined {
  const field = personalFieldAt(path);
  return field === undefined || field.kind === 'person-name' ? undefined : field.kind;
}
