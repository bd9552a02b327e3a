import type { FromSchema } from 'json-schema-to-ts';
import type { MessageData, RecordCheck } from '../api.js';
import { arrayAt, isObject, stringAt, valueAt } from '../access.js';
import { nameWithCode, regulationCited, verbatim } from '../../domain/vocabulary.js';
import { beijingDateOf, dayBefore } from '../../domain/workdays.js';
import { SERVICE_CONTENT, WEBSITES } from '../fields.js';

/**
 * pre-approval (一、3 涉及需前置审批或专项审批内容): each service content code
 * listed in the options needs a pre-approval of the same category with an
 * approval number.
 *
 * A category's requirement has a period: it starts on the day its regulation
 * took effect (`from`) and, for an approval the State Council abolished, ends
 * the day before `abolishedOn`. The rule judges a filing by the law of its
 * day, the Beijing date of `verification.submittedAt` (when the owner
 * submitted it), or the day of the check where there is none yet (a draft)
 * or it does not parse (the schema rule reports that). A religion site filed
 * in 2021 needed no approval that 2022-03-01 introduced.
 *
 * A category given as a bare code (a config written for the options before
 * 1.1) is required on every day.
 *
 * Where it reports:
 * - no pre-approval of that category: at the service content code
 *   (`/websites/<i>/serviceContent/<k>`), the entry that calls for it;
 * - entries of that category exist but none has a number: at the first such
 *   entry's `approvalNumber` (`/websites/<i>/preApprovals/<m>/approvalNumber`),
 *   where the number has to be written.
 * A number of another type (unquoted YAML digits) counts as given, and a
 * `preApprovals` that is not an array is not read at all; the schema rule
 * reports both.
 */
export const preApprovalMessages = ['no-number'] as const;

const CODE = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' } as const;
const DAY = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' } as const;
const SOURCE = { type: 'string', minLength: 1 } as const;

export const preApprovalOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['categories'],
  properties: {
    categories: {
      type: 'array',
      description: 'Service content codes that need a pre-approval of the same category, each with the period it is required in',
      items: {
        oneOf: [
          { ...CODE, description: 'A code required on every day' },
          {
            type: 'object',
            additionalProperties: false,
            required: ['code', 'from', 'source'],
            dependentRequired: { abolishedOn: ['abolishedBy'], abolishedBy: ['abolishedOn'] },
            properties: {
              code: CODE,
              // The category as the notice and the contract name it in Chinese (新闻, 宗教).
              name: { ...SOURCE, description: 'The category in Chinese, as messages name it' },
              // A Beijing date, YYYY-MM-DD.
              from: { ...DAY, description: 'First day the approval is required' },
              source: { ...SOURCE, description: 'The regulation requiring it (name and number)' },
              abolishedOn: { ...DAY, description: 'First day it is no longer required' },
              abolishedBy: { ...SOURCE, description: 'The decision abolishing it (name and number)' },
            },
          },
        ],
      },
    },
  },
} as const;

export type PreApprovalOptions = FromSchema<typeof preApprovalOptions>;
/** A category given with the period it is required in (not as a bare code). */
export type PreApprovalCategory = Exclude<PreApprovalOptions['categories'][number], string>;

function hasNumber(entry: Record<string, unknown>): boolean {
  if (!Object.prototype.hasOwnProperty.call(entry, 'approvalNumber')) return false;
  const n = entry.approvalNumber;
  if (n === undefined || n === null) return false;
  return typeof n !== 'string' || n.trim() !== '';
}

/** The Beijing date the filing is judged on, and whether it is today's: when it was submitted, else today. */
function filingDay(record: unknown, now: Date): { day: string; today: boolean } {
  const submitted = stringAt(record, '/verification/submittedAt');
  const day = submitted === undefined ? undefined : beijingDateOf(submitted);
  if (day !== undefined) return { day, today: false };
  // Without a usable "today", the law in force now (the latest periods) is the one to apply.
  return { day: beijingDateOf(now) ?? '9999-12-31', today: true };
}

