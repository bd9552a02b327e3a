// first-generation-id-card (一、1): a 15-digit first-generation citizen ID
// number (GB 11643-1989) on a resident ID card or household register. Those
// cards stopped being valid on 2013-01-01, so the document cannot be verified
// as a valid original; the holder's 18-character number is the one to file.
// document-number stays silent on 15-digit numbers so that this is said once.

import { checkDocumentNumber } from '../../domain/document-number.js';
import { documentTypeWithCode } from '../../domain/vocabulary.js';
import { sensitive, type NoOptions, type RecordCheck } from '../api.js';
import { SUBJECTS, documentOf } from './shared.js';

export const firstGenerationMessageIds = ['default', 'malformed'] as const;

export const firstGenerationIdCard: RecordCheck<NoOptions, (typeof firstGenerationMessageIds)[number]> = (ctx) => {
  for (const subject of SUBJECTS) {
    const doc = documentOf(ctx.record, subject);
    if (doc.type === undefined || doc.number === undefined) continue;
    const verdict = checkDocumentNumber(doc.type, doc.number, ctx.now);
    if (verdict.ok || verdict.problem === 'unknown-type' || verdict.scheme !== 'citizen-id') continue;
    const path = `${doc.base}/document/number`;
    const data = { type: documentTypeWithCode(doc.type) };
    if (verdict.problem === 'first-generation') {
      ctx.report({ path, data: { ...data, upgraded: sensitive('id-number', verdict.upgraded) } });
    } else if ((verdict.problem === 'region' || verdict.problem === 'birth-date') && verdict.firstGeneration) {
      ctx.report({ path, messageId: 'malformed', data });
    }
  }
};
