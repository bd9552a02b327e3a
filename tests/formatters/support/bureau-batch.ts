import { patched } from '../../support/records.js';

// A batch counted by hand for the report tests: ten lines of one JSONL file.
//
//   line  base                 province  provider  stage     month     error (why)
//   1     enterprise-approved  11        甲云      approved  2026-03   -
//   2     enterprise-approved  11        甲云      approved  2026-03   yes (mobile "123")
//   3     enterprise-approved  11        乙数据    approved  2026-03   -
//   4     government-verified  33        甲云      verified  2026-03   -
//   5     government-verified  33        乙数据    verified  2026-03   yes (mobile "123")
//   6     individual-draft     44        甲云      draft     -         -
//   7     individual-draft     44        甲云      draft     -         yes (mobile "123")
//   8     individual-draft     44        (none)    draft     -         yes (no provider)
//   9     (not JSON)           ??        (none)    -         -         yes (parse error)
//   10    government-verified  33        乙数据    verified  2026-03   -
//
// So: 10 records, 5 with errors, accuracy 50.0%.
//   by province: 11 → 3 records, 1 with errors; 33 → 3, 1; 44 → 3, 2; unknown → 1, 1
//   by provider: 甲云 → 5, 2; 乙数据 → 3, 1; none → 2, 2
//   by stage: approved 3, verified 3, draft 3, unknown 1
//   by month: 2026-03 → 6 records, 2 with errors; 4 records without a submission date

export const PROVIDER_A = '甲云';
export const PROVIDER_B = '乙数据';

const BAD_MOBILE = { '/principal/contacts/mobile': '123' };

function line(base: string, id: number, provider: string | undefined, extra: Record<string, unknown> = {}): string {
  const record = patched(base, { set: { '/filingId': `R-${id}`, ...extra } });
  const access = (record.websites as Array<{ access: Record<string, unknown> }>)[0]!.access;
  if (provider === undefined) delete access.providerName;
  else access.providerName = provider;
  return JSON.stringify(record);
}

export const BATCH_LINES: readonly string[] = [
  line('enterprise-approved', 1, PROVIDER_A),
  line('enterprise-approved', 2, PROVIDER_A, BAD_MOBILE),
  line('enterprise-approved', 3, PROVIDER_B),
  line('government-verified', 4, PROVIDER_A),
  line('government-verified', 5, PROVIDER_B, BAD_MOBILE),
  line('individual-draft', 6, PROVIDER_A),
  line('individual-draft', 7, PROVIDER_A, BAD_MOBILE),
  line('individual-draft', 8, undefined),
  '{"filingId": "R-9", "stage": ',
  line('government-verified', 10, PROVIDER_B),
];

/** The provider of each record (by 0-based index), as the report groups them; undefined for none. */
export const PROVIDER_OF: ReadonlyArray<string | undefined> = [PROVIDER_A, PROVIDER_A, PROVIDER_B, PROVIDER_A, PROVIDER_B, PROVIDER_A, PROVIDER_A, undefined, undefined, PROVIDER_B];

export const BATCH_TEXT = `${BATCH_LINES.join('\n')}\n`;

/** Personal data the batch's records hold, which no report may print unmasked. */
export const PERSONAL_VALUES = ['zhangsan@example-tech.cn', 'wangwu@shili-xihu.gov.cn', 'lisi@lisi-blog.cn', '11010519850612123X', '440305199008152342', '330106197803053459', '13812345678', '13905712345', '13912345678', '张三', '李四', '王五'];
