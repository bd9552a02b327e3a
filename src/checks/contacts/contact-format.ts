import type { FromSchema } from 'json-schema-to-ts';
import { checkEmail } from '../../domain/email.js';
import { checkFixedLine, checkMobile, type NotMainland } from '../../domain/phone.js';
import { sensitive, type MessageData, type RecordCheck } from '../api.js';
import { compilePointer, stringAt, type CompiledPointer } from '../access.js';
import { CONTACT_FIELDS, CONTACTS_PATH, severityFor, severityTableSchema } from './common.js';

/**
 * contact-format (一、2): the principal's phone numbers and e-mail address are
 * well-formed, so the access provider can reach the principal in
 * pre-verification (二、(二)1.(2) 通过电话、邮件等途径核验联系方式).
 *
 * Options: `fields` maps each contact field to the kind of value it holds
 * (mobile, fixed-line, email); `severity` lowers particular problems below the
 * rule's severity (a mobile given as office phone is reachable, so it is a
 * warning by default).
 *
 * A valid number outside mainland China (Hong Kong +852, Macao +853, Taiwan
 * +886, another country) is judged by its type like a mainland one: a mobile
 * in the mobile field, or a fixed line in an office or home phone field, gets
 * `mobile-outside-mainland` / `fixed-line-outside-mainland`, which the rule
 * file makes warnings. The notice asks for the principal's 手机号码 and
 * 办公电话 without saying where the line is; what suffers is the provider's
 * check by phone (二、(二)1.(2)), so the filer is told, not refused. A number
 * of the wrong type for its field is reported as a mainland one would be.
 */
const CONTACT_KINDS = ['mobile', 'fixed-line', 'email'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const contactFormatMessages = [
  'mobile-not-a-number',
  'mobile-outside-mainland',
  'mobile-invalid',
  'mobile-invalid-outside-mainland',
  'mobile-is-fixed-line',
  'mobile-not-mobile',
  'fixed-line-not-a-number',
  'fixed-line-outside-mainland',
  'fixed-line-invalid',
  'fixed-line-invalid-outside-mainland',
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
      additionalProperties: { enum: [...CONTACT_KINDS] },
    },
    severity: severityTableSchema(contactFormatMessages),
  },
} as const;

export type ContactFormatOptions = FromSchema<typeof contactFormatOptions>;

/** libphonenumber's type names, as a short token for messages: `TOLL_FREE` → `toll-free`. */
function typeToken(t: string): string {
  return t.toLowerCase().replace(/_/g, '-');
}

type Verdict = { messageId: (typeof contactFormatMessages)[number]; data?: MessageData } | undefined;

// A type the metadata cannot tell (undefined) counts as fitting the field: the number is valid, and a false error is worse.
function outsideMainlandMobile(r: NotMainland, data: MessageData): Verdict {
  const t = r.numberType;
  if (t === undefined || t === 'MOBILE' || t === 'FIXED_LINE_OR_MOBILE') return { messageId: 'mobile-outside-mainland', data: { ...data, callingCode: r.callingCode } };
  if (t === 'FIXED_LINE') return { messageId: 'mobile-is-fixed-line', data };
  return { messageId: 'mobile-not-mobile', data: { ...data, numberType: typeToken(t) } };
}

function outsideMainlandFixedLine(r: NotMainland, data: MessageData): Verdict {
  const t = r.numberType;
  if (t === undefined || t === 'FIXED_LINE' || t === 'FIXED_LINE_OR_MOBILE') return { messageId: 'fixed-line-outside-mainland', data: { ...data, callingCode: r.callingCode } };
  if (t === 'MOBILE') return { messageId: 'fixed-line-is-mobile', data };
  return { messageId: 'fixed-line-not-fixed-line', data: { ...data, numberType: typeToken(t) } };
}

function mobileVerdict(value: string): Verdict {
  const r = checkMobile(value);
  if (r.ok) return undefined;
  const data: MessageData = { value: sensitive('phone', value) };
  switch (r.problem) {
    case 'not-a-number':
      return { messageId: 'mobile-not-a-number', data };
    case 'not-cn':
      return outsideMainlandMobile(r, data);
    case 'invalid':
      return r.callingCode ? { messageId: 'mobile-invalid-outside-mainland', data: { ...data, callingCode: r.callingCode } } : { messageId: 'mobile-invalid', data };
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
      return outsideMainlandFixedLine(r, data);
    case 'invalid':
      return r.callingCode ? { messageId: 'fixed-line-invalid-outside-mainland', data: { ...data, callingCode: r.callingCode } } : { messageId: 'fixed-line-invalid', data };
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

/** Each contact field the options name, with its pointer compiled and its verdict function: made once per options object. */
interface FieldPlan {
  path: string;
  pointer: CompiledPointer;
  verdict: (value: string) => Verdict;
}

const plans = new WeakMap<object, FieldPlan[]>();

function planOf(options: ContactFormatOptions): FieldPlan[] {
  let plan = plans.get(options);
  if (!plan) {
    plan = [];
    for (const [name, kind] of Object.entries(options.fields ?? {})) {
      if (!kind || !Object.prototype.hasOwnProperty.call(VERDICTS, kind)) continue;
      const path = `${CONTACTS_PATH}/${name}`;
      plan.push({ path, pointer: compilePointer(path), verdict: VERDICTS[kind] });
    }
    plans.set(options, plan);
  }
  return plan;
}

export const contactFormat: RecordCheck<ContactFormatOptions, (typeof contactFormatMessages)[number]> = (ctx) => {
  for (const { path, pointer, verdict: judge } of planOf(ctx.options)) {
    const value = stringAt(ctx.record, pointer);
    // Absent, blank or not a string: required-contacts and schema report those.
    if (value === undefined || value.trim() === '') continue;
    const verdict = judge(value);
    if (verdict) ctx.report({ path, messageId: verdict.messageId, data: verdict.data ?? {}, ...severityFor(ctx.options.severity, verdict.messageId) });
  }
};
