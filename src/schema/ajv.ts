import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createRequire } from 'node:module';
import type { RE2JS as RE2JSType } from 're2js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Patterns from rule files we did not write run on RE2's linear-time engine:
 * a catastrophic-backtracking pattern cannot hang a run, and constructs RE2
 * cannot run in linear time (look-around, back-references) are refused when
 * the rule is loaded.
 */
let re2js: typeof RE2JSType | undefined;
const linearRegExp = Object.assign(
  (pattern: string) => {
    re2js ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JSType }).RE2JS;
    const re = re2js.compile(pattern);
    // ajv keys its compiled-pattern cache by toString(); without it every pattern would share one entry.
    return { test: (text: string) => re.matcher(text).find(), toString: () => `/${pattern}/u` };
  },
  { code: 'linear-time RE2 (re2js)' },
);

/**
 * One way to build a validator for every schema the project compiles (the
 * filing schema, rule fragments, rule files, configs). Unknown keywords are
 * refused (strictSchema) so a typo in a rule never silently checks nothing;
 * `required` inside `if`/`then` is how stage-dependent fields are written, so
 * strictRequired stays off.
 */
export function createAjv(options: { untrusted?: boolean; prevalidated?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    ...(options.untrusted ? { code: { regExp: linearRegExp } } : {}),
    // Schemas the build or the test suite already compiled under strict mode need no
    // meta-schema check at every start; compiling the meta-schema is a large part of start-up.
    ...(options.prevalidated ? { validateSchema: false } : {}),
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
