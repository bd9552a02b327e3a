import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { RE2JS as RE2JSType } from 're2js';
import { isFilingPointer } from './filing-pointer.js';
import { PERSONAL_DATA_KEYWORD, PERSONAL_DATA_KINDS } from './personal-fields.js';

export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);

// ajv is loaded when a schema is first compiled: a run whose validators were
// compiled at build time (dist/validators.cjs) never loads it.
let ajvLib: { Ajv2020: typeof Ajv2020; addFormats: (ajv: Ajv2020) => Ajv2020 } | undefined;
function ajvLibrary() {
  if (!ajvLib) {
    const formats = require('ajv-formats') as { default?: unknown };
    ajvLib = {
      Ajv2020: (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020,
      addFormats: (formats.default ?? formats) as (ajv: Ajv2020) => Ajv2020,
    };
  }
  return ajvLib;
}

/**
 * Patterns from rule files we did not write run on RE2's linear-time engine:
 * a catastrophic-backtracking pattern cannot hang a run, and constructs RE2
 * cannot run in linear time (look-around, back-references) are refused when
 * the rule is loaded.
 */
let re2js: typeof RE2JSType | undefined;
const linearRegExp = Object.assign(
  (pattern: string) => {
    re2js ??= (require('re2js') as { RE2JS: typeof RE2JSType }).RE2JS;
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
export function createAjv(options: { untrusted?: boolean; prevalidated?: boolean; standaloneSource?: boolean } = {}): Ajv2020 {
  const { Ajv2020, addFormats } = ajvLibrary();
  const ajv = new Ajv2020({
    // The build keeps generated code to write validators that need no ajv at run time.
    ...(options.standaloneSource ? { code: { source: true } } : {}),
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
  ajv.addFormat('filing-pointer', { type: 'string', validate: isFilingPointer });
  // An annotation: it marks a field of personal data (src/schema/personal-fields.ts) and
  // validates nothing, but strict mode refuses a keyword it was not told of, and a kind
  // the table does not know would be a mark that masks nothing.
  ajv.addKeyword({ keyword: PERSONAL_DATA_KEYWORD, schemaType: 'string', metaSchema: { enum: [...PERSONAL_DATA_KINDS] } });
  return ajv;
}

// ---------------------------------------------------------------------------
// Validators compiled at build time (scripts/bundle-rules.mjs): the filing
// schema and the bundled schema rules, as plain functions.

type Precompiled = Record<string, import('ajv/dist/2020.js').ValidateFunction>;
let precompiled: Precompiled | null | undefined;

/** The name a schema's validator has in dist/validators.cjs. */
export function precompiledName(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}

/** A validator the build compiled, or undefined (not built, or the build is older than `stamp`). */
export function precompiledValidator(file: string, name: string, stamp: string): import('ajv/dist/2020.js').ValidateFunction | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = require(file) as Precompiled;
    } catch {
      precompiled = null;
    }
  }
  const stamps = (precompiled as unknown as { stamps?: Record<string, string> } | null)?.stamps;
  if (!precompiled || !stamps || stamps[name] !== stamp) return undefined;
  return precompiled[name];
}

/** What a precompiled validator must have been compiled from: a digest of the schema's text. */
export function schemaStamp(schemaText: string): string {
  return createHash('sha256').update(schemaText).digest('base64').slice(0, 22);
}
