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

/**
 * The name among `names` that `typed` is a slip of a key or two away from (an
 * edit distance of at most 2, and less than half the name), or undefined when
 * none is that close. A flag, a rule id and a field name are guessed alike.
 */
export function closestName(typed: string, names: Iterable<string>): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    if (name === typed) continue;
    const distance = editDistance(typed, name);
    if (distance <= 2 && distance < name.length / 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The schema object at a JSON Pointer such as ajv's `schemaPath` (`#/$defs/contacts`),
 * or undefined when the pointer leads nowhere in `root`.
 */
function schemaAt(root: unknown, pointer: string): Record<string, unknown> | undefined {
  let node = root;
  for (const segment of pointer.replace(/^#/, '').split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}

/**
 * The field an unknown one is most likely a misspelling of: the closest name
 * the failing object schema declares, leaving out names the object already
 * has (suggesting a field that is present would not fix anything).
 */
function intendedField(root: unknown, error: ErrorObject, extra: string, data: unknown): string | undefined {
  const objectSchema = schemaAt(root, error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/')));
  const declared = objectSchema?.properties;
  if (typeof declared !== 'object' || declared === null) return undefined;
  const present = valueAt(data, error.instancePath);
  const has = (name: string) => typeof present === 'object' && present !== null && Object.hasOwn(present, name);
  return closestName(
    extra,
    Object.keys(declared).filter((name) => !has(name)),
  );
}

function lastSegment(path: string): string {
  const i = path.lastIndexOf('/');
  return path.slice(i + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The real problems of ajv's `errors` for `data`. Given the `schema` the
 * errors came from, an unknown field that is close to a declared one is
 * reported as `unknown-field-did-you-mean`, naming the declared field as
 * `suggestion`.
 */
export function explainSchemaErrors(errors: readonly ErrorObject[] | null | undefined, data: unknown, schema?: unknown): SchemaProblem[] {
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
        const suggestion = schema === undefined ? undefined : intendedField(schema, e, extra, data);
        problems.push(
          suggestion === undefined
            ? { path: at + '/' + escapeSegment(extra), keyword: 'unknown-field', locateKey: true, data: { field: extra } }
            : { path: at + '/' + escapeSegment(extra), keyword: 'unknown-field-did-you-mean', locateKey: true, data: { field: extra, suggestion } },
        );
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
/**
 * A schema problem in each language, for the errors a user reads (a config
 * file, a rule's options): no library's English inside a Chinese sentence.
 */
export function describeSchemaProblemIn(p: SchemaProblem): { en: string; 'zh-CN': string } {
  return { en: describeSchemaProblem(p), 'zh-CN': describeSchemaProblemZh(p) };
}

/** What a limit keyword says the value must do, in Chinese; `#` is the limit. */
const LIMITS_ZH: Record<string, string> = {
  'min-length': '的长度至少为 #',
  'max-length': '的长度至多为 #',
  'min-items': '至少要有 # 项',
  'max-items': '至多只能有 # 项',
  minimum: '不能小于 #',
  maximum: '不能大于 #',
  'multiple-of': '须是 # 的倍数',
  'min-properties': '至少要有 # 个字段',
};

function describeSchemaProblemZh(p: SchemaProblem): string {
  const where = p.path || '顶层';
  const { field, value, expected } = p.data;
  switch (p.keyword) {
    case 'required': {
      const parent = p.path.slice(0, p.path.lastIndexOf('/'));
      return `${parent ? `${parent} 处` : '顶层'}缺少必填字段 "${field}"`;
    }
    case 'unknown-field':
      return `${where} 是未知的字段 "${field}"`;
    case 'unknown-field-did-you-mean':
      return `${where} 是未知的字段 "${field}"；是否想写 "${p.data.suggestion}"？`;
    case 'forbidden':
      return `此处不允许字段 "${field}"（${where}）`;
    case 'enum':
      return `${where} 的值是 ${value}；应为以下之一：${expected}`;
    case 'type':
      return `${where} 的类型应为 ${TYPE_NAMES_ZH[String(expected)] ?? expected}，实际是 ${value}`;
    case 'format':
      if (expected === 'filing-pointer') return `${where} 是 ${value}，它不指向备案格式中的任何字段`;
      return `${where} 的值 ${value} 不符合 ${expected} 格式`;
    case 'pattern':
      return `${where} 的值 ${value} 不符合格式 ${expected}`;
    case 'const':
      return `${where} 的值是 ${value}；应为 ${expected}`;
    case 'unique-items':
      return `${where} 中有重复的项`;
    case 'no-alternative':
      return `${where} 的值 ${value} 不符合任何一种允许的写法`;
    default:
      if (LIMITS_ZH[p.keyword]) return `${where} ${LIMITS_ZH[p.keyword]!.replace('#', String(expected))}`;
      return value === undefined ? `${where} 不符合要求` : `${where} 的值 ${value} 不符合要求`;
  }
}

const TYPE_NAMES_ZH: Record<string, string> = { string: '字符串', number: '数字', integer: '整数', boolean: '布尔值', object: '对象', array: '数组', null: 'null' };

export function describeSchemaProblem(p: SchemaProblem): string {
  const where = p.path || '(top level)';
  const { field, value, expected } = p.data;
  switch (p.keyword) {
    case 'required':
      return `missing required field "${field}" at ${where}`;
    case 'unknown-field':
      return `unknown field "${field}" at ${where}`;
    case 'unknown-field-did-you-mean':
      return `unknown field "${field}" at ${where}; did you mean "${p.data.suggestion}"?`;
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
