// document-number (一、1): the owner's and the principal's document numbers
// are well-formed for their types, check characters included. Which scheme a
// type carries and how each is checked is src/domain/document-number.ts; this
// check picks the message for each problem code and leaves alone what other
// rules report: an unknown type or an empty number (schema), a 15-digit
// first-generation ID number (first-generation-id-card).

import { checkDocumentNumber, type DocumentNumberVerdict } from '../../domain/document-number.js';
import {
  ANY_NUMBER_CHARACTERS,
  A_KNOWN_FORM,
  DOCUMENT_NUMBER_CHARACTERS,
  DOCUMENT_NUMBER_FORMS,
  DOCUMENT_NUMBER_NAMES,
  documentNumberName,
  documentTypeWithCode,
  lengths,
} from '../../domain/vocabulary.js';
import type { MessageData, NoOptions, RecordCheck } from '../api.js';
import { SUBJECTS, citizenshipOf, documentOf } from './shared.js';

/** A character as a message shows it: itself, or its code point when it would not be seen. */
export function showChar(ch: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)) return ch;
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The message id and placeholders for a problem, or undefined when this rule stays silent. */
export function numberMessage(verdict: DocumentNumberVerdict): { messageId: DocumentNumberMessageId; data: MessageData } | undefined {
  if (verdict.ok) return undefined;
  if (verdict.problem === 'unknown-type' || verdict.problem === 'empty') return undefined;
  const scheme = verdict.scheme;
  // {what}: what the number is called.
  const base: MessageData = { type: documentTypeWithCode(verdict.type), what: scheme ? DOCUMENT_NUMBER_NAMES[scheme] : documentNumberName(verdict.type) };

  switch (verdict.problem) {
    case 'first-generation':
      return undefined;
    case 'region':
    case 'birth-date':
      // A 15-digit number is first-generation-id-card's, whatever else is wrong with it.
      if ('firstGeneration' in verdict && verdict.firstGeneration) return undefined;
      if (verdict.problem === 'birth-date') return { messageId: 'birth-date', data: base };
      return scheme === 'uscc'
        ? { messageId: 'uscc-region', data: { ...base, regionCode: verdict.regionCode } }
        : { messageId: 'region', data: { ...base, regionCode: verdict.regionCode } };
    case 'future-birth-date':
      return { messageId: 'future-birth-date', data: base };
    case 'lowercase-x':
      return { messageId: 'lowercase-x', data: base };
    case 'foreign-permanent-resident':
      return { messageId: 'foreign-permanent-resident', data: { ...base, nationality: verdict.nationality } };
    case 'org-code':
      return { messageId: 'org-code', data: { ...base, expected: verdict.expected } };
    case 'residence-permit-region':
      return { messageId: 'residence-permit-region', data: { ...base, regionCode: verdict.regionCode } };
    case 'legacy-number':
      return { messageId: 'legacy-number', data: base };
    case 'check-character':
      return { messageId: 'check-character', data: { ...base, expected: verdict.expected, actual: verdict.actual } };
    case 'characters': {
      const allowed = scheme ? DOCUMENT_NUMBER_CHARACTERS[scheme] : ANY_NUMBER_CHARACTERS;
      return { messageId: 'characters', data: { ...base, position: verdict.position, char: showChar(verdict.char), allowed } };
    }
    case 'length': {
      return { messageId: 'length', data: { ...base, length: verdict.length, expected: lengths(verdict.allowedLengths) } };
    }
    case 'format': {
      return { messageId: 'format', data: { ...base, form: (scheme && DOCUMENT_NUMBER_FORMS[scheme]) ?? A_KNOWN_FORM } };
    }
  }
}

/** Every message id numberMessage can return (the registry refuses a rule file without one). */
export const documentNumberMessageIds = [
  'characters',
  'length',
  'check-character',
  'format',
  'region',
  'birth-date',
  'future-birth-date',
  'lowercase-x',
  'foreign-permanent-resident',
  'org-code',
  'uscc-region',
  'residence-permit-region',
  'legacy-number',
] as const;

type DocumentNumberMessageId = (typeof documentNumberMessageIds)[number];

/** Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A), as an IME in full-width mode types them. */
const FULL_WIDTH_ALPHANUMERIC = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu;

/**
 * The number with its slips of form corrected, when that alone makes it
 * valid for its type: full-width digits and letters as ASCII, and then, if
 * still needed, lower-case letters as capitals (a citizen ID number's x;
 * the code sets of credit codes and organisation codes have capitals only).
 * Undefined when the corrected number is still not valid: a wrong check
 * character, above all, is never "corrected", which would invent data.
 */
function correctedNumber(number: string, check: (candidate: string) => boolean): string | undefined {
  const narrow = number.replace(FULL_WIDTH_ALPHANUMERIC, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const candidates = [narrow, narrow.replace(/[a-z]+/g, (letters) => letters.toUpperCase())];
  for (const candidate of candidates) {
    if (candidate !== number && check(candidate)) return candidate;
  }
  return undefined;
}

/** Problems whose cause may be no more than a character's width or case. */
const CORRECTABLE: ReadonlySet<string> = new Set(['lowercase-x', 'characters']);

export const documentNumber: RecordCheck<NoOptions, DocumentNumberMessageId> = (ctx) => {
  const { record } = ctx;
  for (const subject of SUBJECTS) {
    const doc = documentOf(record, subject);
    if (doc.type === undefined || doc.number === undefined) continue;
    const citizenship = citizenshipOf(record, subject);
    const options = citizenship ? { citizenship } : {};
    const verdict = checkDocumentNumber(doc.type, doc.number, ctx.now, options);
    const message = numberMessage(verdict);
    if (!message) continue;
    const type = doc.type;
    const fixed = !verdict.ok && CORRECTABLE.has(verdict.problem) ? correctedNumber(doc.number, (candidate) => checkDocumentNumber(type, candidate, ctx.now, options).ok) : undefined;
    ctx.report({ path: `${doc.base}/document/number`, ...message, ...(fixed !== undefined ? { fix: { value: fixed } } : {}) });
  }
};
