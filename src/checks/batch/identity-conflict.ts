import { documentNumberKey } from '../../domain/document-number.js';
import { nameKey } from '../../domain/names.js';
import { sensitive, type BatchCheck, type BatchKey } from '../api.js';
import { textAt } from '../access.js';
import { documentOf, SUBJECT_POINTERS, SUBJECTS } from '../identity/shared.js';

/**
 * batch-identity-conflict: one identity document belongs to one holder. The
 * same number under two different names means one of the filings carries a
 * wrong or borrowed document.
 */
export const identityConflict: BatchCheck = {
  keys(record) {
    const keys: BatchKey[] = [];
    for (const subject of SUBJECTS) {
      // The documents as the identity checks read them, once per record.
      const given = documentOf(record, subject).number;
      const number = given?.trim() ? given : undefined;
      const { number: path, name: namePath } = SUBJECT_POINTERS[subject];
      const name = textAt(record, namePath);
      if (!number || !name) continue;
      keys.push({
        key: documentNumberKey(number),
        holder: nameKey(name),
        // Every field, in the same order in every batch check (see duplicate-filing-id.ts).
        holderScheme: undefined,
        holderName: undefined,
        holderAlias: undefined,
        path,
        data: { number: sensitive('id-number', number.trim()), name: name.trim() },
      });
    }
    return keys;
  },
};
