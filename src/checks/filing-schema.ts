import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv, precompiledValidator, schemaStamp, type ValidateFunction } from '../schema/ajv.js';
import { explainSchemaErrors } from '../schema/explain.js';
import { packageRoot, schemasDir } from '../package-files.js';
import type { NoOptions, RecordCheck } from './api.js';

let validator: ValidateFunction | undefined;
/** The filing schema as data, read once a record has a problem: an unknown field's message names the closest declared one. */
let schemaObject: unknown;
/** The schema's text as filingValidator read it, so it is read from disk once. */
let schemaText: string | undefined;

/** The compiled filing schema, built once per process on first use. */
export function filingValidator(): ValidateFunction {
  if (!validator) {
    const text = (schemaText = readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8'));
    // The build's compiled validator, unless the schema changed since the build.
    validator = precompiledValidator(join(packageRoot, 'dist', 'validators.cjs'), 'filing', schemaStamp(text));
    if (validator) return validator;
    const schema = JSON.parse(text) as object;
    // The schema is ours and compiled in strict mode by the test suite; skip the meta-schema check at start-up.
    validator = createAjv({ prevalidated: true }).compile(schema);
  }
  return validator;
}

/** The keywords explainSchemaErrors reports a problem under (src/schema/explain.ts), each a message. */
export const filingSchemaMessageIds = [
  'required',
  'unknown-field',
  'unknown-field-did-you-mean',
  'forbidden',
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'min-length',
  'max-length',
  'min-items',
  'max-items',
  'unique-items',
  'minimum',
  'maximum',
  'no-alternative',
  'other',
] as const;

type FilingSchemaMessageId = (typeof filingSchemaMessageIds)[number];

const MESSAGE_IDS: ReadonlySet<string> = new Set(filingSchemaMessageIds);

function isMessageId(keyword: string): keyword is FilingSchemaMessageId {
  return MESSAGE_IDS.has(keyword);
}

/** The `schema` rule: one report per real structural problem, at its own path. */
export const filingSchema: RecordCheck<NoOptions, FilingSchemaMessageId> = (ctx) => {
  const validate = filingValidator();
  if (validate(ctx.record)) return;
  schemaObject ??= JSON.parse(schemaText ?? readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8'));
  for (const p of explainSchemaErrors(validate.errors, ctx.record, schemaObject)) {
    // A keyword missing from the list would have no message the registry makes rule files give.
    ctx.report({ path: p.path, messageId: isMessageId(p.keyword) ? p.keyword : 'default', data: p.data, locateKey: p.locateKey });
  }
};
