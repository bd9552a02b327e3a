// The SMS of 二、(二)1.(2): after pre-verification the provider sends the owner
// an on-site verification notice or a return notice, whose text the notice
// gives. Contract 1.1 checks the content, not the characters: real SMS carry a
// carrier's 【签名】, punctuation, a reason for a return, 一个月 for 1个月
// (src/domain/sms-content.ts). The required elements per result are the rule
// file's options.

import type { FromSchema } from 'json-schema-to-ts';
import type { RecordCheck } from '../api.js';
import { isObject, objectAt, stringAt, valueAt } from '../access.js';
import { elementLabel, missingContent, type ContentElement } from '../../domain/sms-content.js';

const spelling = { type: 'string', minLength: 1 } as const;

export const notificationContentOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['contents'],
  properties: {
    // Required elements by preVerification.result; an element is a spelling or a list of accepted spellings.
    contents: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'array',
        minItems: 1,
        items: { anyOf: [spelling, { type: 'array', minItems: 1, items: spelling }] },
      },
    },
  },
} as const;

export type NotificationContentOptions = FromSchema<typeof notificationContentOptions>;

export const notificationContentMessageIds = ['passed', 'returned', 'missing'] as const;
type NotificationContentMessageId = (typeof notificationContentMessageIds)[number];

const RESULT = '/verification/preVerification/result';
const NOTIFICATION = '/verification/notification';
const MESSAGE = '/verification/notification/message';

/**
 * A provider sends the same few SMS texts to every owner, so a batch holds a
 * handful of distinct messages among millions of records: each is judged once
 * per set of elements. The memo is cleared when it grows past a bound, so an
 * export whose every SMS differs costs nothing but the judging.
 */
const verdicts = new WeakMap<readonly ContentElement[], Map<string, ContentElement[]>>();
const VERDICTS_KEPT = 256;

function missingOf(message: string, elements: readonly ContentElement[]): ContentElement[] {
  let memo = verdicts.get(elements);
  if (!memo) verdicts.set(elements, (memo = new Map()));
  let missing = memo.get(message);
  if (!missing) {
    missing = missingContent(message, elements);
    if (memo.size >= VERDICTS_KEPT) memo.clear();
    memo.set(message, missing);
  }
  return missing;
}

/**
 * A missing notification is a warning (the SMS may have been sent and not
 * exported; on-site-deadline then counts from pre-verification), reported at
 * its path when verification is there to hold it. An SMS lacking prescribed
 * content is reported at its message with the rule's severity; the message id
 * is the result (`passed`, `returned`; `default` for another result the options
 * name) and {missing} quotes the missing elements as the options spell them.
 * Silent where the schema rule has the finding: no verification object, a
 * notification or message of the wrong type, an unknown result.
 */
export const notificationContent: RecordCheck<NotificationContentOptions, NotificationContentMessageId> = (ctx) => {
  if (!objectAt(ctx.record, '/verification')) return;
  if (valueAt(ctx.record, NOTIFICATION) === undefined) {
    ctx.report({ path: NOTIFICATION, messageId: 'missing', severity: 'warning' });
    return;
  }
  const result = stringAt(ctx.record, RESULT);
  const message = stringAt(ctx.record, MESSAGE);
  const { contents } = ctx.options;
  if (result === undefined || message === undefined || !isObject(contents) || !Object.hasOwn(contents, result)) return;
  const elements = contents[result];
  if (!Array.isArray(elements)) return;
  const missing = missingOf(message, elements);
  if (missing.length === 0) return;
  // The one id not from the list: the result itself, which may be any the options name. The bundled
  // options name `passed` and `returned`; for another, a rule file may have a message of its name,
  // and the engine prints `default` where it has none.
  const messageId = result as NotificationContentMessageId;
  ctx.report({ path: MESSAGE, messageId, data: { result, missing: missing.map((e) => `「${elementLabel(e)}」`).join('') } });
};
