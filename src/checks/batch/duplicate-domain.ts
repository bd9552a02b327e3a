import { domainKey } from '../../domain/domain-name.js';
import type { BatchCheck, BatchKey } from '../api.js';
import { arrayAt, textAt } from '../access.js';
import { ownerKey } from './keys.js';

/**
 * batch-duplicate-domain: a domain has one holder, so two owners filing the
 * same domain means at least one filing is untrue. The same owner filing a
 * domain again (a change filing) is not reported.
 */
export const duplicateDomain: BatchCheck = {
  keys(record) {
    const holder = ownerKey(record);
    if (!holder) return [];
    const keys: BatchKey[] = [];
    arrayAt(record, '/websites').forEach((site, i) => {
      arrayAt(site, '/domains').forEach((domain, j) => {
        const name = textAt(domain, '/name');
        const key = name ? domainKey(name) : '';
        if (key) keys.push({ key, holder, path: `/websites/${i}/domains/${j}/name`, data: { domain: name!.trim() } });
      });
    });
    return keys;
  },
};
