import type { FromSchema } from 'json-schema-to-ts';
import type { RecordCheck } from '../api.js';
import { objectAt, textAt } from '../access.js';
import { CONTACT_FIELDS, CONTACTS_PATH, kebab, type ContactField } from './common.js';
import { OWNER_KIND } from '../fields.js';

const field = { enum: [...CONTACT_FIELDS] } as const;
const requirements = {
  type: 'array',
  items: {
    anyOf: [field, { type: 'array', items: field, minItems: 1, uniqueItems: true }],
  },
} as const;

/**
 * required-contacts (一、2): the principal's contacts the notice lists for the
 * owner's kind. The lists are the rule's options; an inner list means "any one
 * of" (an individual gives an office phone or a home phone).
 */
export const requiredContactsOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['unit', 'individual'],
  properties: {
    unit: { ...requirements, description: 'Contacts a unit owner must give; an inner list means any one of them' },
    individual: { ...requirements, description: 'Contacts an individual owner must give; an inner list means any one of them' },
  },
} as const;

export type RequiredContactsOptions = FromSchema<typeof requiredContactsOptions>;

/** A message for each field alone, one for the notice's own alternative, and a generic one. */
const FIELD_MESSAGES = CONTACT_FIELDS.map(kebab);
const GROUP_MESSAGES = ['office-phone-or-home-phone'] as const;
export const requiredContactsMessages = [...FIELD_MESSAGES, ...GROUP_MESSAGES, 'any-of'] as const;
type RequiredContactsMessageId = (typeof requiredContactsMessages)[number];

/**
 * Missing means absent or a blank string. A value of another type (a number
 * from unquoted YAML) is there; the `schema` rule reports its type.
 */
function missing(contacts: Record<string, unknown>, name: ContactField): boolean {
  if (!Object.prototype.hasOwnProperty.call(contacts, name)) return true;
  const v = contacts[name];
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function messageFor(group: readonly ContactField[]): RequiredContactsMessageId {
  if (group.length === 1) return kebab(group[0]!);
  const id = group.map(kebab).join('-or-');
  return GROUP_MESSAGES.find((message) => message === id) ?? 'any-of';
}

export const requiredContacts: RecordCheck<RequiredContactsOptions, RequiredContactsMessageId> = (ctx) => {
  const kind = textAt(ctx.record, OWNER_KIND);
  // An unknown or missing kind is the schema rule's to report: no list applies.
  if (kind === undefined || !Object.prototype.hasOwnProperty.call(ctx.options, kind)) return;
  const list = ctx.options[kind as keyof RequiredContactsOptions];
  const contacts = objectAt(ctx.record, CONTACTS_PATH);
  if (!contacts || !Array.isArray(list)) return;

  for (const requirement of list) {
    const group = typeof requirement === 'string' ? [requirement] : requirement;
    if (group.length === 0 || !group.every((name) => missing(contacts, name))) continue;
    // A missing alternative is reported where its first choice should be.
    ctx.report({
      path: `${CONTACTS_PATH}/${group[0]!}`,
      messageId: messageFor(group),
      data: { field: group[0]!, fields: group.join(', ') },
    });
  }
};
