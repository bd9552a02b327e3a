import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { arrayElementItem } from './json.js';
import { PieceLineIndex } from './line-index.js';
import { ReadWindow } from './read-all.js';
import type { SourceFault, SourceItem } from './source.js';
import type { StreamedItem } from './jsonl-stream.js';

// A JSON batch read whole needs its bytes, its text (two bytes a character
// once it holds any Chinese) and a line index at once, several times the
// file's size, and a file past --max-file-size is not read at all. A
// well-formed top-level array is instead read element by element, as JSONL
// is, after a first pass over its bytes has vouched for it; anything else is
// read whole as before, so its faults and recovery are unchanged.

/**
 * `.json` files from this size on are read an element at a time when they are
 * one well-formed array; smaller ones are read whole, which is as fast and
 * keeps one reader for everyday files.
 */
export const STREAM_JSON_BYTES = 16 * 1024 * 1024;

/** Where one top-level element of a JSON array lies in the file. */
export interface ElementSpan {
  /** Bytes [start, end) of the element, without the whitespace around it. */
  start: number;
  end: number;
  /** 1-based line of its first byte, and the UTF-16 code units before that byte on its line. */
  line: number;
  column: number;
}

/** Numbers per element in a spans array (start, end, line, column, as ElementSpan), and where each sits. */
export const SPAN = 4;
export const SPAN_START = 0;
export const SPAN_END = 1;
export const SPAN_LINE = 2;
export const SPAN_COLUMN = 3;

/** Element `i` of a spans array. */
export function spanAt(spans: Float64Array, i: number): ElementSpan {
  const at = i * SPAN;
  return { start: spans[at + SPAN_START]!, end: spans[at + SPAN_END]!, line: spans[at + SPAN_LINE]!, column: spans[at + SPAN_COLUMN]! };
}

/** How many elements a spans array has. */
export function spanCount(spans: Float64Array): number {
  return spans.length / SPAN;
}

const READ_BYTES = 1 << 20;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Finds the elements of a top-level JSON array in a file's bytes, fed in
 * order, exactly where topLevelElements finds them in the decoded text: JSON's
 * structural characters are ASCII, and UTF-8 never uses an ASCII byte inside
 * another character. Lines end at LF, CRLF or a lone CR; columns count UTF-16
 * code units, as LineIndex does. A file with a NUL byte, invalid UTF-8 or
 * anything but one array of comma-separated values is `invalid`.
 */
export class JsonArrayScanner {
  /** Spans found by the last feed, in order. */
  readonly found: ElementSpan[] = [];
  invalid = false;
  private elements = 0;
  /** 0 before the array, 1 inside it, 2 after it. */
  private phase = 0;
  private inString = false;
  private escaped = false;
  private depth = 0;
  private start = -1;
  private startLine = 0;
  private startColumn = 0;
  private end = -1;
  private line = 1;
  private column = 0;
  private afterCr = false;
  /** The bytes of a character cut by the end of the previous chunk, for the UTF-8 check. */
  private cut: Buffer = Buffer.alloc(0);

