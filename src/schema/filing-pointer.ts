import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemasDir } from '../package-files.js';

// A rule option that points into the record (a date rule's `from` and `to`)
// names a field of the filing format. A typo there would not fail: the rule
// would find no value and stay silent on every record. So such an option is
// checked against the filing schema when the rule loads (format
// `filing-pointer`, see ajv.ts), and a pointer to no field is an invalid
// option, reported with the rule file's line like any other.

type Node = Record<string, unknown>;

let root: Node | undefined;

function schema(): Node {
  root ??= JSON.parse(readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8')) as Node;
  return root;
}

function isNode(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The schema a `$ref` into `#/$defs/` names, followed until none is left,
 * and the first title met on the way (a field's own title wins over its
 * definition's).
 */
function resolved(node: Node): { node: Node; title?: string } {
  let n = node;
  let title = typeof n.title === 'string' ? n.title : undefined;
  for (let hops = 0; typeof n.$ref === 'string' && hops < 16; hops++) {
    const name = /^#\/\$defs\/(.+)$/.exec(n.$ref)?.[1];
    const next = name === undefined ? undefined : (schema().$defs as Record<string, unknown> | undefined)?.[name];
    if (!isNode(next)) break;
    n = next;
    title ??= typeof n.title === 'string' ? n.title : undefined;
  }
  return title === undefined ? { node: n } : { node: n, title };
}

/**
 * The filing schema's description of the field an RFC 6901 pointer names:
 * each segment a property the schema declares at that level, or, under an
 * array, an index. Undefined when the schema describes no such field.
 */
export function filingFieldAt(pointer: string): { title?: string } | undefined {
  if (!pointer.startsWith('/')) return undefined;
  let at = resolved(schema());
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isNode(at.node.items) && /^(0|[1-9][0-9]*)$/.test(segment)) {
      at = resolved(at.node.items);
      continue;
    }
    const properties = at.node.properties;
    const next = isNode(properties) && Object.hasOwn(properties, segment) ? properties[segment] : undefined;
    if (!isNode(next)) return undefined;
    at = resolved(next);
  }
  return at.title === undefined ? {} : { title: at.title };
}

/** Whether an RFC 6901 pointer names a field the filing schema describes (filingFieldAt). */
export function isFilingPointer(pointer: string): boolean {
  return filingFieldAt(pointer) !== undefined;
}
