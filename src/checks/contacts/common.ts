import type { Severity } from '../api.js';
import { arrayAt, isObject, perRecord } from '../access.js';
import { DOMAINS, WEBSITES } from '../fields.js';

/** The contact fields of `principal.contacts` (一、2), as the data contract names them. */
export const CONTACT_FIELDS = ['mobile', 'officePhone', 'homePhone', 'email', 'mailingAddress'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const CONTACTS_PATH = '/principal/contacts';

/** `officePhone` → `office-phone`, as a type: the message ids made from field names are literal types. */
export type Kebab<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Lowercase<C> ? C : `-${Lowercase<C>}`}${Kebab<Rest>}` : S;

/** `officePhone` → `office-phone`: message ids are kebab-case. */
export function kebab<S extends string>(name: S): Kebab<S> {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) as Kebab<S>;
}

/**
 * Options schema of a per-message severity table: `{ <message id>: error | warning | info }`.
 * A message id without an entry is reported at the rule's severity; a severity set
 * by the user for the whole rule still wins over this table (engine behaviour).
 */
export function severityTableSchema<const M extends string>(messageIds: readonly M[]) {
  return {
    type: 'object',
    description: 'Severity by message id, overriding the rule severity for that problem',
    additionalProperties: false,
    // Typed per id, so that the options type derived from the schema (FromSchema) names each one.
    properties: Object.fromEntries(messageIds.map((id) => [id, { enum: ['error', 'warning', 'info'] } as const])) as {
      readonly [Id in M]: { readonly enum: readonly ['error', 'warning', 'info'] };
    },
  } as const;
}

/** The severity the table gives a message id, if any (own properties only). */
export function severityFor<M extends string>(table: Partial<Record<M, Severity>> | undefined, messageId: M): { severity?: Severity } {
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
 * the `schema` rule reports them. Worked out once per record (four checks
 * walk them).
 */
export const domainEntries: (record: unknown) => readonly DomainEntry[] = perRecord((record) => {
  const out: DomainEntry[] = [];
  arrayAt(record, WEBSITES).forEach((site, i) => {
    arrayAt(site, DOMAINS).forEach((entry, j) => {
      if (isObject(entry)) out.push(Object.freeze({ website: i, index: j, path: `/websites/${i}/domains/${j}`, entry }));
    });
  });
  return Object.freeze(out);
});

/** A string that says something, or undefined (absent, non-string, blank). */
export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}
