import { normalizePhoneKey } from '../../domain/phone.js';
import { sensitive, type BatchCheck } from '../api.js';
import { textAt } from '../access.js';
import { ownerKey } from './keys.js';

const PATH = '/principal/contacts/mobile';

/**
 * batch-shared-mobile: a principal's mobile is how the provider verifies the
 * principal (二、(二)1.(2)); one number for the principals of different owners
 * usually means an agent's or the provider's own number was filled in.
 */
export const sharedMobile: BatchCheck = {
  keys(record) {
    const mobile = textAt(record, PATH);
    const owner = ownerKey(record);
    const key = mobile && owner ? normalizePhoneKey(mobile) : undefined;
    if (!key) return [];
    return [{ key, holder: owner!, path: PATH, data: { mobile: sensitive('phone', mobile!.trim()) } }];
  },
};
