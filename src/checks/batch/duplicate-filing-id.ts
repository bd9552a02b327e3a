import type { BatchCheck } from '../api.js';
import { textAt } from '../access.js';

/** batch-duplicate-filing-id: a provider's filing id names one filing in a batch. */
export const duplicateFilingId: BatchCheck = {
  keys(record) {
    const id = textAt(record, '/filingId');
    // Every field of a key, in one order, in every batch check: the engine reads them from the keys of
    // all rules at one place, and keys of one shape keep that read fast.
    return id === undefined
      ? []
      : [{ key: id.trim(), holder: undefined, holderScheme: undefined, holderName: undefined, holderAlias: undefined, path: '/filingId', data: { filingId: id } }];
  },
};
