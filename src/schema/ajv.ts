import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/**
 * One way to build a validator for every schema the project compiles (the
 * filing schema, rule fragments, rule files, configs). Unknown keywords are
 * refused (strictSchema) so a typo in a rule never silently checks nothing;
 * `required` inside `if`/`then` is how stage-dependent fields are written, so
 * strictRequired stays off.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
    verbose: false,
  });
  addFormats(ajv);
  return ajv;
}
