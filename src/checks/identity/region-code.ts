// region-code (一、1 主体所在地): owner.regionCode names where the owner is, and
// so which provincial communications administration reviews the filing
// (二、(二)1.(6)(7) send the form and the filing "to the bureau where the
// owner is"). It must be a GB/T 2260 code of a mainland province:
//
// - a code GB/T 2260 never had is an error;
// - 710000, 810000, 820000 (and 830000, which is only the Taiwan code of the
//   residence permits, not GB/T 2260) name no province with a communications
//   administration that accepts filings: an error of its own. Residents of
//   Hong Kong, Macao and Taiwan who file as individuals do so where they live
//   in the mainland, and that is their 主体所在地;
// - a code that GB/T 2260 had but no longer has (a county renamed, merged or
//   abolished) still points to the right province, so it is a warning: the
//   current code should be used. Citizen ID numbers keep such codes for good,
//   but a filing describes the owner now.
// The schema rule reports a value that is not 6 digits; this check is silent then.

import { abolishedRegion, isKnownRegionCode, provinceOf } from '../../domain/citizen-id.js';
import type { NoOptions, RecordCheck } from '../api.js';
import { stringAt } from '../access.js';

export const regionCodeMessageIds = ['default', 'not-mainland', 'abolished'] as const;

const PATH = '/owner/regionCode';

export const regionCode: RecordCheck<NoOptions, (typeof regionCodeMessageIds)[number]> = (ctx) => {
  const code = stringAt(ctx.record, PATH);
  if (code === undefined || !/^[0-9]{6}$/u.test(code)) return;
  if (provinceOf(code) === undefined) {
    ctx.report({ path: PATH, messageId: isKnownRegionCode(code) ? 'not-mainland' : 'default', data: { code } });
    return;
  }
  if (!isKnownRegionCode(code)) {
    ctx.report({ path: PATH, data: { code } });
    return;
  }
  const abolished = abolishedRegion(code);
  if (abolished) {
    ctx.report({ path: PATH, messageId: 'abolished', severity: 'warning', data: { code, name: abolished.name, lastYear: abolished.lastYear } });
  }
};
