// principal-role (一、1.(3)): "若网站主办者为单位，网站负责人是指法定代表人或单位
// 委派具体负责网站的部门负责人；若网站主办者为个人，网站负责人为其本人。" The roles
// each owner kind allows are the rule file's table. For an individual the
// principal is the owner: same name (src/domain/names.ts) and same document,
// each difference reported at the principal's field that differs.

import type { FromSchema } from 'json-schema-to-ts';
import { isDocumentType } from '../../domain/document-number.js';
import { sameName } from '../../domain/names.js';
import { documentTypeWithCode, oneOf, principalRoleWithCode } from '../../domain/vocabulary.js';
import { sensitive, type RecordCheck } from '../api.js';
import { textAt } from '../access.js';
import { documentOf, ownerKind, sameNumber } from './shared.js';
import { OWNER_NAME } from '../fields.js';

/** The contract's role codes. */
const ROLES = ['legal-representative', 'department-head', 'self'] as const;
type Role = (typeof ROLES)[number];

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const roleListSchema = { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...ROLES] } } as const;

export const principalRoleOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['roles'],
  properties: {
    // The roles a principal may have, by owner kind.
    roles: {
      type: 'object',
      additionalProperties: false,
      required: ['unit', 'individual'],
      properties: { unit: roleListSchema, individual: roleListSchema },
    },
  },
} as const;

export type PrincipalRoleOptions = FromSchema<typeof principalRoleOptionsSchema>;

export const principalRoleMessageIds = ['unit-role', 'individual-role', 'name', 'document-type', 'document-number'] as const;

export const principalRole: RecordCheck<PrincipalRoleOptions, (typeof principalRoleMessageIds)[number]> = (ctx) => {
  const { record, options } = ctx;
  const kind = ownerKind(record);
  if (kind === undefined) return;

  const role = textAt(record, '/principal/role');
  // A role that is none of the contract's is the schema rule's to report.
  if (role !== undefined && isRole(role)) {
    const allowed = options.roles[kind];
    if (!allowed.includes(role)) {
      ctx.report({
        path: '/principal/role',
        messageId: `${kind}-role`,
        data: { role: principalRoleWithCode(role), expected: oneOf(allowed.map(principalRoleWithCode)) },
      });
    }
  }
  if (kind !== 'individual') return;

  const ownerName = textAt(record, OWNER_NAME);
  const name = textAt(record, '/principal/name');
  if (ownerName !== undefined && name !== undefined && !sameName(name, ownerName)) {
    ctx.report({ path: '/principal/name', messageId: 'name', data: { name, ownerName } });
  }

  const owner = documentOf(record, 'owner');
  const principal = documentOf(record, 'principal');
  if (isDocumentType(owner.type) && isDocumentType(principal.type) && owner.type !== principal.type) {
    // A different type is a different document; its number differs as a consequence.
    ctx.report({
      path: '/principal/document/type',
      messageId: 'document-type',
      data: { type: documentTypeWithCode(principal.type), expected: documentTypeWithCode(owner.type) },
    });
    return;
  }
  if (owner.number === undefined || principal.number === undefined) return;
  if (owner.number.trim() === '' || principal.number.trim() === '') return;
  if (!sameNumber(principal.number, owner.number)) {
    ctx.report({
      path: '/principal/document/number',
      messageId: 'document-number',
      data: { value: sensitive('id-number', principal.number), expected: sensitive('id-number', owner.number) },
    });
  }
};
