import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../engine/types.js';
import { schemasDir } from '../../package-files.js';

// A problem's field is shown by its title in the filing schema ("证件号码 /
// Document number"), in the report's language, beside its JSON Pointer: an
// official reads the title, a developer the pointer.

type Node = Record<string, unknown>;

let root: Node | undefined;

function schema(): Node {
  root ??= JSON.parse(readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8')) as Node;
  return root;
}

function isNode(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The schema a `$ref` into `#/$defs/` names, followed until none is left; the first title met on the way is kept. */
function resolved(node: Node): { node: Node; title?: string } {
  let n = node;
  let title = typeof n.title === 'string' ? n.title : undefined;
  for (let hops = 0; typeof n.$ref === 'string' && hops < 16; hops++) {
    const name = /^#\/\$defs\/(.+)$/.exec(n.$ref)?.[1];
    const next = name === undefined ? undefined : (schema().$defs as Node | undefined)?.[name];
    if (!isNode(next)) break;
    n = next;
    title ??= typeof n.title === 'string' ? n.title : undefined;
  }
  return title === undefined ? { node: n } : { node: n, title };
}

/** The bilingual title of the field a pointer names, or undefined when the schema has no such field. */
function bilingualTitle(pointer: string): string | undefined {
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
  return at.title;
}

/** One language's part of a schema title ("中文 / English"); a title in one language only is that. */
function titleIn(bilingual: string, locale: Locale): string {
  const cut = bilingual.indexOf(' / ');
  if (cut < 0) return bilingual;
  return locale === 'zh-CN' ? bilingual.slice(0, cut) : bilingual.slice(cut + 3);
}

/** Titles by pointer for one report; a batch's problems name few distinct fields. */
export class FieldTitles {
  private readonly known = new Map<string, string>();
  constructor(private readonly locale: Locale) {}

  /** The field's title in the locale, or '' for a path the schema does not describe (an unknown key, the whole record). */
  of(pointer: string): string {
    let title = this.known.get(pointer);
    if (title === undefined) {
      const bilingual = bilingualTitle(pointer);
      title = bilingual === undefined ? '' : titleIn(bilingual, this.locale);
      this.known.set(pointer, title);
    }
    return title;
  }
}
