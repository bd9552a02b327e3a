import type { RecordCheck } from '../api.js';
import { arrayAt, isObject, valueAt } from '../access.js';

/**
 * pre-approval (一、3 涉及需前置审批或专项审批内容): each service content code
 * listed in the options needs a pre-approval of the same category with an
 * approval number.
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
export interface PreApprovalOptions {
  categories: string[];
}

export const preApprovalMessages = ['no-number'] as const;

export const preApprovalOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['categories'],
  properties: {
    categories: {
      type: 'array',
      description: 'Service content codes that need a pre-approval of the same category',
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' },
    },
  },
};

function hasNumber(entry: Record<string, unknown>): boolean {
  if (!Object.prototype.hasOwnProperty.call(entry, 'approvalNumber')) return false;
  const n = entry.approvalNumber;
  if (n === undefined || n === null) return false;
  return typeof n !== 'string' || n.trim() !== '';
}

export const preApproval: RecordCheck<PreApprovalOptions> = (ctx) => {
  const needed = Array.isArray(ctx.options.categories) ? ctx.options.categories : [];
  arrayAt(ctx.record, '/websites').forEach((site, i) => {
    const given = valueAt(site, '/preApprovals');
    // preApprovals of the wrong type is the schema rule's: whether an approval exists cannot be told.
    if (given !== undefined && !Array.isArray(given)) return;
    const approvals = Array.isArray(given) ? given : [];
    const reported = new Set<string>();
    arrayAt(site, '/serviceContent').forEach((code, k) => {
      if (typeof code !== 'string' || !needed.includes(code) || reported.has(code)) return;
      reported.add(code);
      const matching: number[] = [];
      approvals.forEach((a, m) => {
        if (isObject(a) && a.category === code) matching.push(m);
      });
      if (matching.length === 0) {
        ctx.report({ path: `/websites/${i}/serviceContent/${k}`, data: { code } });
      } else if (!matching.some((m) => hasNumber(approvals[m] as Record<string, unknown>))) {
        ctx.report({ path: `/websites/${i}/preApprovals/${matching[0]!}/approvalNumber`, messageId: 'no-number', data: { code } });
      }
    });
  });
};
