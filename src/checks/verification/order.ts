// The steps of 二、(二) happen one after another: the owner submits, the
// provider pre-verifies and notifies, verifies on site, submits to the bureau,
// and the bureau reviews. Their dates must not run backwards.

import type { FromSchema } from 'json-schema-to-ts';
import type { RecordCheck } from '../api.js';
import { valueAt } from '../access.js';
import { dateAt, isBefore, isImpossibleDate, showDate, POINTER_OPTION, type RecordDate } from './dates.js';

export const dateOrderOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['fields'],
  properties: {
    // The dates, earliest step first.
    fields: { type: 'array', minItems: 2, uniqueItems: true, items: POINTER_OPTION },
  },
} as const;

export type DateOrderOptions = FromSchema<typeof dateOrderOptions>;

export const dateOrderMessageIds = ['invalid-date'] as const;

/** `/verification/onSite/verifiedAt` → `verification.onSite.verifiedAt`. */
export function fieldName(pointer: string): string {
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

/**
 * Compares each present date with the nearest earlier present one (absent
 * steps are skipped), so the whole chain is in order exactly when no report is
 * made, and one wrong date gives one report rather than one per later step.
 * A report sits at the later date and names the earlier field. A bare date is
 * the whole day (compareDates in dates.ts): it is compared with any other
 * date by Beijing day, so it is in order with every time of its own day, in
 * either direction.
 *
 * It also reports each listed value that has the form of a date but names no
 * calendar day (2026-02-30, message `invalid-date`): the schema checks only the
 * form, and the other date rules stay silent on such a value.
 */
export const dateOrder: RecordCheck<DateOrderOptions, (typeof dateOrderMessageIds)[number]> = (ctx) => {
  let previous: RecordDate | undefined;
  // The latest step with a time of day: a bare date between two times of its own day says
  // nothing about their order (15:00, then the whole day, then 10:00 of that day runs backwards).
  let lastTimed: RecordDate | undefined;
  for (const pointer of ctx.options.fields) {
    const raw = valueAt(ctx.record, pointer);
    if (isImpossibleDate(raw)) {
      ctx.report({ path: pointer, messageId: 'invalid-date', data: { value: raw, field: fieldName(pointer) } });
      continue;
    }
    const current = dateAt(ctx.record, pointer);
    if (!current) continue;
    const after = previous && isBefore(current, previous) ? previous : lastTimed && isBefore(current, lastTimed) ? lastTimed : undefined;
    if (after) {
      ctx.report({
        path: pointer,
        data: {
          field: fieldName(pointer),
          value: showDate(current),
          earlierField: fieldName(after.pointer),
          earlierValue: showDate(after),
        },
      });
    }
    previous = current;
    if (!current.wholeDay) lastTimed = current;
  }
};