  /**
   * Scans the next chunk of the file. Why it is long: it is the lexer's one
   * loop over bytes, every state of the scan in one place; cut into calls per
   * byte class it would read no easier and cost a call per byte.
   */
  feed(chunk: Buffer, position: number): void {
    this.found.length = 0;
    if (this.invalid) return;
    if (!this.utf8(chunk)) return this.fail('invalid UTF-8');
    let { phase, inString, escaped, depth, start, end, line, column, afterCr } = this;
    const n = chunk.length;
    // `column` is the column at chunk[counted]: the bytes from there on are counted only when a column
    // is needed (an element's start, a problem's place) or the chunk ends, since most of them are
    // inside strings, which are skipped whole. (Counted a byte at a time, the first pass kept the
    // workers waiting before they could start.)
    let counted = 0;
    // Inside a string only a quote, a backslash, a line break and NUL matter: the next of each is found
    // with the native indexOf and kept until passed. -1: not looked for yet; n: none left in the chunk.
    let nextQuote = -1;
    let nextBackslash = -1;
    let nextLf = -1;
    let nextCr = -1;
    let nextNul = -1;
    for (let i = 0; i < n; i++) {
      if (inString && !escaped) {
        if (nextQuote < i) nextQuote = indexOrEnd(chunk, 34, i);
        if (nextBackslash < i) nextBackslash = indexOrEnd(chunk, 92, i);
        if (nextLf < i) nextLf = indexOrEnd(chunk, 10, i);
        if (nextCr < i) nextCr = indexOrEnd(chunk, 13, i);
        if (nextNul < i) nextNul = indexOrEnd(chunk, 0, i);
        const stop = Math.min(nextQuote, nextBackslash, nextLf, nextCr, nextNul);
        if (stop > i) {
          afterCr = false;
          i = stop;
          if (i >= n) break;
        }
      }
      const b = chunk[i]!;
      const at = position + i;
      // The decoder drops a byte order mark, so it is no column; anything else there fails below.
      if (at < 3 && b === BOM[at]) {
        counted = i + 1;
        continue;
      }
      if (b === 0) return this.fail(`a NUL byte at line ${line}`);
      if (inString) {
        if (escaped) escaped = false;
        else if (b === 92 /* \ */) escaped = true;
        else if (b === 34 /* " */) {
          inString = false;
          end = at + 1;
        }
      } else if (b !== 32 && b !== 9 && b !== 10 && b !== 13) {
        if (phase === 0) {
          if (b !== 91 /* [ */) return this.fail('it does not start with [');
          phase = 1;
        } else if (phase === 2) {
          return this.fail(`${place(line, column, chunk, counted, i)}: text after the closing ]`);
        } else if (b === 44 /* , */ && depth === 0) {
          if (start < 0) return this.fail(`${place(line, column, chunk, counted, i)}: a comma with no value before it`);
          this.found.push({ start, end, line: this.startLine, column: this.startColumn });
          this.elements++;
          start = -1;
        } else if ((b === 125 /* } */ || b === 93) /* ] */ && depth === 0) {
          if (b !== 93) return this.fail(`${place(line, column, chunk, counted, i)}: a } that closes nothing`);
          if (start >= 0) {
            this.found.push({ start, end, line: this.startLine, column: this.startColumn });
            this.elements++;
            start = -1;
          } else if (this.elements > 0) {
            return this.fail(`${place(line, column, chunk, counted, i)}: a comma with no value after it`);
          }
          phase = 2;
        } else {
          if (start < 0) {
            start = at;
            column += columnsOf(chunk, counted, i);
            counted = i;
            this.startLine = line;
            this.startColumn = column;
          }
          if (b === 34) inString = true;
          else if (b === 123 || b === 91) depth++;
          else if (b === 125 || b === 93) depth--;
          end = at + 1;
        }
      }
      if (b === 10) {
        if (!afterCr) line++;
        column = 0;
        counted = i + 1;
        afterCr = false;
      } else if (b === 13) {
        line++;
        column = 0;
        counted = i + 1;
        afterCr = true;
      } else {
        afterCr = false;
      }
    }
    // The rest of the chunk's last line, as the next chunk's lines go on from it.
    column += columnsOf(chunk, counted, n);
    Object.assign(this, { phase, inString, escaped, depth, start, end, line, column, afterCr });
  }

  /** True when everything fed was one whole array. */
  finish(): boolean {
    if (!this.invalid && this.cut.length > 0) this.fail('a character cut off at the end');
    else if (!this.invalid && (this.phase !== 2 || this.inString)) this.fail(this.phase === 0 ? 'it does not start with [' : 'the array is not closed');
    return !this.invalid;
  }

  /** Why the bytes are not one well-formed array, in English, with where when it is known. */
  problem: string | undefined;

  /**
   * Elements found before the problem stay in `found`: they are whole, and a
   * batch whose end was cut off is still read up to where it breaks.
   */
  private fail(problem: string): void {
    this.invalid = true;
    this.problem ??= problem;
  }

  /** Where the scan has come in the file: the place of a problem found at the end (an array not closed). */
  get reached(): { line: number; column: number } {
    return { line: this.line, column: this.column + 1 };
  }

  /** The chunk is valid UTF-8 up to a character cut at its end, which is checked with the next chunk. */
  private utf8(chunk: Buffer): boolean {
    let from = 0;
    if (this.cut.length > 0) {
      // First the character the previous chunk cut, completed from this one.
      const lead = this.cut[0]!;
      const need = (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2) - this.cut.length;
      if (chunk.length < need) {
        this.cut = Buffer.concat([this.cut, chunk]);
        return true;
      }
      if (!isUtf8(Buffer.concat([this.cut, chunk.subarray(0, need)]))) return false;
      from = need;
    }
    let tail = chunk.length;
    // Back over at most three continuation bytes to the last lead byte; keep it if its character is cut.
    for (let k = chunk.length - 1; k >= Math.max(from, chunk.length - 4); k--) {
      const b = chunk[k]!;
      if ((b & 0xc0) === 0x80) continue;
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (k + size > chunk.length) tail = k;
      break;
    }
    this.cut = Buffer.from(chunk.subarray(tail));
    return isUtf8(chunk.subarray(from, tail));
  }
}

