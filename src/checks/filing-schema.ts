import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv, precompiledValidator, schemaStamp, type ValidateFunction } from '../schema/ajv.js';
import { explainSchemaErrors } from '../schema/explain.js';
import { packageRoot, schemasDir } from '../package-files.js';
import type { RecordCheck } from './api.js';

let validator: ValidateFunction | undefined;

/** The compiled filing schema, built once per process on first use. */
export function filingValidator(): ValidateFunction {
  if (!validator) {
    const text = readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8');
    // The build's compiled validator, unless the schema changed since the build.
    validator = precompiledValidator(join(packageRoot, 'dist', 'validators.cjs'), 'filing', schemaStamp(text));
    if (validator) return validator;
    const schema = JSON.parse(text) as object;
    // The schema is ours and compiled in strict mode by the test suite; skip the meta-schema check at start-up.
    validator = createAjv({ prevalidated: true }).compile(schema);
  }
  return validator;
}

/** The `schema` rule: one report per real structural problem, at its own path. */
export const filingSchema: RecordCheck = (ctx) => {
  const validate = filingValidator();
  if (validate(ctx.record)) return;
  for (const p of explainSchemaErrors(validate.errors, ctx.record)) {
    ctx.report({ path: p.path, messageId: p.keyword, data: p.data, locateKey: p.locateKey });
  }
};
