import { filingSchema, filingSchemaMessageIds } from './filing-schema.js';
import { DEPRECATED_CHECK_NAMES, recordCheck, type CheckDefinition } from './registry.js';
import { BATCH_CHECKS } from './batch/index.js';
import { CONTACTS_CHECKS } from './contacts/index.js';
import { IDENTITY_CHECKS } from './identity/index.js';
import { RECORD_CHECKS } from './record/index.js';
import { VERIFICATION_CHECKS } from './verification/index.js';

export type { CheckDefinition } from './registry.js';
export * from './api.js';

/** Every named check a rule file can use, by name. */
export const CHECKS: Readonly<Record<string, CheckDefinition>> = {
  schema: recordCheck(filingSchema, filingSchemaMessageIds),
  'parse-error': {
    kind: 'source',
    messageIds: [
      'json-invalid-symbol', 'json-invalid-number-format', 'json-property-name-expected', 'json-value-expected',
      'json-colon-expected', 'json-comma-expected', 'json-close-brace-expected', 'json-close-bracket-expected',
      'json-end-of-file-expected', 'json-invalid-comment-token', 'json-unexpected-end-of-comment',
      'json-unexpected-end-of-string', 'json-unexpected-end-of-number', 'json-invalid-unicode',
      'json-invalid-escape-character', 'json-invalid-character', 'yaml-syntax', 'empty-file', 'unsupported-format',
      'read-error', 'binary-file', 'invalid-utf8', 'file-too-large', 'record-too-large', 'too-deep', 'internal', 'no-records', 'json-array-broken', 'too-large-to-read-whole',
    ],
  },
  'duplicate-key': { kind: 'source', messageIds: [] },
  // Written by the runner as it applies a YAML file's inline directives (src/engine/directives.ts).
  'unused-directive': { kind: 'source', messageIds: ['disable-any', 'enable-rule', 'enable-any', 'unknown-rule', 'unknown-rule-guess'] },
  ...IDENTITY_CHECKS,
  ...CONTACTS_CHECKS,
  ...VERIFICATION_CHECKS,
  ...BATCH_CHECKS,
  ...RECORD_CHECKS,
};

/** The check a rule file names, by its name or a deprecated one (DEPRECATED_CHECK_NAMES); undefined for none. */
export function checkNamed(name: string): CheckDefinition | undefined {
  const current = Object.hasOwn(DEPRECATED_CHECK_NAMES, name) ? DEPRECATED_CHECK_NAMES[name]! : name;
  return Object.hasOwn(CHECKS, current) ? CHECKS[current] : undefined;
}
