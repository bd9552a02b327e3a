// Where records come from. A file read whole, a JSONL file or a range of
// its lines, a large JSON array or a range of its elements, and a text held
// in memory (an editor buffer, stdin) all give their records through one
// interface, so the code that lints them and the code that reads reported
// records again for their messages never ask how the file is stored.

import { closeSync, openSync, readFileSync } from 'node:fs';
import { formatOf, iterateSource } from './index.js';
import { JsonArrayReader, JsonArrayScan, jsonArrayProblem, readArrayElement, SCAN_STEP_BYTES, SPAN, SPAN_START, spanCount, streamedJsonArray } from './json-array-stream.js';
import { JsonlLineReader, readJsonlFile, type JsonlRange } from './jsonl-stream.js';
import { ReadWindow } from './read-all.js';
import { decodeSource, errorCode, readSource, readSourceSync } from './read-file.js';
import { MAX_OUTLINE_DEPTH } from './position-tree.js';
import { nestingDepth } from './record-scan.js';
import type { SourceFault, SourceFormat, SourceItem, SourceRecord } from './source.js';

/** One reading of a source, or of a piece of it. */
export interface RecordReading {
  /**
   * The records and faults in input order, indexes counting from the piece's
   * start. A read that fails part-way (the file vanished) ends with a
   * `read-error` fault where it stopped: what was read stands.
   */
  readonly items: Iterable<SourceItem> | AsyncIterable<SourceItem>;
  /** How far into the file the reading has come, in bytes, for a progress display. */
  readonly bytesRead: number;
  /** Lines of the piece, once its items are read: the next piece of the same file numbers on from here (JSONL ranges). */
  readonly lines: number;
}

/** Where a record was, as a run remembers it to read the record again. */
export interface RecordPlace {
  /** Index in the file. */
  record: number;
  /** The record's first line. */
  line: number;
  /** Where the record starts in the file when it was streamed (a JSONL line, an array element), else -1. */
  byteOffset: number;
}

export interface RecordSource {
  readonly filePath: string;
  /** Reads the records. */
  read(): RecordReading;
  /**
   * Reads again the records at the places `next` gives, which come in input
   * order, and hands each to `visit`, with undefined for one that can no
   * longer be read (the file changed or vanished since).
   */
  recordsAt<P extends RecordPlace>(next: () => P | undefined, visit: (place: P, record: SourceRecord | undefined) => void): void;
}

/**
 * The deepest a record may nest. A filing nests a few levels; one deeper
 * than this is a `too-deep` fault, decided here by counting, so that every
 * thread decides it alike (what a recursive parser or rule can take depends
 * on its thread's stack).
 */
export const MAX_NESTING = MAX_OUTLINE_DEPTH;

/** The item, or a `too-deep` fault at its first line for a record that nests deeper than MAX_NESTING. */
function withinDepth(item: SourceItem): SourceItem {
  if (item.kind !== 'record' || nestingDepth(item.value) <= MAX_NESTING) return item;
  const line = item.line ?? item.startLine ?? 1;
  const fault: SourceFault = { kind: 'fault', index: item.index, reason: 'too-deep', range: { line, column: 1, endLine: line, endColumn: 1 } };
  return 'byteOffset' in item ? Object.assign(fault, { byteOffset: item.byteOffset }) : fault;
}

/**
 * The largest files read whole, by format. Reading whole holds a file's
 * text and everything parsed from it at once: a YAML document's nodes take
 * some fifty times its size, a JSON value a few times. These bounds keep a
 * single file's peak memory near 1 GB; larger batches are JSONL (streamed
 * line by line) or one JSON array (streamed element by element), which have
 * no such limit.
 */
export const WHOLE_READ_BYTES: Readonly<Record<SourceFormat, number>> = { yaml: 16 * 1024 * 1024, json: 64 * 1024 * 1024, jsonl: Number.POSITIVE_INFINITY };

/** Files up to this size are read blocking: a round trip to the thread pool per file costs more than linting a one-filing file (measured: bench/RESULTS.md). */
const SMALL_FILE_BYTES = 1024 * 1024;

