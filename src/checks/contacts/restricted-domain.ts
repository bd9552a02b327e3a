import type { FromSchema } from 'json-schema-to-ts';
import { checkDomainName, domainKey, isUnderSuffixKey } from '../../domain/domain-name.js';
import { OWNER_KIND_NAMES, ownerKinds } from '../../domain/vocabulary.js';
import type { RecordCheck } from '../api.js';
import { textAt } from '../access.js';
import { domainEntries, text } from './common.js';
import { OWNER_KIND, OWNER_UNIT_TYPE } from '../fields.js';

/**
 * restricted-domain (一、3 网站域名): a domain under a suffix its registry
 * reserves to one kind of owner is filed by an owner of that kind. The
 * registry registers such a name only to that kind of holder (gov.cn to
 * government bodies, edu.cn to educational and research bodies), so a filing
 * by another kind names a domain the owner cannot hold.
 *
 * Options: `suffixes`, a table of suffix → the owner kinds it is open to
 * (`allowed`) or closed to (`forbidden`), each row with the registry policy
 * it comes from. An owner kind is `individual` or a unit's `unitType`.
 * Suffixes are compared label by label on the ASCII form, so `政务.cn`
 * covers `xn--zfr164b.cn` and `gov.cn` does not cover `notgov.cn`.
 *
 * A domain that is not a valid name is domain-format's; an owner whose kind
 * cannot be told (no kind, a unit without a known unitType) is the schema
 * rule's: this rule stays silent on both.
 */

export const OWNER_KINDS = ['individual', 'government', 'institution', 'social-group', 'enterprise', 'military'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export const restrictedDomainMessages = ['forbidden', 'conditional'] as const;

const kinds = { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...OWNER_KINDS] } } as const;

export const restrictedDomainOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['suffixes'],
  properties: {
    suffixes: {
      type: 'array',
      description: 'Suffixes reserved to some kinds of owner, with the registry policy each comes from',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['suffix', 'source'],
        properties: {
          // Whole labels without a leading or trailing dot; IDN suffixes in either form.
          suffix: { type: 'string', pattern: '^[^.\\s](?:.*[^.\\s])?$' },
          allowed: { ...kinds, description: 'The only owner kinds that may file a domain under the suffix' },
          forbidden: { ...kinds, description: 'Owner kinds that may not file a domain under the suffix' },
          // Kinds the registry admits only in some cases the record cannot show (a public institution
          // that exercises administrative functions may hold gov.cn): a warning to check, never an error.
          warnFor: { ...kinds, description: 'Owner kinds the registry admits only in some cases: a warning' },
          source: { type: 'string', minLength: 1, description: 'The registry policy the restriction comes from' },
        },
        oneOf: [{ required: ['allowed'] }, { required: ['forbidden'] }],
      },
    },
  },
} as const;

export type RestrictedDomainOptions = FromSchema<typeof restrictedDomainOptions>;
/** One row of the table: a suffix, the owner kinds it is open or closed to, and the policy it comes from. */
export type SuffixRule = RestrictedDomainOptions['suffixes'][number];

const UNIT_TYPES: ReadonlySet<string> = new Set(OWNER_KINDS.filter((k) => k !== 'individual'));

function ownerKind(record: unknown): OwnerKind | undefined {
  const kind = textAt(record, OWNER_KIND);
  if (kind === 'individual') return 'individual';
  const unitType = kind === 'unit' ? textAt(record, OWNER_UNIT_TYPE) : undefined;
  // A unit whose type is none of the five (even "individual") is the schema rule's to report.
  return unitType !== undefined && UNIT_TYPES.has(unitType) ? (unitType as OwnerKind) : undefined;
}

function permits(rule: SuffixRule, kind: OwnerKind): boolean {
  if (Array.isArray(rule.allowed)) return rule.allowed.includes(kind);
  return !(Array.isArray(rule.forbidden) && rule.forbidden.includes(kind));
}

/**
 * The suffix rows, longest suffix first (the narrowest row decides, so it can
 * open part of a wider one), worked out once per options: a suffix such as
 * 政务.cn goes through UTS #46 to be compared, which is not a cost to pay for
 * every domain of every record.
 */
const ordered = new WeakMap<readonly SuffixRule[], Array<{ row: SuffixRule; key: string }>>();

function rowsOf(table: readonly SuffixRule[]): Array<{ row: SuffixRule; key: string }> {
  let rows = ordered.get(table);
  if (!rows) {
    rows = table.map((row) => ({ row, key: domainKey(row.suffix) })).filter((r) => r.key !== '');
    rows.sort((a, b) => b.key.split('.').length - a.key.split('.').length);
    ordered.set(table, rows);
  }
  return rows;
}

export const restrictedDomain: RecordCheck<RestrictedDomainOptions, (typeof restrictedDomainMessages)[number]> = (ctx) => {
  const kind = ownerKind(ctx.record);
  if (kind === undefined) return;
  const rows = rowsOf(Array.isArray(ctx.options.suffixes) ? ctx.options.suffixes : []);
  for (const d of domainEntries(ctx.record)) {
    const name = text(d.entry.name);
    if (name === undefined) continue;
    const r = checkDomainName(name);
    if (!r.ok) continue;
    // Label by label on the ASCII form (r.ascii is already a domain key): `notgov.cn` is not under gov.cn.
    const match = rows.find(({ key }) => isUnderSuffixKey(r.ascii, key))?.row;
    if (match === undefined || permits(match, kind)) continue;
    const data = { value: name.trim(), suffix: match.suffix, owner: OWNER_KIND_NAMES[kind] };
    if (Array.isArray(match.warnFor) && match.warnFor.includes(kind)) {
      ctx.report({ path: `${d.path}/name`, messageId: 'conditional', severity: 'warning', data });
    } else if (Array.isArray(match.allowed)) {
      ctx.report({ path: `${d.path}/name`, data: { ...data, allowed: ownerKinds(match.allowed) } });
    } else {
      ctx.report({ path: `${d.path}/name`, messageId: 'forbidden', data });
    }
  }
};
