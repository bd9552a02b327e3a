// document-verification (二、(二)1.(5)): on site, the provider checks the
// originals of the owner's and the principal's documents against the
// authorities' sources, keeps copies, and checks that "证件持有者、证件类型、证
// 件内容与备案系统中录入的网站备案信息是否完全一致". So each of the two documents
// must be among verification.onSite.documents, with the record's type and
// number, and the flags the rule file lists (original, authenticated,
// copyRetained) true.
//
// Which entry is whose document: an entry with the same type and number;
// failing that one with the same number (its type is wrong), then one with
// the same type (its number is wrong); failing all, the document is missing.
// An individual's principal shows the owner's own document, so one entry
// serves both.

import type { FromSchema } from 'json-schema-to-ts';
import { isDocumentType } from '../../domain/document-number.js';
import { SUBJECT_NAMES, documentTypeWithCode } from '../../domain/vocabulary.js';
import { sensitive, type RecordCheck } from '../api.js';
import { arrayAt, isObject, valueAt } from '../access.js';
import { SUBJECTS, documentOf, numberKey, sameNumber, type DocumentRef } from './shared.js';

const FLAGS = ['original', 'authenticated', 'copyRetained'] as const;
type Flag = (typeof FLAGS)[number];

/** Message id of a flag that is not true. */
const FLAG_MESSAGES = {
  original: 'not-original',
  authenticated: 'not-authenticated',
  copyRetained: 'copy-not-retained',
} as const satisfies Readonly<Record<Flag, string>>;

export const documentVerificationOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['flags'],
  properties: {
    // The flags of an on-site document entry that must be true.
    flags: { type: 'array', uniqueItems: true, items: { enum: [...FLAGS] } },
  },
} as const;

export type DocumentVerificationOptions = FromSchema<typeof documentVerificationOptionsSchema>;

export const documentVerificationMessageIds = ['default', 'type', 'number', ...Object.values(FLAG_MESSAGES)] as const;

const DOCUMENTS = '/verification/onSite/documents';

interface Entry {
  index: number;
  type: unknown;
  number: unknown;
  value: Record<string, unknown>;
}

type Wanted = DocumentRef & { type: string; number: string };

export const documentVerification: RecordCheck<DocumentVerificationOptions, (typeof documentVerificationMessageIds)[number]> = (ctx) => {
  const { record, options } = ctx;
  if (!Array.isArray(valueAt(record, DOCUMENTS))) return;
  const entries: Entry[] = [];
  let junk = false;
  arrayAt(record, DOCUMENTS).forEach((value, index) => {
    if (isObject(value)) entries.push({ index, type: value.type, number: value.number, value });
    else junk = true;
  });

  const wanted: Wanted[] = [];
  for (const subject of SUBJECTS) {
    const doc = documentOf(record, subject);
    if (!isDocumentType(doc.type) || doc.number === undefined || numberKey(doc.number) === '') continue;
    const same = wanted.find((w) => w.type === doc.type && sameNumber(w.number, doc.number!));
    if (!same) wanted.push({ ...doc, type: doc.type, number: doc.number });
  }

  const claimed = new Set<number>();
  const matched = new Map<Wanted, Entry>();
  const claim = (w: Wanted, test: (e: Entry) => boolean): Entry | undefined => {
    if (matched.has(w)) return undefined;
    const e = entries.find((x) => !claimed.has(x.index) && test(x));
    if (e) {
      claimed.add(e.index);
      matched.set(w, e);
    }
    return e;
  };
  const numberIs = (e: Entry, w: Wanted) => typeof e.number === 'string' && sameNumber(e.number, w.number);
  const base = (w: Wanted) => ({ subject: SUBJECT_NAMES[w.subject] });

  // Exact matches first, for every document, so a near miss never takes another's entry.
  for (const w of wanted) claim(w, (e) => e.type === w.type && numberIs(e, w));
  for (const w of wanted) {
    const e = claim(w, (x) => numberIs(x, w));
    // An entry type that is no document type is the schema rule's.
    if (e && isDocumentType(e.type)) {
      ctx.report({
        path: `${DOCUMENTS}/${e.index}/type`,
        messageId: 'type',
        data: { ...base(w), ordinal: e.index + 1, type: documentTypeWithCode(e.type), expected: documentTypeWithCode(w.type) },
      });
    }
  }
  for (const w of wanted) {
    const e = claim(w, (x) => x.type === w.type);
    if (e && typeof e.number === 'string' && e.number !== '') {
      ctx.report({
        path: `${DOCUMENTS}/${e.index}/number`,
        messageId: 'number',
        data: { ...base(w), ordinal: e.index + 1, type: documentTypeWithCode(w.type), value: sensitive('id-number', e.number), expected: sensitive('id-number', w.number) },
      });
    }
  }
  for (const w of wanted) {
    const e = matched.get(w);
    if (!e) {
      // An entry that is no object (the schema rule reports it) may be this document: no guess.
      if (junk) continue;
      ctx.report({
        path: DOCUMENTS,
        data: { ...base(w), type: documentTypeWithCode(w.type), number: sensitive('id-number', w.number) },
      });
      continue;
    }
    for (const flag of options.flags) {
      // A missing or non-boolean flag is the schema rule's.
      if (e.value[flag] !== false) continue;
      ctx.report({
        path: `${DOCUMENTS}/${e.index}/${flag}`,
        messageId: FLAG_MESSAGES[flag],
        data: { ...base(w), ordinal: e.index + 1, type: documentTypeWithCode(w.type) },
      });
    }
  }
};
