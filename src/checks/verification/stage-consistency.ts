// "The stage agrees with the results" (二、(二)1–2, contract 1.1): a record's
// stage is the provider's summary of where the filing stands, and the results
// it records say the same thing in detail. Where they disagree, one of them is
// wrong, and a bureau reading the export cannot tell which.

import type { NoOptions, RecordCheck } from '../api.js';
import { stringAt, valueAt } from '../access.js';
import { STAGE } from '../fields.js';

function present(record: unknown, pointer: string): boolean {
  const v = valueAt(record, pointer);
  return v !== undefined && v !== null;
}

export const stageConsistencyMessageIds = ['on-site-after-return', 'approved-not-approved', 'returned-not-returned', 'draft-with-review'] as const;

/**
 * Four contradictions, each reported at the field that contradicts the stage
 * or the earlier result:
 * - `on-site-after-return`: a returned pre-verification ends the procedure
 *   ("请修改后重新提交"); an on-site verification after it is at /verification/onSite.
 * - `approved-not-approved` / `returned-not-returned`: stage approved or
 *   returned with the other review result, at /review/result.
 * - `draft-with-review`: a draft that carries a review, at /review.
 * A missing review (or result, or filing number) is the schema rule's finding,
 * and a value outside the enums too: silent then.
 */
export const stageConsistency: RecordCheck<NoOptions, (typeof stageConsistencyMessageIds)[number]> = (ctx) => {
  const { record } = ctx;
  const stage = stringAt(record, STAGE);
  if (stringAt(record, '/verification/preVerification/result') === 'returned' && present(record, '/verification/onSite')) {
    ctx.report({ path: '/verification/onSite', messageId: 'on-site-after-return', data: { stage: stage ?? '' } });
  }
  const result = stringAt(record, '/review/result');
  if (stage === 'approved' && result === 'returned') {
    ctx.report({ path: '/review/result', messageId: 'approved-not-approved', data: { stage, result } });
  } else if (stage === 'returned' && result === 'approved') {
    ctx.report({ path: '/review/result', messageId: 'returned-not-returned', data: { stage, result } });
  } else if (stage === 'draft' && present(record, '/review') && result !== 'returned') {
    // A filing the bureau returned goes back to the owner to be corrected (二、(二)2): as a draft
    // again it may keep the review that returned it, which explains why it is being redone.
    ctx.report({ path: '/review', messageId: 'draft-with-review', data: { stage } });
  }
};