export function faultAt(reason: string, detail: string, index = 0, line = 1): SourceFault {
  return { kind: 'fault', index, reason, detail, range: { line, column: 1, endLine: line, endColumn: 1 } };
}

/**
 * What an error thrown while a text was read or linted makes of it: the
 * parsers and some rules recurse, so nesting deep enough to exhaust the
 * stack is a fault of the file (`too-deep`), at item `index`; anything else
 * is an `internal` fault with the error's words.
 */
export function thrownFault(e: unknown, index: number): SourceFault {
  const tooDeep = e instanceof RangeError;
  const fault: SourceFault = { kind: 'fault', index, reason: tooDeep ? 'too-deep' : 'internal', range: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
  if (!tooDeep) fault.detail = (e as Error).message;
  return fault;
}

/** Runs `take` on each item, without an await per item when the items are at hand. */
export async function eachItem(items: Iterable<SourceItem> | AsyncIterable<SourceItem>, take: (item: SourceItem) => void): Promise<void> {
  if (Symbol.asyncIterator in items) {
    for await (const item of items) take(item);
  } else {
    for (const item of items) take(item);
  }
}

/** A `file-too-large` fault for a source of `size` bytes; `why` adds why it was not streamed. */
export function tooLarge(size: number, maxFileSize: number, why = ''): SourceFault {
  return faultAt('file-too-large', `${Math.ceil(size / 1048576)} MiB > ${Math.floor(maxFileSize / 1048576)} MiB${why}`);
}

/**
 * Bytes read from a stream (stdin) as a source, judged as a file's are: text
 * that is not UTF-8, binary, or larger than `maxFileSize` (`size` counts what
 * the stream held, `bytes` what was kept of it) is one fault, not records.
 */
export function bytesSource(filePath: string, bytes: Uint8Array, size: number, maxFileSize: number): RecordSource {
  if (size > maxFileSize) return faultSource(filePath, tooLarge(size, maxFileSize));
  const format = formatOf(filePath);
  if (format && size > WHOLE_READ_BYTES[format]) return faultSource(filePath, faultAt('too-large-to-read-whole', `${Math.ceil(size / 1048576)} MiB`));
  const outcome = decodeSource(bytes);
  return outcome.ok ? textSource(filePath, outcome.text) : faultSource(filePath, faultAt(outcome.reason, outcome.detail));
}

/** A source that is one fault. */
function faultSource(filePath: string, fault: SourceFault): RecordSource {
  return { filePath, read: () => ({ items: [fault], bytesRead: 0, lines: 0 }), recordsAt: (next, visit) => revisitInOrder([], next, visit) };
}

/** A text already in memory, in a known format (or none: then it is one `unsupported-format` fault). */
export function textSource(filePath: string, text: string, format: SourceFormat | undefined = formatOf(filePath)): RecordSource {
  return {
    filePath,
    read: () => ({ items: textItems(filePath, text, format), bytesRead: 0, lines: 0 }),
    recordsAt: (next, visit) => revisitInOrder(format ? iterateSource(text, format) : [], next, visit),
  };
}

function* textItems(filePath: string, text: string, format: SourceFormat | undefined): Iterable<SourceItem> {
  if (!format) {
    yield faultAt('unsupported-format', filePath.slice(filePath.lastIndexOf('/') + 1));
    return;
  }
  let seen = 0;
  try {
    for (const item of iterateSource(text, format)) {
      seen++;
      yield withinDepth(item);
    }
  } catch (e) {
    yield thrownFault(e, seen);
  }
}

/**
 * A file read whole (JSON, YAML, or a file of no known format, which still
 * has to be read to say whether it can be): `size` is what it had when it
 * was listed, and one larger than `maxFileSize` is a fault, never read.
 */
export function wholeFileSource(filePath: string, size: number, maxFileSize: number, format: SourceFormat | undefined = formatOf(filePath)): RecordSource {
  return {
    filePath,
    read: () => ({ items: wholeFileItems(filePath, format, size, maxFileSize), bytesRead: 0, lines: 0 }),
    recordsAt: (next, visit) => {
      let text: string | undefined;
      try {
        const outcome = decodeSource(readFileSync(filePath));
        if (outcome.ok) text = outcome.text;
      } catch {
        // Unreadable now: every place is visited with no record.
      }
      revisitInOrder(text !== undefined && format ? iterateSource(text, format) : [], next, visit);
    },
  };
}

async function* wholeFileItems(filePath: string, format: SourceFormat | undefined, size: number, maxFileSize: number): AsyncIterable<SourceItem> {
  if (format && size > maxFileSize) {
    yield tooLarge(size, maxFileSize, whyNotStreamed(filePath, format));
    return;
  }
  if (format && size > WHOLE_READ_BYTES[format]) {
    yield faultAt('too-large-to-read-whole', `${Math.ceil(size / 1048576)} MiB${whyNotStreamed(filePath, format)}`);
    return;
  }
  const outcome = size <= SMALL_FILE_BYTES ? readSourceSync(filePath, size) : await readSource(filePath);
  if (!outcome.ok) {
    yield faultAt(outcome.reason, outcome.detail);
    return;
  }
  yield* textItems(filePath, outcome.text, format);
}

/**
 * For a `.json` file too large to read whole: what keeps it from being read
 * as a stream, which has no such limit. Most often one missing comma or
 * bracket in an export of millions of filings, and its line is the fix.
 */
function whyNotStreamed(filePath: string, format: SourceFormat): string {
  if (format !== 'json') return '';
  let problem: string | undefined;
  try {
    problem = jsonArrayProblem(filePath);
  } catch {
    return '';
  }
  return problem ? `; not streamed, as it is not one well-formed JSON array: ${problem}` : '';
}

/** A JSON Lines file, or one range of its lines (see jsonlRanges), numbered by the file's lines. */
export function jsonlFileSource(filePath: string, maxLineBytes: number, range?: JsonlRange): RecordSource {
  return {
    filePath,
    read: () => {
      const progress = { bytesRead: range?.start ?? 0, lines: 0 };
      return Object.assign(progress, { items: jsonlItems(filePath, maxLineBytes, range, progress) });
    },
    recordsAt: (next, visit) => {
      let fd = -1;
      try {
        fd = openSync(filePath, 'r');
      } catch {
        // Unreadable now: the places are visited with no record.
      }
      try {
        const lines = fd >= 0 ? new JsonlLineReader(fd, maxLineBytes) : undefined;
        for (let place = next(); place; place = next()) {
          let item: SourceItem | undefined;
          try {
            item = lines && place.byteOffset >= 0 ? lines.lineAt(place.byteOffset, place.line, place.record) : undefined;
          } catch {
            item = undefined;
          }
          visit(place, item?.kind === 'record' ? item : undefined);
        }
      } finally {
        if (fd >= 0) closeSync(fd);
      }
    },
  };
}

async function* jsonlItems(filePath: string, maxLineBytes: number, range: JsonlRange | undefined, reading: { bytesRead: number; lines: number }): AsyncIterable<SourceItem> {
  const stream = readJsonlFile(filePath, { maxLineBytes, ...(range ? { start: range.start, end: range.end, firstLine: range.firstLine } : {}) });
  const linesBefore = (range?.firstLine ?? 1) - 1;
  let lastLine = linesBefore;
  let count = 0;
  try {
    for (let r = await stream.next(); ; r = await stream.next()) {
      if (r.done) {
        reading.lines = r.value.lines;
        return;
      }
      const item = r.value;
      lastLine = item.kind === 'record' ? (item.line ?? lastLine) : item.range.line;
      reading.bytesRead = item.byteOffset;
      count++;
      yield withinDepth(item);
    }
  } catch (e) {
    reading.lines = lastLine + 1 - linesBefore;
    yield faultAt('read-error', errorCode(e), count, lastLine + 1);
  }
}

/**
 * A `.json` file read an element at a time: the elements of `spans`, a
 * range a first pass found (JsonArrayScan), then `tail`, the fault where
 * the array breaks, if the range is its last; or the whole file of `size`
 * bytes, scanned here first. A file that is not an array with a whole
 * element is read whole instead.
 */
export function jsonArraySource(filePath: string, maxElementBytes: number, piece: { spans: Float64Array; tail?: SourceFault } | { size: number }): RecordSource {
  return {
    filePath,
    read: () => {
      const reader = 'spans' in piece ? new JsonArrayReader(filePath, piece.spans, maxElementBytes, piece.tail) : streamedJsonArray(filePath, 0, maxElementBytes);
      if (!reader) return wholeFileSource(filePath, 'size' in piece ? piece.size : 0, maxElementBytes).read();
      return {
        items: arrayItems(reader),
        get bytesRead() {
          return reader.bytesRead;
        },
        lines: 0,
      };
    },
    recordsAt: (next, visit) => revisitArrayElements(filePath, maxElementBytes, next, visit),
  };
}

function* arrayItems(reader: JsonArrayReader): Iterable<SourceItem> {
  let lastLine = 0;
  let count = 0;
  try {
    for (const item of reader) {
      lastLine = item.kind === 'record' ? (item.startLine ?? lastLine) : item.range.line;
      count++;
      yield withinDepth(item);
    }
  } catch (e) {
    yield faultAt('read-error', errorCode(e), count, lastLine + 1);
  }
}

/**
 * The source a record of a file was read from, to read it again: a record
 * with a byte offset was streamed, from a JSONL file or a large JSON array;
 * any other was read with its whole file.
 */
export function storedSource(filePath: string, streamed: boolean, maxRecordBytes: number): RecordSource {
  if (!streamed) return wholeFileSource(filePath, 0, Number.MAX_SAFE_INTEGER);
  return formatOf(filePath) === 'json' ? jsonArraySource(filePath, maxRecordBytes, { size: 0 }) : jsonlFileSource(filePath, maxRecordBytes);
}

/** Visits the places in order against a source's items, read once from the start. */
function revisitInOrder<P extends RecordPlace>(items: Iterable<SourceItem>, next: () => P | undefined, visit: (place: P, record: SourceRecord | undefined) => void): void {
  let pending = next();
  const iterator = items[Symbol.iterator]();
  while (pending) {
    let step: IteratorResult<SourceItem>;
    try {
      step = iterator.next();
    } catch {
      // A parser that gives up on the text (nesting deeper than its stack): as if unreadable.
      break;
    }
    if (step.done) break;
    const item = step.value;
    if (item.kind !== 'record') continue;
    for (; pending && pending.record < item.index; pending = next()) visit(pending, undefined);
    if (pending && pending.record === item.index) {
      visit(pending, item);
      pending = next();
    }
  }
  iterator.return?.();
  for (; pending; pending = next()) visit(pending, undefined);
}

/**
 * The reported elements of a JSON array that was read an element at a
 * time: its first pass runs again until the last of them, and only they are
 * read and parsed (a repeat near the end of a large array would otherwise
 * have every element before it parsed again). An element whose span no
 * longer starts where it did, or that cannot be read, is undefined: the
 * file changed since it was linted.
 */
function revisitArrayElements<P extends RecordPlace>(filePath: string, maxElementBytes: number, next: () => P | undefined, visit: (place: P, record: SourceRecord | undefined) => void): void {
  let pending = next();
  let fd = -1;
  try {
    fd = openSync(filePath, 'r');
    const scan = new JsonArrayScan(fd);
    const elements = new ReadWindow(fd);
    let index = 0;
    while (pending) {
      const outcome = scan.step(SCAN_STEP_BYTES);
      const spans = scan.take();
      for (let at = 0; at < spanCount(spans) && pending; at++, index++) {
        for (; pending && pending.record < index; pending = next()) visit(pending, undefined);
        if (!pending || pending.record !== index) continue;
        let item: SourceItem | undefined;
        try {
          item = spans[at * SPAN + SPAN_START] === pending.byteOffset ? readArrayElement(elements, spans, at, index, maxElementBytes) : undefined;
        } catch {
          item = undefined;
        }
        visit(pending, item?.kind === 'record' ? item : undefined);
        pending = next();
      }
      if (outcome !== 'more') break;
    }
  } catch {
    // Unreadable now: the remaining places are visited with no record.
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  for (; pending; pending = next()) visit(pending, undefined);
}
