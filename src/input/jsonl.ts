import type { ParseError } from 'jsonc-parser';
import { jsonc } from './jsonc.js';
import { jsonProblem, outlineValidJson } from './json.js';
import { locateInJsonText } from './json-locate.js';
import { countJsonPropertyNames, countParsedKeys } from './key-count.js';
import { LineIndex } from './line-index.js';
import { duplicatesToRanges, jsonScalarEdit, locatedRange, locateInOutline, SCANS_BEFORE_TREE, type OutlineBuilder, type PositionNode } from './position-tree.js';
import type { SourceItem, SourceRange, SourceRecord } from './source.js';

const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * JSON Lines: one record per non-blank line. A line that does not parse is a
 * fault of its own and the other lines are still records. Positions are built
 * only when a record is asked for one, since most records of a batch have no
 * message at all.
 */
export function parseJsonlText(text: string): SourceItem[] {
  const items: SourceItem[] = [];
  let lineNo = 0;
  let lineStart = 0;
  let index = 0;
  const visit = (line: string) => {
    lineNo++;
    if (line.trim() !== '') items.push(parseJsonLine(line, lineNo, index++));
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    visit(text.slice(lineStart, m.index));
    lineStart = m.index + m[0].length;
  }
  visit(text.slice(lineStart));
  return items;
}

/** Ranges inside one line, shifted to the line's number in the file. */
function lineRange(lines: LineIndex, lineNo: number, start: number, end: number): SourceRange {
  const r = lines.range(start, end);
  return { line: r.line + lineNo - 1, column: r.column, endLine: r.endLine + lineNo - 1, endColumn: r.endColumn };
}

export function parseJsonLine(line: string, lineNo: number, index: number): SourceItem {
  // A byte order mark at the start of a later line (files exported one by one, then concatenated)
  // is read past, so the record is still checked; columns count it, as an editor shows it.
  const skip = line.charCodeAt(0) === 0xfeff ? 1 : 0;
  const json = skip ? line.slice(1) : line;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    const errors: ParseError[] = [];
    jsonc().parseTree(json, errors, { disallowComments: true, allowTrailingComma: false });
    const e = errors[0];
    const lines = new LineIndex(line);
    const start = skip + (e?.offset ?? 0);
    return {
      kind: 'fault',
      index,
      reason: e ? jsonProblem(e) : 'json-invalid-symbol',
      range: lineRange(lines, lineNo, start, start + Math.max(1, e?.length ?? 0)),
    };
  }
  let repeated: boolean | undefined;
  // Whether some object of the line repeats a key: counted once, for the duplicate-key rule and for
  // every message's position (which then stops at a key's first occurrence when none repeats).
  const repeatsAKey = () => (repeated ??= countJsonPropertyNames(json) !== countParsedKeys(value));
  let built: { outline: OutlineBuilder; lines: LineIndex } | undefined;
  let lineIndex: LineIndex | undefined;
  let scans = 0;
  const outline = () => {
    if (!built) {
      const duplicates: OutlineBuilder['duplicates'] = [];
      let node: PositionNode;
      try {
        node = outlineValidJson(json, duplicates, skip);
      } catch {
        // jsonc-parser recurses; nesting deep enough to overflow it gets whole-line positions.
        node = { start: skip, end: line.length };
      }
      built = { outline: { node, duplicates }, lines: (lineIndex ??= new LineIndex(line)) };
    }
    return built;
  };
  const record: SourceRecord = {
    kind: 'record',
    index,
    value,
    line: lineNo,
    locate(pointer, options) {
      // One value's range needs no tree of the whole record (see json-locate.ts); the tree is built
      // for repeated keys or once the record has asked for many values, and is used once it exists.
      if (!built && ++scans > SCANS_BEFORE_TREE) outline();
      const r = built
        ? locateInOutline(built.outline.node, pointer, built.lines, options)
        : locatedRange(locateInJsonText(json, pointer, skip, !repeatsAKey()), (lineIndex ??= new LineIndex(line)), options);
      return { line: lineNo, column: r.column, endLine: lineNo, endColumn: r.endColumn };
    },
    duplicateKeys() {
      if (!repeatsAKey()) return [];
      const { outline: o, lines } = outline();
      return duplicatesToRanges(o, lines).map((d) => ({
        ...d,
        range: { ...d.range, line: lineNo, endLine: lineNo },
        firstLine: lineNo,
      }));
    },
    editScalar(pointer, text) {
      const { outline: o, lines } = outline();
      const edit = jsonScalarEdit(o.node, value, pointer, text, lines);
      // The line's own positions, numbered as the file's line: a string literal of JSON Lines never spans lines.
      return edit && { ...edit, line: lineNo, endLine: lineNo };
    },
  };
  return record;
}