/** A problem's place at chunk[at], for its message: `column` is the column at chunk[counted] (see feed). */
function place(line: number, column: number, chunk: Buffer, counted: number, at: number): string {
  return `line ${line}, column ${column + columnsOf(chunk, counted, at) + 1}`;
}

/** Where `byte` next is in `chunk` from `from` on, or the chunk's length. */
function indexOrEnd(chunk: Buffer, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from);
  return at === -1 ? chunk.length : at;
}

/** The UTF-16 code units of the characters starting in chunk[from, to), which hold no line break: a column's worth. A byte order mark is never in it (see feed). */
function columnsOf(chunk: Buffer, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = chunk[i]!;
    // As the byte loop counts: a lead or ASCII byte is a character, a four-byte one two code units.
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

/**
 * Why a `.json` file is not one well-formed array, in English (where, when
 * known), or undefined when it is one: said when such a file is too large to
 * read whole, since streaming it would have needed no limit.
 */
export function jsonArrayProblem(filePath: string): string | undefined {
  const fd = openSync(filePath, 'r');
  try {
    return scanFile(fd).problem;
  } finally {
    closeSync(fd);
  }
}

/**
 * Bytes of a first pass between looks at what it found: a run hands out the
 * ranges found so far and takes in the workers' results; the end of a run
 * stops once it is past the last element it needs.
 */
export const SCAN_STEP_BYTES = 4 * 1024 * 1024;

/**
 * The first pass over an open file, a step at a time, so a run can hand out
 * the elements found so far while it reads on. Spans are four numbers each
 * (start, end, line, column): 32 bytes an element, so the second pass reads
 * them without scanning again.
 */
export class JsonArrayScan {
  private readonly scanner = new JsonArrayScanner();
  private readonly buffer = Buffer.allocUnsafe(READ_BYTES);
  private position = 0;
  private spans = new Float64Array(4 * 1024);
  private count = 0;
  /** Why the file is not one well-formed array, once a step has said `invalid`. */
  problem: string | undefined;

  constructor(private readonly fd: number) {}

  /** Reads on for about `bytes` (at least one read): `more` to come, `done` (one well-formed array), or `invalid`. */
  step(bytes = Number.POSITIVE_INFINITY): 'more' | 'done' | 'invalid' {
    for (let read = 0; read === 0 || read < bytes; ) {
      const n = readSync(this.fd, this.buffer, 0, this.buffer.length, this.position);
      if (n === 0) {
        if (this.scanner.finish()) return 'done';
        this.problem = this.scanner.problem!;
        return 'invalid';
      }
      this.scanner.feed(this.buffer.subarray(0, n), this.position);
      for (const span of this.scanner.found) this.add(span);
      if (this.scanner.invalid) {
        this.problem = this.scanner.problem!;
        return 'invalid';
      }
      this.position += n;
      read += n;
    }
    return 'more';
  }

  private add(span: ElementSpan): void {
    if ((this.count + 1) * SPAN > this.spans.length) {
      const grown = new Float64Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    const at = this.count * SPAN;
    this.spans[at + SPAN_START] = span.start;
    this.spans[at + SPAN_END] = span.end;
    this.spans[at + SPAN_LINE] = span.line;
    this.spans[at + SPAN_COLUMN] = span.column;
    this.count++;
  }

  /**
   * Once a step said `invalid`: the problem as a parse-error fault at its
   * place, numbered as the element after the last one found. What follows it
   * is not read: the elements before it are linted, and the fault says where
   * the file must be mended.
   */
  brokenTail(index: number): SourceFault {
    const at = /line (\d+), column (\d+)/.exec(this.problem ?? '');
    const { line, column } = at ? { line: Number(at[1]), column: Number(at[2]) } : this.scanner.reached;
    return { kind: 'fault', index, reason: 'json-array-broken', detail: this.problem ?? '', range: { line, column, endLine: line, endColumn: column } };
  }

  /** The spans found since the last take (a view, valid until the next step). */
  take(): Float64Array {
    const found = this.spans.subarray(0, this.count * SPAN);
    this.count = 0;
    return found;
  }
}

/** The spans of a whole file's elements, and, when it is not one well-formed array, why not and the fault for it. */
function scanFile(fd: number): { spans: Float64Array; problem?: string; tail?: SourceFault } {
  const scan = new JsonArrayScan(fd);
  const outcome = scan.step();
  const spans = scan.take().slice();
  return outcome === 'done' ? { spans } : { spans, problem: scan.problem!, tail: scan.brokenTail(spanCount(spans)) };
}

/**
 * A `.json` file of at least `minBytes` that is an array, to be read an
 * element at a time: one well-formed array, or one that breaks after some
 * whole elements (its end cut off, a stray comma), whose elements are read
 * and whose break is a fault after them. Undefined for any other file (read
 * it whole).
 */
export function streamedJsonArray(filePath: string, minBytes: number, maxElementBytes: number): JsonArrayReader | undefined {
  const scan = jsonArraySpans(filePath, minBytes);
  if (!scan || (scan.problem !== undefined && spanCount(scan.spans) === 0)) return undefined;
  return new JsonArrayReader(filePath, scan.spans, maxElementBytes, scan.tail);
}

/**
 * The first pass over a whole `.json` file of at least `minBytes`: where its
 * elements lie, four numbers each (start, end, line, column), and why it is
 * not one well-formed array when it is not; undefined when it cannot be
 * read. (A parallel run steps through the pass instead, handing out ranges
 * as they are found: see JsonArrayScan.)
 */
function jsonArraySpans(filePath: string, minBytes: number): ReturnType<typeof scanFile> | undefined {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch {
    return undefined;
  }
  try {
    return fstatSync(fd).size >= minBytes ? scanFile(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The second pass: each element of `spans` (all of the file's, or a range of
 * them) read, decoded and parsed on its own; indexes count from the first of
 * `spans`, lines and columns are the file's. An element longer than
 * `maxElementBytes` is a `record-too-large` fault, skipped without being read.
 */
export class JsonArrayReader implements Iterable<SourceItem> {
  /** Bytes of the file read so far, for a progress display. */
  bytesRead = 0;

  constructor(
    private readonly filePath: string,
    private readonly spans: Float64Array,
    private readonly maxElementBytes: number,
    /** Where the array breaks, after the last of `spans`: yielded after them. */
    private readonly tail?: SourceFault,
  ) {}

  *[Symbol.iterator](): Iterator<SourceItem> {
    const fd = openSync(this.filePath, 'r');
    const file = new ReadWindow(fd, READ_BYTES);
    try {
      for (let index = 0; index < spanCount(this.spans); index++) {
        const { start, end, line, column } = spanAt(this.spans, index);
        const size = end - start;
        if (size > this.maxElementBytes) {
          const range = { line, column: column + 1, endLine: line, endColumn: column + 1 };
          yield { kind: 'fault', index, reason: 'record-too-large', detail: `${Math.ceil(size / 1048576)} MiB`, range };
          continue;
        }
        const bytes = file.span(start, size);
        if (bytes.length < size) throw new FileChanged();
        this.bytesRead = end;
        yield elementItem(bytes, index, start, line, column);
      }
      if (this.tail) yield this.tail;
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * An element's item from its bytes, with its byte offset in the file, as a
 * JSONL line's has: the batch rules read a reported element again from there.
 */
function elementItem(bytes: Buffer, index: number, start: number, line: number, column: number): StreamedItem {
  const text = bytes.toString('utf8');
  return Object.assign(arrayElementItem(index, text, 0, text.length, new PieceLineIndex(text, line, column)), { byteOffset: start });
}

/**
 * One element of an array read again, at the span the first pass found for
 * it: for the few elements a batch rule reports. Undefined when the file is
 * shorter than the span (it changed).
 */
export function readArrayElement(file: ReadWindow, spans: Float64Array, at: number, index: number, maxElementBytes: number): SourceItem | undefined {
  const { start, end, line, column } = spanAt(spans, at);
  if (end - start > maxElementBytes) return undefined;
  const bytes = file.span(start, end - start);
  if (bytes.length < end - start) return undefined;
  return elementItem(bytes, index, start, line, column);
}

/** The file is shorter than its first pass found: the records read so far stand, the rest is not read. */
export class FileChanged extends Error {
  constructor() {
    super('the file changed while it was read');
  }
}
