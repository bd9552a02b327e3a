// Hover and completion from the filing schema, by the JSON and YAML language
// services editors already use (vscode-json-languageservice and
// yaml-language-server): they walk the schema, resolve $refs and know where
// in a document the cursor is, which a hand-written walk would redo badly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService as jsonLanguageService, type LanguageService as JsonLanguageService } from 'vscode-json-languageservice';
import type { CompletionList, Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService as yamlLanguageService, type LanguageService as YamlLanguageService } from 'yaml-language-server';
import type { Locale } from '../engine/index.js';
import { schemasDir } from '../package-files.js';

/**
 * The schema writes each title and description in both languages, Chinese
 * first: `证件类型 / Document type`. The separator is the first ` / `
 * between a character outside ASCII (the end of the Chinese, often `。`)
 * and one inside it (the English): the Chinese itself may say
 * `approved / returned`, and the English `owner / verification`.
 */
export function localizedText(text: string, locale: Locale): string {
  const at = /(?<=[^\x00-\x7f]) \/ (?=[\x00-\x7f])/.exec(text);
  const split = at ? at.index : text.indexOf(' / ');
  if (split < 0) return text;
  return locale === 'zh-CN' ? text.slice(0, split) : text.slice(split + 3);
}

/** A copy of a schema whose titles and descriptions are in one language. */
export function localizedSchema(schema: unknown, locale: Locale): unknown {
  if (Array.isArray(schema)) return schema.map((s) => localizedSchema(s, locale));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // `properties` and `$defs` are maps of names, whose entry named `title` is a schema, not a text.
    const isText = (key === 'title' || key === 'description') && typeof value === 'string';
    out[key] = isText ? localizedText(value, locale) : localizedSchema(value, locale);
  }
  return out;
}

let filingSchemaText: string | undefined;

function filingSchema(): unknown {
  filingSchemaText ??= readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8');
  return JSON.parse(filingSchemaText) as unknown;
}

/** The schema's address for the services: one per locale, so each keeps its own resolved copy. */
function schemaUri(locale: Locale): string {
  return `${pathToFileURL(join(schemasDir, 'filing.schema.json')).href}?locale=${locale}`;
}

/**
 * The two language services, set up with the filing schema in one locale
 * for every document the server lints. Documents are handed in as they are;
 * neither service reads a file or fetches a schema from the network.
 */
export class SchemaServices {
  private readonly json: JsonLanguageService;
  private readonly yaml: YamlLanguageService;

  constructor(readonly locale: Locale) {
    const schema = localizedSchema(filingSchema(), locale) as Record<string, unknown>;
    const uri = schemaUri(locale);
    // Nothing is fetched. A document naming the filing schema itself ("$schema", or the YAML
    // modeline the examples carry) gets this locale's copy; any other schema is refused.
    const schemaText = JSON.stringify(schema);
    const onlyFilingSchema = (requested: string) =>
      /(^|\/)filing\.schema\.json([?#].*)?$/.test(requested) ? Promise.resolve(schemaText) : Promise.reject(new Error(`beianlint does not load schemas (${requested})`));
    this.json = jsonLanguageService({ schemaRequestService: onlyFilingSchema });
    this.json.configure({ validate: false, allowComments: true, schemas: [{ uri, fileMatch: ['*'], schema }] });
    this.yaml = yamlLanguageService({
      schemaRequestService: onlyFilingSchema,
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
    });
    this.yaml.configure({ validate: false, hover: true, completion: true, hoverSchemaSource: false, schemas: [{ uri, fileMatch: ['*'], schema }] });
  }

  async hover(document: TextDocument, format: 'json' | 'yaml', position: Position): Promise<Hover | null> {
    if (format === 'yaml') return this.yaml.doHover(document, position);
    return this.json.doHover(document, position, this.json.parseJSONDocument(document));
  }

  async complete(document: TextDocument, format: 'json' | 'yaml', position: Position): Promise<CompletionList | null> {
    if (format === 'yaml') return this.yaml.doComplete(document, position, false);
    return this.json.doComplete(document, position, this.json.parseJSONDocument(document));
  }
}
