import { nameKey } from '../../domain/names.js';
import { sensitive, type BatchCheck } from '../api.js';
import { textAt } from '../access.js';
import { digest, laterReport, occurrence, type Occurrence } from './first-seen.js';

const SUBJECTS = ['/owner', '/principal'] as const;

/**
 * batch-identity-conflict: one identity document belongs to one holder. The
 * same number under two different names means one of the filings carries a
 * wrong or borrowed document.
 */
export const identityConflict: BatchCheck = {
  create() {
    const seen = new Map<string, Occurrence>();
    return {
      visit(record, at, report) {
        for (const subject of SUBJECTS) {
          const path = `${subject}/document/number`;
          const number = textAt(record, path);
          const name = textAt(record, `${subject}/name`);
          if (!number || !name) continue;
          const numberKey = digest(number.replace(/[\s-]/g, '').toUpperCase());
          const holder = digest(nameKey(name));
          const first = seen.get(numberKey);
          if (!first) seen.set(numberKey, occurrence(at, path, holder));
          else if (first.owner !== holder) report(laterReport(at, path, first, { number: sensitive('id-number', number.trim()), name: name.trim() }));
        }
      },
    };
  },
};