/** The first day after `day` on which a category's approval becomes required, if any is still to come. */
function nextStart(categories: PreApprovalOptions['categories'], day: string): string | undefined {
  let next: string | undefined;
  for (const c of categories) {
    const from = isObject(c) && typeof c.from === 'string' ? c.from : undefined;
    if (from !== undefined && from > day && (next === undefined || from < next)) next = from;
  }
  return next;
}

/** The codes whose approval is required on `day` (YYYY-MM-DD compares as text). */
function requiredOn(categories: PreApprovalOptions['categories'], day: string): Set<string> {
  const codes = new Set<string>();
  for (const c of categories) {
    if (typeof c === 'string') codes.add(c);
    else if (isObject(c) && c.from <= day && (c.abolishedOn === undefined || day < c.abolishedOn)) codes.add(c.code);
  }
  return codes;
}

/** Every code some period names, per options: most records offer none of them, and need no date worked out. */
const codesOf = new WeakMap<PreApprovalOptions['categories'], ReadonlySet<string>>();

function anyCode(categories: PreApprovalOptions['categories']): ReadonlySet<string> {
  let codes = codesOf.get(categories);
  if (!codes) {
    codes = new Set(categories.map((c) => (typeof c === 'string' ? c : isObject(c) ? c.code : '')).filter((c) => c !== ''));
    codesOf.set(categories, codes);
  }
  return codes;
}

function offersAny(record: unknown, codes: ReadonlySet<string>): boolean {
  return arrayAt(record, WEBSITES).some((site) => arrayAt(site, SERVICE_CONTENT).some((code) => typeof code === 'string' && codes.has(code)));
}

/**
 * How a message names a category (`{code}`, and `{category}`: `宗教（religion）`
 * in Chinese) and the regulation it cites (`{source}`: 《互联网宗教信息服务管理办法》).
 */
function described(categories: PreApprovalOptions['categories'], code: string): MessageData {
  const entry = categories.find((c): c is PreApprovalCategory => isObject(c) && c.code === code);
  return {
    code,
    category: nameWithCode(code, entry?.name || undefined),
    // A category given as a bare code has no source to cite.
    source: entry ? regulationCited(entry.source, entry.from) : verbatim(''),
  };
}

export const preApproval: RecordCheck<PreApprovalOptions, (typeof preApprovalMessages)[number]> = (ctx) => {
  const categories = Array.isArray(ctx.options.categories) ? ctx.options.categories : [];
  if (!offersAny(ctx.record, anyCode(categories))) return;
  const { day, today } = filingDay(ctx.record, ctx.now);
  if (today) {
    // A draft is judged by today's law: once a new category's approval is required, it may need one.
    const start = nextStart(categories, day);
    const through = start === undefined ? undefined : dayBefore(start);
    if (through !== undefined) ctx.holdsThrough(through);
  }
  const needed = requiredOn(categories, day);
  if (needed.size === 0) return;
  arrayAt(ctx.record, WEBSITES).forEach((site, i) => {
    const given = valueAt(site, '/preApprovals');
    // preApprovals of the wrong type is the schema rule's: whether an approval exists cannot be told.
    if (given !== undefined && !Array.isArray(given)) return;
    const approvals = Array.isArray(given) ? given : [];
    const reported = new Set<string>();
    arrayAt(site, SERVICE_CONTENT).forEach((code, k) => {
      if (typeof code !== 'string' || !needed.has(code) || reported.has(code)) return;
      reported.add(code);
      const matching: number[] = [];
      approvals.forEach((a, m) => {
        if (isObject(a) && a.category === code) matching.push(m);
      });
      if (matching.length === 0) {
        ctx.report({ path: `/websites/${i}/serviceContent/${k}`, data: described(categories, code) });
      } else if (!matching.some((m) => hasNumber(approvals[m] as Record<string, unknown>))) {
        ctx.report({ path: `/websites/${i}/preApprovals/${matching[0]!}/approvalNumber`, messageId: 'no-number', data: described(categories, code) });
      }
    });
  });
};
