// document-holder (二、(二)1.(5)): the holder named on the owner's and the
// principal's documents is the owner / the principal ("核验证件持有者……与备案
// 系统中录入的网站备案信息是否完全一致"). Names are compared with the one
// normaliser every rule uses (src/domain/names.ts).

import { normalizeName, sameName } from '../../domain/names.js';
import { SUBJECT_NAMES } from '../../domain/vocabulary.js';
import type { NoOptions, RecordCheck } from '../api.js';
import { textAt } from '../access.js';
import { SUBJECTS, SUBJECT_POINTERS, documentOf } from './shared.js';

export const documentHolderMessageIds = ['default'] as const;

export const documentHolder: RecordCheck<NoOptions, (typeof documentHolderMessageIds)[number]> = (ctx) => {
  for (const subject of SUBJECTS) {
    const doc = documentOf(ctx.record, subject);
    const name = textAt(ctx.record, SUBJECT_POINTERS[subject].name);
    if (doc.holder === undefined || name === undefined) continue;
    if (sameName(doc.holder, name)) continue;
    ctx.report({
      path: SUBJECT_POINTERS[subject].holder,
      data: { subject: SUBJECT_NAMES[subject], holder: doc.holder, name, position: firstDifference(doc.holder, name) },
    });
  }
};

/**
 * Where two names first differ, counted in characters from 1 after the
 * normalisation they were compared under: with names masked (张*, 张*) the
 * reader still learns which character to look at.
 */
function firstDifference(a: string, b: string): number {
  const x = Array.from(normalizeName(a));
  const y = Array.from(normalizeName(b));
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}
