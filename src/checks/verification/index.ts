import { recordCheck, type CheckDefinition } from '../registry.js';
import {
  calendarMonthDeadline,
  calendarMonthDeadlineMessageIds,
  calendarMonthDeadlineOptions,
  workingDayDeadline,
  workingDayDeadlineMessageIds,
  workingDayDeadlineOptions,
} from './deadlines.js';
import { notificationContent, notificationContentMessageIds, notificationContentOptions } from './notification.js';
import { dateOrder, dateOrderMessageIds, dateOrderOptions } from './order.js';
import { retentionPeriod, retentionPeriodMessageIds, retentionPeriodOptions } from './retention.js';
import { bureauRegion, bureauRegionMessageIds, filingNumber, filingNumberMessageIds, filingNumberOptions } from './review.js';
import { stageConsistency, stageConsistencyMessageIds } from './stage-consistency.js';

// Checks of the access provider's verification and the bureau's review
// (二、(二), 三、(一)3–4). on-site-attendance, photo-spec, verification-form and
// contract-clause need no code: they are schema fragments in their rule files.
export const VERIFICATION_CHECKS: Record<string, CheckDefinition> = {
  // Serves two rules, bureau-review-deadline and pre-verification-deadline.
  'working-day-deadline': recordCheck(workingDayDeadline, workingDayDeadlineMessageIds, workingDayDeadlineOptions),
  'on-site-deadline': recordCheck(calendarMonthDeadline, calendarMonthDeadlineMessageIds, calendarMonthDeadlineOptions),
  'notification-message': recordCheck(notificationContent, notificationContentMessageIds, notificationContentOptions),
  'submission-order': recordCheck(dateOrder, dateOrderMessageIds, dateOrderOptions),
  'bureau-region': recordCheck(bureauRegion, bureauRegionMessageIds),
  'filing-number': recordCheck(filingNumber, filingNumberMessageIds, filingNumberOptions),
  'retention-period': recordCheck(retentionPeriod, retentionPeriodMessageIds, retentionPeriodOptions),
  'stage-consistency': recordCheck(stageConsistency, stageConsistencyMessageIds),
};
