import type { RecordCheck } from '../api.js';
import { objectAt, textAt } from '../access.js';
import { CONTACT_FIELDS, CONTACTS_PATH, kebab, type ContactField } from './common.js';

/**
 * required-contacts (一、2): the principal's contacts the notice lists for the
 * owner's kind. The lists are the rule's options; an inner list means "any one
 * of" (an individual gives an office phone or a home phone).
 */
export interface RequiredContactsOptions {
  unit: Requirement[];
  individual: Requirement[];
}
type Requirement = ContactField | ContactField[];

const field = { enum: [...CONTACT_FIELDS] };
const requirements = {
  type: 'array',
  items: {
    anyOf: [field, { type: 'array', items: field, minItems: 1, uniqueItems: true }],
  },
};

export const requiredContactsOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['unit', 'individual'],
  properties: {
    unit: { ...requirements, description: 'Contacts a unit owner must give; an inner list means any one of them' },
    individual: { ...requirements, description: 'Contacts an individual owner must give; an inner list means any one of them' },
  },
};

/** A message for each field alone, one for the notice's own alternative, and a generic one. */
const FIELD_MESSAGES = CONTACT_FIELDS.map(kebab);
const GROUP_MESSAGES = ['office-phone-or-home-phone'];
export const requiredContactsMessages = [...FIELD_MESSAGES, ...GROUP_MESSAGES, 'any-of'];

/**
 * Missing means absent or a blank string. A value of another type (a number
 * from unquoted YAML) is there; the `schema` rule reports its type.
 */
function missing(contacts: Record<string, unknown>, name: ContactField): boolean {
  if (!Object.prototype.hasOwnProperty.call(contacts, name)) return true;
  const v = contacts[name];
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function messageFor(group: readonly ContactField[]): string {
  if (group.length === 1) return kebab(group[0]!);
  const id = group.map(kebab).join('-or-');
  return GROUP_MESSAGES.includes(id) ? id : 'any-of';
}

export const requiredContacts: RecordCheck<RequiredContactsOptions> = (ctx) => {
  const kind = textAt(ctx.record, '/owner/kind');
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
