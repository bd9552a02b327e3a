import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../input/index.js';
import { readAll } from '../input/read-all.js';
import { ConfigurationError } from './types.js';

const IGNORE = ['**/node_modules/**', '**/.git/**'];
const EXT_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/**
 * Turns the command line's paths into files, in the order given: a file as
 * is, a directory as its supported files in sorted order, anything else as a
 * glob. A pattern that matches nothing is a usage error, as in ESLint.
 */
export async function expandPaths(patterns: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (file: string) => {
    const abs = resolve(cwd, file);
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push(abs);
    }
  };
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isFile()) {
      add(abs);
    } else if (info?.isDirectory()) {
      const { default: fg } = await import('fast-glob');
      const files = await fg(EXT_GLOB, { cwd: abs, absolute: true, ignore: IGNORE, dot: false, onlyFiles: true, followSymbolicLinks: false });
      files.sort().forEach(add);
    } else {
      // Loaded only for directories and globs: a run on named files starts without it.
      const { default: fg } = await import('fast-glob');
      const files = fg.isDynamicPattern(pattern) ? await fg(pattern, { cwd, absolute: true, ignore: IGNORE, onlyFiles: true }) : [];
      if (files.length === 0) throw new ConfigurationError({ en: `no files match "${pattern}"`, 'zh-CN': `没有文件与 "${pattern}" 匹配` });
      files.sort().forEach(add);
    }
  }
  return out;
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
 * instead of five, half the time of a whole-file read here); a file that has grown
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

/** A file's bytes as UTF-8 text, or why they are not. */
export function decodeSource(bytes: Uint8Array): ReadOutcome {
  if (bytes.includes(0)) return { ok: false, reason: 'binary-file', detail: '' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'invalid-utf8', detail: '' };
  }
}
