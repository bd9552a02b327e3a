import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { parseJsonLine } from './jsonl.js';
import { ReadWindow } from './read-all.js';
import type { SourceItem } from './source.js';

export interface JsonlStreamOptions {
  /** A longer line becomes one `record-too-large` fault; it is skipped without being held in memory. */
  maxLineBytes: number;
  /** Byte range to read, [start, end); a range starts at a line start (see jsonlRanges). */
  start?: number;
  end?: number;
  /** The file's line number of the range's first line (1 by default), so every line number is the file's. */
  firstLine?: number;
}

/** A streamed record also says where its line starts in the file, so it can be read again alone. */
export type StreamedItem = SourceItem & { byteOffset: number };

/** Bytes read from a JSONL file at a time. */
const READ_BYTES = 1 << 20;

function lineFault(index: number, lineNo: number, reason: string, detail?: string): SourceItem {
  return { kind: 'fault', index, reason, ...(detail ? { detail } : {}), range: { line: lineNo, column: 1, endLine: lineNo, endColumn: 1 } };
}

/** One line's bytes as a record (or fault). Lines and indexes are those given. */
export function jsonlLineItem(bytes: Buffer, lineNo: number, index: number, atFileStart: boolean): SourceItem | undefined {
  // The file's own byte order mark is no character of it; one starting a later line is, and
  // parseJsonLine reads past it there, as the in-memory reader does.
  if (atFileStart && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (bytes.length === 0) return undefined;
  if (bytes.includes(0)) return lineFault(index, lineNo, 'binary-file');
  // Validated natively first, then decoded without the fatal decoder's checks: the fatal decoder
  // costs about as much as parsing the line, the native check far less.
  if (!isUtf8(bytes)) return lineFault(index, lineNo, 'invalid-utf8');
  const text = bytes.toString('utf8');
  if (text.trim() === '') return undefined;
  return parseJsonLine(text, lineNo, index);
}

/**
 * Reads a JSON Lines file (or a byte range of one) as a stream of records,
 * so memory depends on the longest line, not on the file. Line ends are LF,
 * CRLF or a lone CR, as the in-memory reader counts them. Each line is
 * decoded on its own: invalid UTF-8 or a NUL byte spoils that record only.
 * Record indexes count from the start of the range; lines are the file's
 * when the range's first line is given (`firstLine`).
 *
 * Why it is long: one loop over the bytes of each chunk finds line ends,
 * carries a line cut by a chunk's end into the next, and skips an overlong
 * line without holding it; its state is shared by all three.
 */
export async function* readJsonlFile(filePath: string, options: JsonlStreamOptions): AsyncGenerator<StreamedItem, { lines: number }> {
  const rangeStart = options.start ?? 0;
  const rangeEnd = options.end ?? Number.POSITIVE_INFINITY;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  const linesBefore = (options.firstLine ?? 1) - 1;
  let lineNo = linesBefore;
  let index = 0;
  let skipLf = false;
  let position = rangeStart; // file offset of the chunk being scanned
  let lineStart = rangeStart;

  const finishLine = (): StreamedItem | undefined => {
    lineNo++;
    const parts = pending;
    const size = pendingBytes;
    const tooLarge = oversized;
    const offset = lineStart;
    pending = [];
    pendingBytes = 0;
    oversized = false;
    if (tooLarge) return { ...lineFault(index++, lineNo, 'record-too-large', `${Math.ceil(size / 1048576)} MiB`), byteOffset: offset };
    if (size === 0) return undefined;
    const item = jsonlLineItem(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), lineNo, index, rangeStart === 0 && lineNo === 1);
    if (!item) return undefined;
    index++;
    return Object.assign(item, { byteOffset: offset });
  };

  const keep = (chunk: Buffer) => {
    if (chunk.length === 0) return;
    pendingBytes += chunk.length;
    if (oversized) return;
    if (pendingBytes > options.maxLineBytes) {
      oversized = true;
      pending = [];
      return;
    }
    pending.push(chunk);
  };

  // One buffer, read into again and again. A read stream hands out a new
  // megabyte per read; each lives while its lines are linted, outlives young
  // collections and waits for a full one: tens of megabytes of dead buffers
  // in a long run's resident set.
  const handle = await open(filePath, 'r');
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  try {
    for (;;) {
      const want = Math.min(buffer.length, rangeEnd - position);
      if (want <= 0) break;
      const { bytesRead } = await handle.read(buffer, 0, want, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let start = 0;
      // Line ends found with the native indexOf, each kept until passed: a JS loop over every byte cost
      // as much as parsing. A lone CR also ends a line, so both are looked for.
      let nextLf = chunk.indexOf(10);
      let nextCr = chunk.indexOf(13);
      for (;;) {
        if (nextLf >= 0 && nextLf < start) nextLf = chunk.indexOf(10, start);
        if (nextCr >= 0 && nextCr < start) nextCr = chunk.indexOf(13, start);
        const i = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
        if (i < 0) break;
        const b = chunk[i];
        if (b === 10 && skipLf && i === start && pendingBytes === 0) {
          // The LF of a CRLF whose CR ended the previous chunk.
          skipLf = false;
          start = i + 1;
          lineStart = position + start;
          continue;
        }
        keep(chunk.subarray(start, i));
        const item = finishLine();
        if (item) yield item;
        skipLf = b === 13;
        let end = i;
        if (b === 13 && chunk[i + 1] === 10) {
          end = i + 1;
          skipLf = false;
        }
        start = end + 1;
        lineStart = position + start;
      }
      if (start < chunk.length) {
        skipLf = false;
        // The next read overwrites the buffer: a line running on past it is kept as a copy.
        keep(Buffer.from(chunk.subarray(start)));
      }
      position += chunk.length;
    }
  } finally {
    await handle.close();
  }
  if (pendingBytes > 0 || oversized) {
    const item = finishLine();
    if (item) yield item;
  }
  return { lines: lineNo - linesBefore };
}

/** A byte range of a JSONL file, [start, end), and the file's line number of its first line. */
export interface JsonlRange {
  start: number;
  end: number;
  firstLine: number;
}

/**
 * Splits a JSONL file into byte ranges of about `size` bytes that start at
 * line starts, for reading in parallel. Each boundary is the byte after a LF.
 * A range is given once the line ends before it are counted, so records of
 * every range are numbered by the file's lines, whichever thread reads them;
 * counting needs no parsing and runs far ahead of the threads that lint.
 */
export async function* jsonlRanges(filePath: string, fileSize: number, size: number): AsyncGenerator<JsonlRange> {
  if (fileSize <= size) {
    yield { start: 0, end: fileSize, firstLine: 1 };
    return;
  }
  const handle = await open(filePath, 'r');
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    let start = 0;
    let firstLine = 1;
    while (start < fileSize) {
      const end = (await nextLineStart(handle, block, start + size, fileSize)) ?? fileSize;
      yield { start, end, firstLine };
      firstLine += await countLineEnds(handle, block, start, end);
      start = end;
    }
  } finally {
    await handle.close();
  }
}

