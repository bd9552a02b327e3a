import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readAll } from './read-all.js';

/** The UTF-16 encoding a byte order mark at the start names, if any. */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Whether a file starts with a UTF-16 byte order mark (false when it cannot be read: reading it says why). */
export function startsAsUtf16(filePath: string): boolean {
  let fd = -1;
  try {
    fd = openSync(filePath, 'r');
    const head = Buffer.alloc(2);
    return readAll(fd, head, 2, 0) === 2 && utf16Of(head) !== undefined;
  } catch {
    return false;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

export type ReadOutcome = { ok: true; text: string } | { ok: false; reason: string; detail: string };

/**
 * Reads a file as UTF-8. Invalid UTF-8 and binary content are reported, not
 * decoded into replacement characters that would then be linted as data.
 */
export async function readSource(file: string): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return readError(e);
  }
  return decodeSource(bytes);
}

/** What a failed file system call says: its code (ENOENT, EACCES …), or its message when it has none. */
export function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

function readError(e: unknown): ReadOutcome {
  return { ok: false, reason: 'read-error', detail: errorCode(e) };
}

/**
 * readSource, blocking: for small files, where a round trip to the thread
 * pool costs more than the read. With the size the file had when it was
 * listed, it is read in one call with no size query (three system calls
 * instead of five); a file that has grown
 * since is read again whole.
 */
export function readSourceSync(file: string, knownSize?: number): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = knownSize === undefined ? readFileSync(file) : readKnownSize(file, knownSize);
  } catch (e) {
    return readError(e);
  }
  return decodeSource(bytes);
}

function readKnownSize(file: string, size: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    // One byte more than expected tells a file that grew from one that did not.
    const bytes = Buffer.allocUnsafe(size + 1);
    const read = readAll(fd, bytes, bytes.length, 0);
    return read <= size ? bytes.subarray(0, read) : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file's bytes as text, or why they are not text: UTF-8, or UTF-16 when it
 * starts with a UTF-16 byte order mark (as Windows tools save "Unicode"
 * text), which is then not taken for binary for its NUL bytes.
 */
export function decodeSource(bytes: Uint8Array): ReadOutcome {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, reason: 'invalid-utf8', detail: utf16 };
    }
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary-file', detail: '' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'invalid-utf8', detail: '' };
  }
}
