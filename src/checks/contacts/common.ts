import type { Severity } from '../api.js';
import { arrayAt, isObject } from '../access.js';

/** The contact fields of `principal.contacts` (一、2), as the data contract names them. */
export const CONTACT_FIELDS = ['mobile', 'officePhone', 'homePhone', 'email', 'mailingAddress'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const CONTACTS_PATH = '/principal/contacts';

/** `officePhone` → `office-phone`: message ids are kebab-case. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Options schema of a per-message severity table: `{ <message id>: error | warning | info }`.
 * A message id without an entry is reported at the rule's severity; a severity set
 * by the user for the whole rule still wins over this table (engine behaviour).
 */
export function severityTableSchema(messageIds: readonly string[]): object {
  return {
    type: 'object',
    description: 'Severity by message id, overriding the rule severity for that problem',
    additionalProperties: false,
    properties: Object.fromEntries(messageIds.map((id) => [id, { enum: ['error', 'warning', 'info'] }])),
  };
}

export type SeverityTable = Partial<Record<string, Severity>>;

/** The severity the table gives a message id, if any (own properties only). */
export function severityFor(table: SeverityTable | undefined, messageId: string): { severity?: Severity } {
  if (!table || !Object.prototype.hasOwnProperty.call(table, messageId)) return {};
  const s = table[messageId];
  return s ? { severity: s } : {};
}

export interface DomainEntry {
  /** Index of the website in `/websites`. */
  website: number;
  /** Index of the domain in the website's `domains`. */
  index: number;
  /** `/websites/<i>/domains/<j>` */
  path: string;
  entry: Record<string, unknown>;
}

/**
 * Every domain object of every website, in record order. Websites and domain
 * lists that are not arrays, and entries that are not objects, are skipped:
 * the `schema` rule reports them.
 */
export function domainEntries(record: unknown): DomainEntry[] {
  const out: DomainEntry[] = [];
  arrayAt(record, '/websites').forEach((site, i) => {
    arrayAt(site, '/domains').forEach((entry, j) => {
      if (isObject(entry)) out.push({ website: i, index: j, path: `/websites/${i}/domains/${j}`, entry });
    });
  });
  return out;
}

/** A string that says something, or undefined (absent, non-string, blank). */
export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}
