import { documentNumberKey } from '../../domain/document-number.js';
import { normalizePhoneKey } from '../../domain/phone.js';
import { sensitive, type BatchCheck } from '../api.js';
import { textAt } from '../access.js';
import { ownerHolder } from './keys.js';

const PATH = '/principal/contacts/mobile';

/**
 * batch-shared-mobile: a principal's mobile is how the provider verifies the
 * principal (二、(二)1.(2)); one number for the principals of different owners
 * usually means an agent's or the provider's own number was filled in. The
 * owner is recognised as for domains (see ownerHolder), and one person may
 * head several units (a legal representative of a group's companies): a
 * principal with the same document, whatever its type, is not reported either.
 */
export const sharedMobile: BatchCheck = {
  keys(record) {
    const mobile = textAt(record, PATH);
    const key = mobile ? normalizePhoneKey(mobile) : undefined;
    const owner = key ? ownerHolder(record) : undefined;
    if (!owner) return [];
    const { holder, holderScheme, holderName } = owner;
    const number = textAt(record, '/principal/document/number');
    const holderAlias = (number && documentNumberKey(number)) || undefined;
    return [{ key: key!, holder, holderScheme, holderName, holderAlias, path: PATH, data: { mobile: sensitive('phone', mobile!.trim()) } }];
  },
};
