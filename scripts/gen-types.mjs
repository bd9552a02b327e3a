// Generates src/generated/*.ts from the JSON Schemas in schemas/ with
// json-schema-to-typescript. Run `npm run gen` after changing a schema;
// tests/generated.test.ts fails when the checked-in types drift.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = new URL('../', import.meta.url);

const TARGETS = [
  { schema: 'schemas/filing.schema.json', out: 'src/generated/filing.ts', name: 'FilingRecord' },
  { schema: 'schemas/rule.schema.json', out: 'src/generated/rule-file.ts', name: 'RuleFileSchema' },
  { schema: 'schemas/config.schema.json', out: 'src/generated/config.ts', name: 'ConfigFile' },
];

/**
 * Our titles are bilingual prose ("网站负责人 / Website principal"), which
 * json-schema-to-typescript would turn into type names; fold them into the
 * doc comment instead so names come from property and $defs keys.
 */
function titlesToComments(node) {
  if (Array.isArray(node)) return node.map(titlesToComments);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'title' && typeof value === 'string') continue;
    out[key] = key === 'properties' || key === '$defs' || key === 'patternProperties'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, titlesToComments(v)]))
      : titlesToComments(value);
  }
  if (typeof node.title === 'string') {
    out.description = node.description ? `${node.title}\n\n${node.description}` : node.title;
  }
  return out;
}

/**
 * What json-schema-to-typescript would render other than the schema means.
 * With `additionalProperties: false` as its default (so that objects of
 * known fields get no index signature), an object schema that names no
 * fields at all (a check's `options`, a rule's `schema` fragment) would
 * become `{}`: it is any JSON object, so say so. A `oneOf` or `anyOf` whose
 * branches only say which of the declared fields must or must not be present
 * (a rule has `check` or `schema`) adds no shape, yet would come out as an
 * index signature that lets any property name through; the validator keeps
 * enforcing it.
 */
function schemaShapes(node) {
  if (Array.isArray(node)) return node.map(schemaShapes);
  if (node === null || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, schemaShapes(value)]));
  for (const combinator of ['oneOf', 'anyOf']) {
    const branches = out[combinator];
    if (out.properties && Array.isArray(branches) && branches.every(isPresenceOnly)) delete out[combinator];
  }
  const namesFields = 'properties' in out || 'patternProperties' in out || 'additionalProperties' in out;
  if (out.type === 'object' && !namesFields) out.additionalProperties = true;
  return out;
}

/** A schema that only requires fields or forbids them (`not: { required: [...] }`). */
function isPresenceOnly(branch) {
  return Object.entries(branch).every(([key, value]) => key === 'required' || (key === 'not' && isPresenceOnly(value)));
}

export async function generateTypes() {
  const files = {};
  for (const t of TARGETS) {
    const schema = JSON.parse(await readFile(new URL(t.schema, root), 'utf8'));
    const prepared = schemaShapes(titlesToComments({ ...schema, title: undefined }));
    delete prepared.$id;
    const ts = await compile(prepared, t.name, {
      bannerComment: `/* Generated from ${t.schema} by scripts/gen-types.mjs (npm run gen). Do not edit. */`,
      additionalProperties: false,
      // Counts are the validator's to enforce: as tuple types ([Example, Example, ...Example[]])
      // they would make every list built in code, a rule made up in a test, spell out its first items.
      ignoreMinAndMaxItems: true,
      unreachableDefinitions: true,
      style: { singleQuote: true, printWidth: 120 },
    });
    files[t.out] = ts;
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await generateTypes();
  await mkdir(new URL('src/generated/', root), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await writeFile(new URL(path, root), content);
    console.log(`wrote ${path}`);
  }
}
