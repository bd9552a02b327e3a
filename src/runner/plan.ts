import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { formatOf, type SourceFormat } from '../input/index.js';
import { STREAM_JSON_BYTES } from '../input/json-array-stream.js';
import { startsAsUtf16 } from '../input/read-file.js';
import { digestFile, type CachedFile, type FileDigest, type LintCache } from './cache.js';

/** JSONL files are cut into ranges of about this size, so one large batch keeps every core busy. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Below this much input, starting workers costs more than it saves: each
 * loads the engine and warms up on its own (measured: bench/RESULTS.md).
 */
const PARALLEL_THRESHOLD_BYTES = 64 * 1024 * 1024;

export type Concurrency = 'auto' | 'off' | number;

/** How many threads a run uses: `off` is this thread only; `auto` one per core when there is enough work. */
export function threadsFor(concurrency: Concurrency, totalBytes: number, units: number): number {
  if (concurrency === 'off') return 1;
  const wanted = concurrency === 'auto' ? (totalBytes < PARALLEL_THRESHOLD_BYTES ? 1 : availableParallelism()) : concurrency;
  return Math.max(1, Math.min(wanted, units));
}

/** How a file's records are read, decided once for the whole run. */
export type ReadMode = 'cached' | 'text' | 'whole-file' | 'jsonl' | 'json-array';

/** One input of a run, with everything about it decided before any is read. */
export interface PlannedFile {
  filePath: string;
  /** Its size when listed (0 for a text in memory, or a file that cannot be asked). */
  size: number;
  format: SourceFormat | undefined;
  read: ReadMode;
  /** With a cache: the digest of its content and what it was when digested (undefined when it cannot be read). */
  digest?: FileDigest;
  /** The cache's entry for it, when it is read from the cache. */
  cached?: CachedFile;
  /** A text held in memory (stdin), or the bytes read for it and how many the stream held. */
  text?: string | { bytes: Uint8Array; size: number };
}

export interface RunPlan {
  files: PlannedFile[];
  /** Bytes of all the files listed. */
  totalBytes: number;
  threads: number;
  /** The largest file a worker may have to read whole: its heap is sized for it. */
  wholeFileBytes: number;
}

export interface PlanOptions {
  concurrency: Concurrency;
  /** Without it the run stays on this thread (the workers could not make the same linter). */
  workersPossible: boolean;
  chunkBytes: number;
  /** `.json` files this large are read an element at a time when they are one array. */
  streamJsonBytes?: number;
  cache?: LintCache;
  stdin?: { filePath: string; text: string | { bytes: Uint8Array; size: number } };
}

/** A file's size, or 0 when it cannot be asked (reading it will say why). */
function sizeOf(filePath: string): number {
  try {
    return statSync(filePath, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Decides, once per file, its size, its format, how it is read and whether
 * the cache answers for it; and how many threads the run uses. The sizes are
 * asked one file at a time, blocking: nothing else runs yet, and asking
 * through the thread pool costs more than it saves for a folder of
 * thousands of small files.
 */
export function planRun(filePaths: readonly string[], options: PlanOptions): RunPlan {
  const streamJsonBytes = options.streamJsonBytes ?? STREAM_JSON_BYTES;
  const files: PlannedFile[] = [];
  if (options.stdin) {
    const { filePath, text } = options.stdin;
    files.push({ filePath, size: 0, format: formatOf(filePath), read: 'text', text });
  }
  let totalBytes = 0;
  // JSONL and large JSON arrays are cut into ranges; any other file is one unit, and a worker for
  // a single one would only add a second heap.
  let unitsAtMost = 0;
  for (const filePath of filePaths) {
    const size = sizeOf(filePath);
    const format = formatOf(filePath);
    // A JSONL file saved as UTF-16 cannot be cut at its LF bytes: it is read whole and decoded.
    const read: ReadMode =
      format === 'jsonl' ? (startsAsUtf16(filePath) ? 'whole-file' : 'jsonl') : format === 'json' && size >= streamJsonBytes && !startsAsUtf16(filePath) ? 'json-array' : 'whole-file';
    totalBytes += size;
    unitsAtMost += read === 'whole-file' ? 1 : Math.max(1, Math.ceil(size / options.chunkBytes));
    const file: PlannedFile = { filePath, size, format, read };
    if (options.cache) {
      const digest = digestFile(filePath);
      if (digest) {
        file.digest = digest;
        const hit = options.cache.lookup(filePath, digest.hash);
        if (hit) {
          file.cached = hit;
          file.read = 'cached';
        }
      }
    }
    files.push(file);
  }
  const threads = options.workersPossible ? threadsFor(options.concurrency, totalBytes, unitsAtMost) : 1;
  let wholeFileBytes = 0;
  for (const file of files) if (file.read === 'whole-file') wholeFileBytes = Math.max(wholeFileBytes, file.size);
  return { files, totalBytes, threads, wholeFileBytes };
}
