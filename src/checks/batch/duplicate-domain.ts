import { domainKey } from '../../domain/domain-name.js';
import type { BatchCheck } from '../api.js';
import { arrayAt, textAt } from '../access.js';
import { digest, laterReport, occurrence, type Occurrence } from './first-seen.js';
import { ownerKey } from './keys.js';

/**
 * batch-duplicate-domain: a domain has one holder, so two owners filing the
 * same domain means at least one filing is untrue. The same owner filing a
 * domain again (a change filing) is not reported.
 */
export const duplicateDomain: BatchCheck = {
  create() {
    const seen = new Map<string, Occurrence>();
    return {
      visit(record, at, report) {
        const owner = ownerKey(record);
        if (!owner) return;
        const ownerDigest = digest(owner);
        const websites = arrayAt(record, '/websites');
        websites.forEach((_, i) => {
          arrayAt(record, `/websites/${i}/domains`).forEach((__, j) => {
            const path = `/websites/${i}/domains/${j}/name`;
            const name = textAt(record, path);
            const key = name ? domainKey(name) : '';
            if (!key) return;
            const first = seen.get(key);
            if (!first) seen.set(key, occurrence(at, path, ownerDigest));
            else if (first.owner !== ownerDigest) report(laterReport(at, path, first, { domain: name!.trim() }));
          });
        });
      },
    };
  },
};
