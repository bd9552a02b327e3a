import { documentNumberKey } from '../../domain/document-number.js';
import { nameKey } from '../../domain/names.js';
import { textAt } from '../access.js';

/**
 * Who an owner is, for telling "the same owner filed twice" from "two owners":
 * the owner's document (type and number, case-folded) when present, else the
 * normalized name.
 */
export function ownerKey(record: unknown): string | undefined {
  const type = textAt(record, '/owner/document/type');
  const number = textAt(record, '/owner/document/number');
  if (type && number) return `doc:${type}:${documentNumberKey(number)}`;
  const name = textAt(record, '/owner/name');
  const key = name ? nameKey(name) : '';
  return key ? `name:${key}` : undefined;
}
