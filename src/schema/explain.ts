import type { ErrorObject } from './ajv.js';
import { escapeSegment, valueAt } from '../input/pointer.js';

/**
 * One real problem out of ajv's error list. `keyword` picks the message
 * template; `locateKey` asks for the property name's range rather than its
 * value (an unknown or forbidden field is the key itself).
 */
export interface SchemaProblem {
  path: string;
  keyword: string;
  locateKey?: boolean;
  data: Record<string, string | number>;
}

// Keywords whose own error only says "a sub-schema failed": the sub-schema's
// errors already say what is wrong, so these are the cascade to drop.
const STRUCTURAL = new Set(['if', 'then', 'else', 'allOf', '$ref']);
const ALTERNATIVES = new Set(['anyOf', 'oneOf']);

const KEYWORD_NAMES: Record<string, string> = {
  minLength: 'min-length',
  maxLength: 'max-length',
  minItems: 'min-items',
  maxItems: 'max-items',
  uniqueItems: 'unique-items',
  minimum: 'minimum',
  maximum: 'maximum',
  exclusiveMinimum: 'minimum',
  exclusiveMaximum: 'maximum',
  multipleOf: 'multiple-of',
  minProperties: 'min-properties',
};

/** A short, single-line rendering of a value for a message. */
export function renderValue(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // Cycles cannot come from parsed input, but absurd nesting can overflow the stack.
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : undefined;
  }
  if (text === undefined) text = typeof value === 'object' && value !== null ? '{…}' : String(value);
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
}

function lastSegment(path: string): string {
  const i = path.lastIndexOf('/');
  return path.slice(i + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

export function explainSchemaErrors(errors: readonly ErrorObject[] | null | undefined, data: unknown): SchemaProblem[] {
  if (!errors?.length) return [];
  const problems: SchemaProblem[] = [];
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));

  for (const e of errors) {
    if (STRUCTURAL.has(e.keyword)) continue;
    const at = e.instancePath;
    const params = e.params as Record<string, unknown>;
    if (ALTERNATIVES.has(e.keyword)) {
      // Only worth saying when none of the alternatives said anything more precise.
      if (errors.some((o) => o !== e && o.instancePath.startsWith(at) && !STRUCTURAL.has(o.keyword) && !ALTERNATIVES.has(o.keyword))) continue;
      problems.push({ path: at, keyword: 'no-alternative', data: { field: lastSegment(at), value: renderValue(valueAt(data, at)) } });
      continue;
    }
    switch (e.keyword) {
      case 'required':
      case 'dependentRequired': {
        const missing = String(params.missingProperty);
        problems.push({ path: at + '/' + escapeSegment(missing), keyword: 'required', data: { field: missing } });
        break;
      }
      case 'additionalProperties':
      case 'unevaluatedProperties': {
        const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
        problems.push({ path: at + '/' + escapeSegment(extra), keyword: 'unknown-field', locateKey: true, data: { field: extra } });
        break;
      }
      case 'false schema':
        problems.push({ path: at, keyword: 'forbidden', locateKey: true, data: { field: lastSegment(at) } });
        break;
      case 'type':
        problems.push({ path: at, keyword: 'type', data: { field: lastSegment(at), expected: String(params.type), value: renderValue(valueAt(data, at)) } });
        break;
      default: {
        // A wrong type already explains why enum/pattern/length failed too.
        if (typeFailed.has(at)) break;
        const value = renderValue(valueAt(data, at));
        const field = lastSegment(at);
        if (e.keyword === 'enum') {
          const allowed = (params.allowedValues as unknown[]).map((v) => String(v)).join(', ');
          problems.push({ path: at, keyword: 'enum', data: { field, value, expected: allowed } });
        } else if (e.keyword === 'const') {
          problems.push({ path: at, keyword: 'const', data: { field, value, expected: renderValue(params.allowedValue) } });
        } else if (e.keyword === 'pattern') {
          problems.push({ path: at, keyword: 'pattern', data: { field, value, expected: String(params.pattern) } });
        } else if (e.keyword === 'format') {
          problems.push({ path: at, keyword: 'format', data: { field, value, expected: String(params.format) } });
        } else if (KEYWORD_NAMES[e.keyword]) {
          problems.push({ path: at, keyword: KEYWORD_NAMES[e.keyword]!, data: { field, value, expected: String(params.limit ?? '') } });
        } else {
          problems.push({ path: at, keyword: 'other', data: { field, value, expected: e.message ?? e.keyword } });
        }
      }
    }
  }
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = p.path + '\0' + p.keyword;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One line for a person fixing a rule file, a config or rule options (these
 * go to stderr with exit status 2, so they are plain English like the
 * other usage errors).
 */
export function describeSchemaProblem(p: SchemaProblem): string {
  const where = p.path || '(top level)';
  const { field, value, expected } = p.data;
  switch (p.keyword) {
    case 'required':
      return `missing required field "${field}" at ${where}`;
    case 'unknown-field':
      return `unknown field "${field}" at ${where}`;
    case 'forbidden':
      return `field "${field}" is not allowed at ${where}`;
    case 'enum':
      return `${where} is ${value}; expected one of ${expected}`;
    case 'type':
      return `${where} must be of type ${expected}, got ${value}`;
    case 'format':
      // A pointer option that names no field would leave its rule silent on every record.
      if (expected === 'filing-pointer') return `${where} is ${value}, which names no field of the filing format`;
      return `${where} is ${value}; expected the format ${expected}`;
    default:
      return `${where}: ${p.keyword} ${expected ?? ''}`.trim();
  }
}