/** The byte after the first LF at or after `from`, or undefined when there is none before `fileSize`. */
async function nextLineStart(handle: FileHandle, block: Buffer, from: number, fileSize: number): Promise<number | undefined> {
  for (let pos = from; pos < fileSize; ) {
    const { bytesRead } = await handle.read(block, 0, block.length, pos);
    if (bytesRead === 0) return undefined;
    const i = block.subarray(0, bytesRead).indexOf(10);
    if (i >= 0) return pos + i + 1 < fileSize ? pos + i + 1 : undefined;
    pos += bytesRead;
  }
  return undefined;
}

/**
 * Line ends in [start, end), as readJsonlFile counts them: LF, CRLF, or a
 * lone CR. A range ends right after a LF, so a CR at the end of one block is
 * settled by the first byte of the next.
 */
async function countLineEnds(handle: FileHandle, block: Buffer, start: number, end: number): Promise<number> {
  let ends = 0;
  let crPending = false;
  for (let pos = start; pos < end; ) {
    const { bytesRead } = await handle.read(block, 0, Math.min(block.length, end - pos), pos);
    if (bytesRead === 0) break;
    const bytes = block.subarray(0, bytesRead);
    if (crPending && bytes[0] !== 10) ends++;
    crPending = false;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) ends++;
    for (let i = bytes.indexOf(13); i >= 0; i = bytes.indexOf(13, i + 1)) {
      if (i + 1 < bytesRead) {
        if (bytes[i + 1] !== 10) ends++;
      } else {
        crPending = true;
      }
    }
    pos += bytesRead;
  }
  return crPending ? ends + 1 : ends;
}

/**
 * Reads lines of a JSONL file again by byte offset, in ascending order (the
 * records batch rules report, for their messages), through a window of the
 * file (ReadWindow): read one at a time, with a read each, they took a large
 * part of a run on a batch of copies, which reports every line.
 */
export class JsonlLineReader {
  private readonly window: ReadWindow;

  constructor(
    private readonly fd: number,
    private readonly maxLineBytes: number,
  ) {
    this.window = new ReadWindow(fd);
  }

  /** The line at `byteOffset` as a record (or fault), numbered as given; undefined when it is empty or too long. */
  lineAt(byteOffset: number, lineNo: number, index: number): SourceItem | undefined {
    const rest = this.window.from(byteOffset);
    const end = lineEnd(rest);
    // A line that runs past the window (or to the end of the file) is read on its own.
    if (end < 0) return readJsonlLineAt(this.fd, byteOffset, lineNo, index, this.maxLineBytes);
    if (end > this.maxLineBytes) return undefined;
    return jsonlLineItem(rest.subarray(0, end), lineNo, index, byteOffset === 0);
  }
}

/** Where the first line of `bytes` ends (its LF or CR), or -1. */
function lineEnd(bytes: Buffer): number {
  const lf = bytes.indexOf(10);
  const cr = bytes.indexOf(13);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}

/**
 * Reads the one line that starts at `byteOffset`, to write a message on a
 * record read earlier: a few kilobytes read through an open descriptor,
 * not a stream per message. A line of any length; JsonlLineReader reads
 * many in order.
 */
function readJsonlLineAt(fd: number, byteOffset: number, lineNo: number, index: number, maxLineBytes: number): SourceItem | undefined {
  const parts: Buffer[] = [];
  let size = 0;
  let pos = byteOffset;
  // A record is a few kilobytes: start small, double while the line goes on.
  let want = 8192;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(want, maxLineBytes + 1 - size));
    want *= 2;
    if (buf.length === 0) return undefined;
    const bytesRead = readSync(fd, buf, 0, buf.length, pos);
    if (bytesRead === 0) break;
    const chunk = buf.subarray(0, bytesRead);
    const end = lineEnd(chunk);
    if (end >= 0) {
      parts.push(chunk.subarray(0, end));
      size += end;
      break;
    }
    parts.push(chunk);
    size += bytesRead;
    pos += bytesRead;
  }
  return jsonlLineItem(Buffer.concat(parts, size), lineNo, index, byteOffset === 0);
}
