import { iterateJsonFile, parseJsonFile } from './json.js';
import { parseJsonlText } from './jsonl.js';
import { parseYamlText } from './yaml.js';
import type { SourceFormat, SourceItem } from './source.js';

export type { SourceFormat, SourceItem, SourceRecord, SourceFault, SourceRange, DuplicateKey, LocateOptions, ScalarEdit } from './source.js';
export { LineIndex } from './line-index.js';
export { compilePointer, escapeSegment, pointerSegments, valueAt, type CompiledPointer, type Pointer } from './pointer.js';

const EXTENSIONS: Record<string, SourceFormat> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export function formatOf(filePath: string): SourceFormat | undefined {
  const m = /\.[^./\\]+$/.exec(filePath.toLowerCase());
  return m ? EXTENSIONS[m[0]] : undefined;
}

/**
 * A byte-order mark is not a column in VS Code, so it is dropped before any
 * offset is taken; everything after it keeps its real line and column.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The records of a text one at a time: a large JSON batch is never held parsed all at once. */
export function iterateSource(text: string, format: SourceFormat): Iterable<SourceItem> {
  return format === 'json' ? iterateJsonFile(stripBom(text)) : parseSource(text, format);
}

export function parseSource(text: string, format: SourceFormat): SourceItem[] {
  const body = stripBom(text);
  switch (format) {
    case 'json':
      return parseJsonFile(body);
    case 'jsonl':
      return parseJsonlText(body);
    case 'yaml':
      return parseYamlText(body);
  }
}
