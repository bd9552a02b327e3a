import { normalizePhoneKey } from '../../domain/phone.js';
import { sensitive, type BatchCheck } from '../api.js';
import { textAt } from '../access.js';
import { digest, laterReport, occurrence, type Occurrence } from './first-seen.js';
import { ownerKey } from './keys.js';

const PATH = '/principal/contacts/mobile';

/**
 * batch-shared-mobile: a principal's mobile is how the provider verifies the
 * principal (二、(二)1.(2)); one number for the principals of different owners
 * usually means an agent's or the provider's own number was filled in.
 */
export const sharedMobile: BatchCheck = {
  create() {
    const seen = new Map<string, Occurrence>();
    return {
      visit(record, at, report) {
        const mobile = textAt(record, PATH);
        const owner = ownerKey(record);
        if (!mobile || !owner) return;
        const key = normalizePhoneKey(mobile);
        if (!key) return;
        const k = digest(key);
        const ownerDigest = digest(owner);
        const first = seen.get(k);
        if (!first) seen.set(k, occurrence(at, PATH, ownerDigest));
        else if (first.owner !== ownerDigest) report(laterReport(at, PATH, first, { mobile: sensitive('phone', mobile.trim()) }));
      },
    };
  },
};
