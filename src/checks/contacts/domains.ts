import { domainToUnicode } from 'node:url';
import type { FromSchema } from 'json-schema-to-ts';
import { checkDomainName, domainKey } from '../../domain/domain-name.js';
import { looksLikeOrganisationName, sameName } from '../../domain/names.js';
import { sensitive, type MessageData, type NoOptions, type RecordCheck } from '../api.js';
import { textAt, valueAt } from '../access.js';
import { STAGE_ORDER, stageRank } from '../../domain/stages.js';
import { domainEntries, severityFor, severityTableSchema, text } from './common.js';
import { OWNER_KIND, OWNER_NAME, STAGE } from '../fields.js';

// ---------------------------------------------------------------------------
// domain-format (一、3): each domain is a valid name one can register.

export const domainFormatMessages = [
  'empty',
  'url',
  'character',
  'hyphen',
  'empty-label',
  'too-long',
  'numeric-tld',
  'idna',
  'ip-address',
  'no-public-suffix',
  'is-public-suffix',
  'subdomain',
  'private-suffix',
  'trailing-dot',
] as const;

export const domainFormatOptions = {
  type: 'object',
  additionalProperties: false,
  properties: { severity: severityTableSchema(domainFormatMessages) },
} as const;

export type DomainFormatOptions = FromSchema<typeof domainFormatOptions>;

/** Shows a name the way it was given: U-labels when the input had non-ASCII, else A-labels. */
function shown(ascii: string, input: string): string {
  return /[^\x00-\x7f]/.test(input) ? domainToUnicode(ascii) || ascii : ascii;
}

function domainVerdict(input: string): { messageId: (typeof domainFormatMessages)[number]; data: MessageData } | undefined {
  const value = input.trim();
  const r = checkDomainName(input);
  if (r.ok) {
    if (r.isSubdomain) {
      const data = { value, registrable: shown(r.registrable, value) };
      return r.privateSuffix ? { messageId: 'private-suffix', data: { ...data, suffix: r.privateSuffix } } : { messageId: 'subdomain', data };
    }
    if (r.trailingDot) return { messageId: 'trailing-dot', data: { value, bare: shown(r.ascii, value) } };
    return undefined;
  }
  switch (r.problem) {
    case 'syntax':
      return { messageId: r.reason === 'label-too-long' ? 'too-long' : r.reason, data: { value } };
    case 'ip-address':
      return { messageId: 'ip-address', data: { value } };
    case 'no-public-suffix':
      return { messageId: 'no-public-suffix', data: { value, tld: shown(r.tld, value) } };
    case 'is-public-suffix':
      return { messageId: 'is-public-suffix', data: { value } };
  }
}

export const domainFormat: RecordCheck<DomainFormatOptions, (typeof domainFormatMessages)[number]> = (ctx) => {
  for (const d of domainEntries(ctx.record)) {
    const name = d.entry.name;
    // Absent or not a string: the schema rule reports it. A blank string is a name that says nothing.
    if (typeof name !== 'string') continue;
    const verdict = domainVerdict(name);
    if (!verdict) continue;
    const fixed = verdict.messageId === 'trailing-dot' ? withoutRootDot(name) : undefined;
    ctx.report({ path: `${d.path}/name`, ...verdict, ...severityFor(ctx.options.severity, verdict.messageId), ...(fixed !== undefined ? { fix: { value: fixed } } : {}) });
  }
};

/** A root dot (ASCII, or a full stop UTS #46 maps to one) at the end of a name. */
const ROOT_DOT = /[.\u3002\uff0e\uff61]$/u;

/**
 * The name without its root dot, the same domain as it stands on the
 * certificate, when that leaves a name this rule accepts. Case is not
 * touched: the rule accepts either, and a domain's case means nothing.
 */
function withoutRootDot(name: string): string | undefined {
  const bare = name.trim().replace(ROOT_DOT, '');
  return bare !== name.trim() && domainVerdict(bare) === undefined ? bare : undefined;
}

// ---------------------------------------------------------------------------
// owner-domain-consistency (二、(二)1.(5)): the domain holder is the owner.
//
// Two findings with different timing. A registrant that names someone else
// is wrong whenever it is written, so it is reported from draft. A missing
// registrant only says that nobody has looked the holder up yet, which the
// provider does when it verifies (二、(二)1.(5)); it is reported from the stage
// in the `missingFrom` option on (contract 1.1: verified). Before it, the
// field is optional in the contract.

export const ownerDomainMessages = ['missing'] as const;

export const ownerDomainOptions = {
  type: 'object',
  additionalProperties: false,
  properties: {
    // A stage name (draft … approved, returned).
    missingFrom: { enum: Object.keys(STAGE_ORDER), description: 'First stage at which a missing registrant is reported' },
  },
} as const;

export type OwnerDomainOptions = FromSchema<typeof ownerDomainOptions>;

export const ownerDomainConsistency: RecordCheck<OwnerDomainOptions, (typeof ownerDomainMessages)[number]> = (ctx) => {
  const owner = textAt(ctx.record, OWNER_NAME);
  // An unknown stage ranks as draft (stageRank), as the engine ranks it; the schema rule reports it.
  const missingFrom = ctx.options.missingFrom ?? 'verified';
  const reportMissing = stageRank(valueAt(ctx.record, STAGE)) >= stageRank(missingFrom);
  for (const d of domainEntries(ctx.record)) {
    const domain = text(d.entry.name);
    // Without a domain name there is nothing whose holder could be verified; the schema rule reports it.
    if (domain === undefined) continue;
    const path = `${d.path}/registrant`;
    const registrant = d.entry.registrant;
    const has = Object.prototype.hasOwnProperty.call(d.entry, 'registrant');
    if (!has || registrant === null || (typeof registrant === 'string' && registrant.trim() === '')) {
      if (reportMissing) ctx.report({ path, messageId: 'missing', data: { domain: domain.trim() } });
      continue;
    }
    // A registrant of another type is the schema rule's; without an owner name there is nothing to compare.
    if (typeof registrant !== 'string' || owner === undefined) continue;
    if (!sameName(registrant, owner)) {
      // A registrant may be a natural person (a domain held in a boss's or an employee's own name):
      // personal data, masked unless it reads as an organisation and the owner is one too.
      const organisation = textAt(ctx.record, OWNER_KIND) === 'unit' && looksLikeOrganisationName(registrant);
      const shown = organisation ? registrant.trim() : sensitive('person-name', registrant.trim());
      ctx.report({ path, data: { domain: domain.trim(), registrant: shown, owner: owner.trim() } });
    }
  }
};

// ---------------------------------------------------------------------------
// duplicate-domain (一、3): a domain is listed once per record.

export const duplicateDomainMessages = ['other-spelling'] as const;

export const duplicateDomainInRecord: RecordCheck<NoOptions, (typeof duplicateDomainMessages)[number]> = (ctx) => {
  const seen = new Map<string, { path: string; value: string }>();
  for (const d of domainEntries(ctx.record)) {
    const name = text(d.entry.name);
    if (name === undefined) continue;
    const key = domainKey(name);
    if (key === '') continue;
    const path = `${d.path}/name`;
    const value = name.trim();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { path, value });
      continue;
    }
    const data = { value, first: first.path, firstValue: first.value };
    ctx.report(value === first.value ? { path, data } : { path, messageId: 'other-spelling', data });
  }
};
