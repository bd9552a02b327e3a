import type { BatchCheck } from '../api.js';
import { textAt } from '../access.js';
import { laterReport, occurrence, type Occurrence } from './first-seen.js';

/** batch-duplicate-filing-id: a provider's filing id names one filing in a batch. */
export const duplicateFilingId: BatchCheck = {
  create() {
    const seen = new Map<string, Occurrence>();
    return {
      visit(record, at, report) {
        const id = textAt(record, '/filingId');
        if (id === undefined) return;
        const key = id.trim();
        const first = seen.get(key);
        if (first) report(laterReport(at, '/filingId', first, { filingId: id }));
        else seen.set(key, occurrence(at, '/filingId', ''));
      },
    };
  },
};
