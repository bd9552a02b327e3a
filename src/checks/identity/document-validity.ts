// document-validity (二、(二)1.(5) 有效证件): the notice has the principal
// bring the originals of valid documents (有效证件) to on-site verification.
// A document that states its last day (`validUntil`, contract 1.1) must still
// have been valid on the day it was verified on site: valid up to and
// including `validUntil` (a bare date is the whole Beijing day), and
// `long-term` (长期) never expires. Before the record has an on-site
// verification (a draft, or no `verification.onSite`), the day that counts is
// the day of the check (`ctx.now`, the CLI's `--now`): a document that has
// already expired cannot be verified later.
//
// Documents: the owner's, the principal's, and each one verified on site. A
// `validUntil` of contract form that names no calendar day (2030-02-30) is
// reported here, since the schema checks form only; any other malformed
// value is the schema rule's. An on-site verification whose date is missing
// or unreadable gives no day to compare with, so only impossible dates are
// reported then.

import { onSiteDocument, subjectDocument } from '../../domain/vocabulary.js';
import { beijingDateOf, type BeijingDate } from '../../domain/workdays.js';
import type { MessageData, NoOptions, RecordCheck } from '../api.js';
import { arrayAt, isObject, objectAt, textAt, valueAt } from '../access.js';
import { dateAt, isImpossibleDate } from '../verification/dates.js';
import { SUBJECTS } from './shared.js';
import { STAGE } from '../fields.js';

export const documentValidityMessageIds = ['default', 'expired', 'impossible-date'] as const;

/** The `validUntil` of a document that does not expire. */
const LONG_TERM = 'long-term';

const ON_SITE = '/verification/onSite';
const ON_SITE_DOCUMENTS = `${ON_SITE}/documents`;
const VERIFIED_AT = `${ON_SITE}/verifiedAt`;

/** A document that may carry `validUntil`, with how messages name it. */
interface Held {
  /** Pointer of the document object. */
  pointer: string;
  data: MessageData;
}

function documentsOf(record: unknown): Held[] {
  const held: Held[] = [];
  for (const subject of SUBJECTS) {
    const pointer = `/${subject}/document`;
    const doc = objectAt(record, pointer);
    // Most documents state no validUntil: nothing to check, and no message text to make.
    if (!doc || doc.validUntil === undefined) continue;
    const type = typeof doc.type === 'string' ? doc.type : '';
    held.push({ pointer, data: { document: subjectDocument(subject, type) } });
  }
  arrayAt(record, ON_SITE_DOCUMENTS).forEach((doc, index) => {
    if (!isObject(doc) || doc.validUntil === undefined) return;
    const type = typeof doc.type === 'string' ? doc.type : '';
    held.push({ pointer: `${ON_SITE_DOCUMENTS}/${index}`, data: { document: onSiteDocument(index + 1, type) } });
  });
  return held;
}

/**
 * The day a document must have been valid on, and whether it is the on-site
 * verification's (true) or the check's (false); undefined when the record was
 * verified on site on a day that cannot be read.
 */
function referenceDay(record: unknown, now: Date): { day: BeijingDate; onSite: boolean } | undefined {
  const verified = textAt(record, STAGE) !== 'draft' && valueAt(record, ON_SITE) !== undefined;
  if (!verified) {
    const day = beijingDateOf(now);
    return day === undefined ? undefined : { day, onSite: false };
  }
  const at = dateAt(record, VERIFIED_AT);
  return at ? { day: at.beijingDate, onSite: true } : undefined;
}

export const documentValidity: RecordCheck<NoOptions, (typeof documentValidityMessageIds)[number]> = (ctx) => {
  const { record } = ctx;
  const documents = documentsOf(record);
  if (documents.length === 0) return;
  const reference = referenceDay(record, ctx.now);
  for (const doc of documents) {
    const path = `${doc.pointer}/validUntil`;
    const raw = valueAt(record, path);
    if (raw === undefined || raw === LONG_TERM) continue;
    if (isImpossibleDate(raw)) {
      ctx.report({ path, messageId: 'impossible-date', data: { ...doc.data, value: raw } });
      continue;
    }
    const until = dateAt(record, path);
    // Not a date of the contract's form: the schema rule's.
    if (!until || !reference) continue;
    // Valid through the whole of its last day, whatever the time of verification.
    if (reference.day <= until.beijingDate) {
      // Judged against today, the verdict changes the day after: a --cache entry holds no longer.
      if (!reference.onSite) ctx.holdsThrough(until.beijingDate);
      continue;
    }
    const data = { ...doc.data, validUntil: until.beijingDate };
    ctx.report(
      reference.onSite
        ? { path, data: { ...data, verifiedOn: reference.day } }
        : { path, messageId: 'expired', data: { ...data, today: reference.day } },
    );
  }
};
