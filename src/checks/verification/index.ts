import { recordCheck, type CheckDefinition } from '../registry.js';
import { calendarMonthDeadline, calendarMonthDeadlineOptions, workingDayDeadline, workingDayDeadlineOptions } from './deadlines.js';
import { notificationContent, notificationContentOptions } from './notification.js';
import { dateOrder, dateOrderOptions } from './order.js';
import { retentionPeriod, retentionPeriodOptions } from './retention.js';
import { bureauRegion, filingNumber, filingNumberOptions } from './review.js';
import { stageConsistency } from './stage-consistency.js';

// Checks of the access provider's verification and the bureau's review
// (二、(二), 三、(一)3–4). on-site-attendance, photo-spec, verification-form and
// contract-clause need no code: they are schema fragments in their rule files.
export const VERIFICATION_CHECKS: Record<string, CheckDefinition> = {
  'working-day-deadline': recordCheck(workingDayDeadline, ['outside-calendar'], workingDayDeadlineOptions),
  'calendar-month-deadline': recordCheck(calendarMonthDeadline, ['late-fallback', 'outside-calendar'], calendarMonthDeadlineOptions),
  'notification-content': recordCheck(notificationContent, ['passed', 'returned', 'missing'], notificationContentOptions),
  'date-order': recordCheck(dateOrder, ['invalid-date'], dateOrderOptions),
  'bureau-region': recordCheck(bureauRegion, []),
  'filing-number': recordCheck(filingNumber, ['wrong-bureau', 'unknown-abbreviation'], filingNumberOptions),
  'retention-period': recordCheck(retentionPeriod, ['invalid-date'], retentionPeriodOptions),
  'stage-consistency': recordCheck(stageConsistency, ['on-site-after-return', 'approved-not-approved', 'returned-not-returned', 'draft-with-review']),
};
