import { domainKey } from '../../domain/domain-name.js';
import type { BatchCheck, BatchKey } from '../api.js';
import { arrayAt, textAt } from '../access.js';
import { digest } from './first-seen.js';
import { ownerKey } from './keys.js';

/**
 * batch-duplicate-domain: a domain has one holder, so two owners filing the
 * same domain means at least one filing is untrue. The same owner filing a
 * domain again (a change filing) is not reported.
 */
export const duplicateDomain: BatchCheck = {
  keys(record) {
    const owner = ownerKey(record);
    if (!owner) return [];
    const holder = digest(owner);
    const keys: BatchKey[] = [];
    arrayAt(record, '/websites').forEach((_, i) => {
      arrayAt(record, `/websites/${i}/domains`).forEach((__, j) => {
        const path = `/websites/${i}/domains/${j}/name`;
        const name = textAt(record, path);
        const key = name ? domainKey(name) : '';
        if (key) keys.push({ key: digest(key), holder, path, data: { domain: name!.trim() } });
      });
    });
    return keys;
  },
};
