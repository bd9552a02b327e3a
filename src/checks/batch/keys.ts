import { documentNumberKey } from '../../domain/document-number.js';
import { nameKey } from '../../domain/names.js';
import type { HolderScheme } from '../api.js';
import { textAt } from '../access.js';
import { documentOf } from '../identity/shared.js';
import { OWNER_KIND, OWNER_NAME } from '../fields.js';

/** Who holds a key, as a BatchKey carries it. */
export interface Holder {
  holder: string;
  holderScheme: HolderScheme | undefined;
  holderName: string | undefined;
}

// One object, filled again for each record: the holder is worked out for
// every record of a batch, and its fields are copied into the record's keys.
const scratch: Holder = { holder: '', holderScheme: undefined, holderName: undefined };

function filled(holder: string, scheme: HolderScheme | undefined, name: string | undefined): Holder {
  scratch.holder = holder;
  scratch.holderScheme = scheme;
  scratch.holderName = name;
  return scratch;
}

// Key forms (documentNumberKey: upper case, no spaces or hyphens). Without the u flag: these run
// for every record of a batch, and only ASCII is matched.
const USCC_FORM = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const ORG_CODE_FORM = /^[0-9A-Z]{9}$/;
const REGISTRATION_NUMBER_FORM = /^[0-9]{15}$/;

/**
 * Who an owner is, for telling "the same owner filed again" from "two
 * owners" (valid until the next call: copy its fields into the keys, all
 * three, so that every key has one shape).
 *
 * A unit is known by its organisation code where it has one: GB 32100 puts
 * the code (主体标识码, issued once per body and kept for life) at positions
 * 9–17 of the unified social credit code, so a credit code and an
 * organisation code certificate (`12345678-9` or `123456789`) of one unit
 * match, and two credit codes are told apart by the part that identifies
 * the body rather than by their name, which two companies in different
 * places may share. A 15-digit registration number of before 2015 shares no
 * digits with the code that replaced it, so between it and a code the
 * normalized name decides; so it does between a code, a registration number,
 * another document (compared with its own kind by type and number) and a
 * unit with no document. A person is known by their document number, an ID
 * card and a household register alike (they carry the same number); between
 * two kinds of number (a 回乡证 and later a residence permit, a passport and
 * later an ID card) the name decides, as between a unit's schemes.
 */
/** The scheme a person's document number is compared under: one per kind of number. */
function personScheme(type: string | undefined): HolderScheme {
  switch (type) {
    case 'resident-id-card':
    case 'household-register':
      return 'person';
    case 'hk-macao-permit':
    case 'taiwan-compatriot-permit':
      return 'person-travel-permit';
    case 'hmt-residence-permit':
      return 'person-residence-permit';
    case 'passport':
      return 'person-passport';
    case 'foreign-permanent-resident-id':
      return 'person-permanent-residence';
    default:
      return 'person-document';
  }
}

export function ownerHolder(record: unknown): Holder | undefined {
  // The owner's document as the identity checks read it, once per record.
  const document = documentOf(record, 'owner');
  const number = document.number?.trim() ? document.number : undefined;
  const key = number ? documentNumberKey(number) : '';
  if (textAt(record, OWNER_KIND) !== 'unit') {
    const name = textAt(record, OWNER_NAME);
    const ownName = name ? nameKey(name) : '';
    // One kind of document against another (a 回乡证, later a residence permit; a passport,
    // later an ID card): the name decides, as between a unit's schemes. A person's name is
    // marked as one, so that it never decides for a unit that bears it (李四 and 李四 Ltd).
    if (key) return filled(key, personScheme(document.type), ownName ? `person:${ownName}` : undefined);
    return ownName ? filled(`name:${ownName}`, undefined, undefined) : undefined;
  }
  const name = textAt(record, OWNER_NAME);
  const ownName = name ? nameKey(name) : '';
  const holderName = ownName || undefined;
  const type = key ? document.type : undefined;
  if (type) {
    if (key.length === 18 && USCC_FORM.test(key)) return filled(key.slice(8, 17), 'org-code', holderName);
    if (type === 'org-code-certificate' && ORG_CODE_FORM.test(key)) return filled(key, 'org-code', holderName);
    if (type === 'business-license' && REGISTRATION_NUMBER_FORM.test(key)) return filled(key, 'registration-number', holderName);
    return filled(`${type}:${key}`, 'unit-document', holderName);
  }
  return ownName ? filled(ownName, 'unit-name', ownName) : undefined;
}
