import type { BatchCheck } from '../api.js';
import { textAt } from '../access.js';

/** batch-duplicate-filing-id: a provider's filing id names one filing in a batch. */
export const duplicateFilingId: BatchCheck = {
  keys(record) {
    const id = textAt(record, '/filingId');
    return id === undefined ? [] : [{ key: id.trim(), path: '/filingId', data: { filingId: id } }];
  },
};
