// What the input layer hands the engine: records with a way to find where any
// JSON Pointer of theirs sits in the file, and faults for what did not parse.

/** 1-based, columns in UTF-16 code units (as VS Code counts them), end exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LocateOptions {
  /** Point at the property's key instead of its value (e.g. an unknown field). */
  key?: boolean;
}

export interface DuplicateKey {
  /** Pointer of the repeated property (the later occurrence). */
  path: string;
  range: SourceRange;
  /** 1-based line of the first occurrence. */
  firstLine: number;
}

export interface SourceRecord {
  kind: 'record';
  /** 0-based index of the record inside its file. */
  index: number;
  value: unknown;
  /** Set when the whole record sits on one line (JSONL): its line, known without building positions. */
  line?: number;
  /** The record's first line, when known without building positions (a batch names earlier records by it). */
  startLine?: number;
  /** Range of the value at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string, options?: LocateOptions): SourceRange;
  /** Properties that appear twice in one object: the record is ambiguous. */
  duplicateKeys(): DuplicateKey[];
  /**
   * The edit that makes the string at `pointer` read `value` and leaves every
   * other character of the file as it is, written in the scalar's own style
   * (a JSON string literal; a plain, single- or double-quoted YAML scalar).
   * Undefined where that cannot be done safely: no string there, a YAML block
   * scalar, an alias, anchor or tag, or a text that would not read back as
   * `value` where it stands.
   */
  editScalar(pointer: string, value: string): ScalarEdit | undefined;
}

/** Replace the text of `range` with `text`. */
export interface ScalarEdit extends SourceRange {
  text: string;
}

/** A record (or a whole file) that could not be parsed. */
export interface SourceFault {
  kind: 'fault';
  index: number;
  /** Stable problem code (`json-comma-expected`, `yaml-syntax`, `empty-file`, …) that picks the message. */
  reason: string;
  /** The parser's own words, in English, when they add something. */
  detail?: string;
  range: SourceRange;
  /** Less than an error, for a fault that loses no record (a file that holds none); the rule's severity otherwise. */
  severity?: 'warning' | 'info';
}

export type SourceItem = SourceRecord | SourceFault;

export type SourceFormat = 'json' | 'jsonl' | 'yaml';
