import { domainKey } from '../../domain/domain-name.js';
import type { BatchCheck, BatchKey } from '../api.js';
import { arrayAt, textAt } from '../access.js';
import { ownerHolder } from './keys.js';
import { DOMAINS, WEBSITES } from '../fields.js';

/**
 * batch-duplicate-domain: a domain has one holder, so two owners filing the
 * same domain means at least one filing is untrue. The same owner filing a
 * domain again (a change filing) is not reported, however its document is
 * written this time (see ownerHolder).
 */
export const duplicateDomain: BatchCheck = {
  keys(record) {
    const owner = ownerHolder(record);
    if (!owner) return [];
    const { holder, holderScheme, holderName } = owner;
    const keys: BatchKey[] = [];
    arrayAt(record, WEBSITES).forEach((site, i) => {
      arrayAt(site, DOMAINS).forEach((domain, j) => {
        const name = textAt(domain, '/name');
        const key = name ? domainKey(name) : '';
        if (key) keys.push({ key, holder, holderScheme, holderName, holderAlias: undefined, path: `/websites/${i}/domains/${j}/name`, data: { domain: name!.trim() } });
      });
    });
    return keys;
  },
};
