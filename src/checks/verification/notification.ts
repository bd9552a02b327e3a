// The SMS of 二、(二)1.(2): after pre-verification the provider sends the owner
// one of two texts the notice prescribes word for word, chosen by the result.
// The wordings are the rule file's options (keyed by preVerification.result).
//
// Texts are compared with all whitespace removed: the notice reaches us as
// text extracted from a PDF, whose line breaks and spaces next to digits
// ("请在 1个月内") are layout, not wording (tests/fixtures/records/README.md).
// Nothing else is normalised: punctuation and full-width characters are part
// of the wording.

import type { RecordCheck } from '../api.js';
import { isObject, stringAt } from '../access.js';

export interface NotificationWordingOptions {
  /** Prescribed text by preVerification.result. */
  wordings: Record<string, string>;
}

export const notificationWordingOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['wordings'],
  properties: {
    wordings: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: 'string', minLength: 1 },
    },
  },
} as const;

const RESULT = '/verification/preVerification/result';
const MESSAGE = '/verification/notification/message';

export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * Reports a notification whose text is not the one prescribed for the result,
 * at the message's path; the message id is the result (`passed`, `returned`),
 * so the rule file words each case, with `default` for any other result its
 * options name. Silent without a notification, a message or a known result.
 */
export const notificationWording: RecordCheck<NotificationWordingOptions> = (ctx) => {
  const result = stringAt(ctx.record, RESULT);
  const message = stringAt(ctx.record, MESSAGE);
  const { wordings } = ctx.options;
  if (result === undefined || message === undefined || !isObject(wordings) || !Object.hasOwn(wordings, result)) return;
  const prescribed = wordings[result];
  if (typeof prescribed !== 'string') return;
  const expected = withoutWhitespace(prescribed);
  const actual = withoutWhitespace(message);
  if (actual === expected) return;
  const a = [...actual];
  const e = [...expected];
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  ctx.report({ path: MESSAGE, messageId: result, data: { result, expected, position: i + 1 } });
};
