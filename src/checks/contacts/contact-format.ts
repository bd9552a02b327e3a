import { checkEmail } from '../../domain/email.js';
import { checkFixedLine, checkMobile } from '../../domain/phone.js';
import { sensitive, type MessageData, type RecordCheck } from '../api.js';
import { stringAt } from '../access.js';
import { CONTACT_FIELDS, CONTACTS_PATH, severityFor, severityTableSchema, type SeverityTable } from './common.js';

/**
 * contact-format (一、2): the principal's phone numbers and e-mail address are
 * well-formed, so the access provider can reach the principal in
 * pre-verification (二、(二)1.(2) 通过电话、邮件等途径核验联系方式).
 *
 * Options: `fields` maps each contact field to the kind of value it holds
 * (mobile, fixed-line, email); `severity` lowers particular problems below the
 * rule's severity (a mobile given as office phone is reachable, so it is a
 * warning by default).
 */
export type ContactKind = 'mobile' | 'fixed-line' | 'email';

export interface ContactFormatOptions {
  fields: Partial<Record<string, ContactKind>>;
  severity?: SeverityTable;
}

export const contactFormatMessages = [
  'mobile-not-a-number',
  'mobile-not-cn',
  'mobile-invalid',
  'mobile-is-fixed-line',
  'mobile-not-mobile',
  'fixed-line-not-a-number',
  'fixed-line-not-cn',
  'fixed-line-invalid',
  'fixed-line-missing-area-code',
  'fixed-line-is-mobile',
  'fixed-line-not-fixed-line',
  'email-at-sign',
  'email-local-part',
  'email-too-long',
  'email-domain-literal',
  'email-domain',
  'email-smtputf8',
] as const;

export const contactFormatOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['fields'],
  properties: {
    fields: {
      type: 'object',
      description: 'The kind of value each contact field holds',
      propertyNames: { enum: CONTACT_FIELDS.filter((f) => f !== 'mailingAddress') },
      additionalProperties: { enum: ['mobile', 'fixed-line', 'email'] },
    },
    severity: severityTableSchema(contactFormatMessages),
  },
};

/** libphonenumber's type names, as a short token for messages: `TOLL_FREE` → `toll-free`. */
function typeToken(t: string): string {
  return t.toLowerCase().replace(/_/g, '-');
}

type Verdict = { messageId: (typeof contactFormatMessages)[number]; data?: MessageData } | undefined;

function mobileVerdict(value: string): Verdict {
  const r = checkMobile(value);
  if (r.ok) return undefined;
  const data: MessageData = { value: sensitive('phone', value) };
  switch (r.problem) {
    case 'not-a-number':
      return { messageId: 'mobile-not-a-number', data };
    case 'not-cn':
      return { messageId: 'mobile-not-cn', data: { ...data, country: r.country ?? '?' } };
    case 'invalid':
      return { messageId: 'mobile-invalid', data };
    case 'not-mobile':
      if (r.numberType === 'FIXED_LINE') return { messageId: 'mobile-is-fixed-line', data };
      return { messageId: 'mobile-not-mobile', data: { ...data, numberType: typeToken(r.numberType) } };
  }
}

function fixedLineVerdict(value: string): Verdict {
  const r = checkFixedLine(value);
  if (r.ok) return undefined;
  const data: MessageData = { value: sensitive('phone', value) };
  switch (r.problem) {
    case 'not-a-number':
      return { messageId: 'fixed-line-not-a-number', data };
    case 'not-cn':
      return { messageId: 'fixed-line-not-cn', data: { ...data, country: r.country ?? '?' } };
    case 'invalid':
      return { messageId: 'fixed-line-invalid', data };
    case 'missing-area-code':
      return { messageId: 'fixed-line-missing-area-code', data };
    case 'is-mobile':
      return { messageId: 'fixed-line-is-mobile', data };
    case 'not-fixed-line':
      return { messageId: 'fixed-line-not-fixed-line', data: { ...data, numberType: typeToken(r.numberType) } };
  }
}

function emailVerdict(value: string): Verdict {
  const r = checkEmail(value);
  const data: MessageData = { value: sensitive('email', value) };
  if (r.ok) return r.smtputf8 ? { messageId: 'email-smtputf8', data } : undefined;
  if (r.problem === 'domain') {
    const s = value.trim();
    return { messageId: 'email-domain', data: { ...data, domain: s.slice(s.lastIndexOf('@') + 1) } };
  }
  switch (r.reason) {
    case 'empty': // blank: required-contacts reports it as missing
      return undefined;
    case 'at-sign':
      return { messageId: 'email-at-sign', data };
    case 'local-part':
      return { messageId: 'email-local-part', data };
    case 'local-too-long':
    case 'too-long':
      return { messageId: 'email-too-long', data };
    case 'domain-literal':
      return { messageId: 'email-domain-literal', data };
  }
}

const VERDICTS: Record<ContactKind, (value: string) => Verdict> = {
  mobile: mobileVerdict,
  'fixed-line': fixedLineVerdict,
  email: emailVerdict,
};

export const contactFormat: RecordCheck<ContactFormatOptions> = (ctx) => {
  for (const [name, kind] of Object.entries(ctx.options.fields ?? {})) {
    if (!kind || !Object.prototype.hasOwnProperty.call(VERDICTS, kind)) continue;
    const path = `${CONTACTS_PATH}/${name}`;
    const value = stringAt(ctx.record, path);
    // Absent, blank or not a string: required-contacts and schema report those.
    if (value === undefined || value.trim() === '') continue;
    const verdict = VERDICTS[kind](value);
    if (verdict) ctx.report({ path, messageId: verdict.messageId, data: verdict.data ?? {}, ...severityFor(ctx.options.severity, verdict.messageId) });
  }
};
