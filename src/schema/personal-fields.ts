import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrayIndex, escapeSegment, pointerSegments } from '../input/pointer.js';
import { schemasDir } from '../package-files.js';

// Which fields of a filing record hold personal data is said in one place: the
// filing schema marks each such field with an annotation, for example
//
//   "mobile": { "title": "手机号码 / Mobile", "x-personal-data": "phone", "type": "string" }
//
// This module reads the marks into a table of fields, once per process, for
// every place that masks: the list of a record's personal values
// (src/engine/personal.ts) and the value a message quotes from a marked field.
// The annotation changes nothing the schema accepts; createAjv registers it so
// strict mode knows it (src/schema/ajv.ts) and refuses a kind not listed here.

/** The annotation keyword that marks a field of personal data. */
export const PERSONAL_DATA_KEYWORD = 'x-personal-data';

/** What a marked field holds; the engine masks each kind its own way (src/engine/messages.ts). */
export const PERSONAL_DATA_KINDS = ['id-number', 'phone', 'email', 'person-name'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** The segment of a field's pointer that stands for any item of an array. */
export const EVERY_ITEM = '*';

export interface PersonalField {
  /** Where the field is in a record, EVERY_ITEM standing for an array's items: `/principal/contacts/mobile`. */
  readonly pointer: string;
  /** The pointer's segments, unescaped. */
  readonly segments: readonly string[];
  readonly kind: PersonalDataKind;
  /** The schema location that carries the mark, e.g. `#/$defs/document/properties/number`; one mark can serve several fields. */
  readonly markedAt: string;
}

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isPersonalDataKind(v: unknown): v is PersonalDataKind {
  return (PERSONAL_DATA_KINDS as readonly unknown[]).includes(v);
}

/**
 * The marked fields of a schema, in the order its properties are declared,
 * following `properties`, `items` and `$ref`s into `#/$defs/`. A mark may sit
 * on the property or on the definition it refers to. A schema whose marks the
 * table could not hold exactly is refused rather than read in part: a mark
 * left out would be personal data printed in full.
 */
export function personalFieldsOf(schema: object): PersonalField[] {
  const root = schema as Node;
  const defs = isNode(root.$defs) ? root.$defs : {};
  const fields = new Map<string, PersonalField>();

  const visit = (node: Node, at: string, segments: readonly string[], expanding: readonly string[]): void => {
    const mark = node[PERSONAL_DATA_KEYWORD];
    if (mark !== undefined) {
      if (!isPersonalDataKind(mark)) {
        throw new Error(`${at}: ${PERSONAL_DATA_KEYWORD} is ${JSON.stringify(mark)}; expected one of ${PERSONAL_DATA_KINDS.join(', ')}`);
      }
      const pointer = segments.map((s) => '/' + (s === EVERY_ITEM ? s : escapeSegment(s))).join('');
      const known = fields.get(pointer);
      if (known && known.kind !== mark) throw new Error(`${at}: ${pointer} is marked both ${known.kind} (at ${known.markedAt}) and ${mark}`);
      if (!known) fields.set(pointer, Object.freeze({ pointer, segments, kind: mark, markedAt: at }));
    }
    if (typeof node.$ref === 'string') {
      const name = /^#\/\$defs\/([^/~]+)$/.exec(node.$ref)?.[1];
      const target = name === undefined ? undefined : defs[name];
      if (name === undefined || !isNode(target)) throw new Error(`${at}: cannot follow $ref ${node.$ref} to look for ${PERSONAL_DATA_KEYWORD} marks`);
      // A definition that contains itself would give its fields no fixed pointers.
      if (expanding.includes(name)) throw new Error(`${at}: $ref ${node.$ref} refers to itself; marked fields need fixed pointers`);
      visit(target, `#/$defs/${name}`, segments, [...expanding, name]);
    }
    if (isNode(node.properties)) {
      for (const [key, sub] of Object.entries(node.properties)) {
        // A property named like the item wildcard would make a pointer that means two things.
        if (key === EVERY_ITEM) throw new Error(`${at}/properties: a property named ${EVERY_ITEM} cannot be told from an array's items`);
        if (isNode(sub)) visit(sub, `${at}/properties/${escapeSegment(key)}`, Object.freeze([...segments, key]), expanding);
      }
    }
    if (isNode(node.items)) visit(node.items, `${at}/items`, Object.freeze([...segments, EVERY_ITEM]), expanding);
  };

  visit(root, '#', Object.freeze([]), []);
  return [...fields.values()];
}

let filingFields: readonly PersonalField[] | undefined;

/**
 * The marked fields of the filing schema. Read on first use rather than when
 * the module loads: ajv.ts imports this module for the keyword's name, and a
 * run that only validates a config file need not read the filing schema.
 */
export function personalFields(): readonly PersonalField[] {
  filingFields ??= Object.freeze(personalFieldsOf(JSON.parse(readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8')) as object));
  return filingFields;
}

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p === EVERY_ITEM ? arrayIndex(segments[i]!) < 0 : p !== segments[i]) return false;
  }
  return true;
}

/**
 * The marked field a path names: an RFC 6901 pointer into a record, with
 * array indexes (`/verification/onSite/documents/2/number`), as a message has.
 */
export function personalFieldAt(path: string): PersonalField | undefined {
  if (!path.startsWith('/')) return undefined;
  const segments = pointerSegments(path);
  return personalFields().find((f) => matches(f.segments, segments));
}

/**
 * The values a record holds at a field, one for each array item its pointer
 * passes through. A step the record does not have (a missing property, an
 * object where the schema has an array) yields nothing: records are untrusted
 * and may be any shape.
 */
export function valuesAtField(record: unknown, field: PersonalField): unknown[] {
  let nodes: unknown[] = [record];
  for (const segment of field.segments) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (segment === EVERY_ITEM) {
        if (Array.isArray(node)) next.push(...node);
      } else if (isNode(node) && Object.hasOwn(node, segment)) {
        next.push(node[segment]);
      }
    }
    nodes = next;
  }
  return nodes;
}
