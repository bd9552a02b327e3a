import { createReadStream } from 'node:fs';
import { parseJsonLine } from './jsonl.js';
import type { SourceItem } from './source.js';

export interface JsonlStreamOptions {
  /** A longer line becomes one `record-too-large` fault; it is skipped without being held in memory. */
  maxLineBytes: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function lineFault(index: number, lineNo: number, reason: string, detail?: string): SourceItem {
  return { kind: 'fault', index, reason, ...(detail ? { detail } : {}), range: { line: lineNo, column: 1, endLine: lineNo, endColumn: 1 } };
}

/**
 * Reads a JSON Lines file as a stream of records, so memory depends on the
 * longest line, not on the file. Line ends are LF, CRLF or a lone CR, as the
 * in-memory reader counts them. Each line is decoded on its own: invalid
 * UTF-8 or a NUL byte spoils that record only, never the rest of the file.
 */
export async function* readJsonlFile(filePath: string, options: JsonlStreamOptions): AsyncGenerator<SourceItem> {
  const stream = createReadStream(filePath, { highWaterMark: 1 << 20 });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  let lineNo = 0;
  let index = 0;
  let skipLf = false;

  const finishLine = (): SourceItem | undefined => {
    lineNo++;
    const parts = pending;
    const size = pendingBytes;
    const tooLarge = oversized;
    pending = [];
    pendingBytes = 0;
    oversized = false;
    if (tooLarge) return lineFault(index++, lineNo, 'record-too-large', `${Math.ceil(size / 1048576)} MiB`);
    if (size === 0) return undefined;
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    if (lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes.includes(0)) return lineFault(index++, lineNo, 'binary-file');
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return lineFault(index++, lineNo, 'invalid-utf8');
    }
    if (text.trim() === '') return undefined;
    return parseJsonLine(text, lineNo, index++);
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

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b !== 10 && b !== 13) continue;
      if (b === 10 && skipLf && i === start && pendingBytes === 0 && start === i) {
        // The LF of a CRLF whose CR ended the previous chunk or line.
        skipLf = false;
        start = i + 1;
        continue;
      }
      keep(chunk.subarray(start, i));
      const item = finishLine();
      if (item) yield item;
      skipLf = b === 13;
      if (b === 13 && chunk[i + 1] === 10) {
        i++;
        skipLf = false;
      }
      start = i + 1;
    }
    if (start < chunk.length) {
      skipLf = false;
      keep(chunk.subarray(start));
    }
  }
  if (pendingBytes > 0 || oversized) {
    const item = finishLine();
    if (item) yield item;
  }
}
