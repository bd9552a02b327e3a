import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { packageRoot } from '../package-files.js';
import { RECORD_ROW, type UnitKeys } from './batch.js';
import { KEY_ROW } from './key-log.js';
import type { FileStats } from './types.js';

/**
 * What the cache keeps of a file that had no message of its own: enough to
 * skip parsing and linting it next time (its record count, lines and
 * per-province stats) and to let batch rules compare it with the other files
 * of the run (its keys, which are digests and positions). It holds no message
 * and no personal data: a file with any message is not cached, and a record
 * a batch rule reports on is read again from the file for its message.
 */
export interface CachedFile {
  hash: string;
  records: number;
  lines: number;
  stats: FileStats;
  keys: UnitKeys;
}

/**
 * Numbers of batch keys the cache keeps for one file: about 20,000 records'
 * worth (a 45 MB JSONL file), 8 MB while they are collected. The cache is one
 * JSON file held in memory: a clean file of 200,000 records took a run with
 * --cache from 163 to 703 MB, and the next run, which only read the cache, to
 * 651 MB. A larger file is linted every time.
 */
export const CACHE_KEY_NUMBERS = 1_000_000;

/** Changes when what the cache stores changes meaning (3: batch keys as rows of digests and positions). */
const CACHE_FORMAT = 3;

interface CacheFile {
  version: typeof CACHE_FORMAT;
  /** Digest of everything besides a file's content that decides its messages. */
  runKey: string;
  files: Record<string, CachedFile>;
}

/** Packages whose data decide verdicts: a new version may change what is clean. */
const DATA_PACKAGES = ['libphonenumber-js', 'tldts', 'chinese-days', 'ipaddr.js', 'ajv'];

/** The run's identity: beianlint's version, the data packages' versions, the rules and their settings. */
export function runKeyOf(parts: unknown): string {
  const require = createRequire(import.meta.url);
  const versions = DATA_PACKAGES.map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  });
  const own = (JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string }).version;
  return createHash('sha256').update(JSON.stringify({ own, versions, parts })).digest('base64');
}

/**
 * A file's content digest, read a megabyte at a time into one buffer. (A read
 * stream hands out a new megabyte per read, and the dead ones waited for a
 * full collection: a 450 MB file added 40 MB to the run's peak.)
 */
export async function contentHash(filePath: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let handle: FileHandle | undefined;
  try {
    handle = await open(filePath, 'r');
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return hash.digest('base64');
}

/** A cache file is ours but may have been edited or cut short: keys of the wrong shape mean a miss. */
function wellFormedKeys(keys: unknown): keys is UnitKeys {
  if (!keys || typeof keys !== 'object') return false;
  const { records, rows } = keys as Partial<UnitKeys>;
  if (!Array.isArray(records) || !Array.isArray(rows)) return false;
  if (records.length % RECORD_ROW !== 0 || rows.length % KEY_ROW !== 0) return false;
  const recordCount = records.length / RECORD_ROW;
  if (!records.every((n) => Number.isSafeInteger(n))) return false;
  for (let at = 0; at < rows.length; at += KEY_ROW) {
    for (let i = 0; i < KEY_ROW; i++) if (!Number.isInteger(rows[at + i]) || Math.abs(rows[at + i]!) > 0x7fffffff) return false;
    const record = rows[at + KEY_ROW - 1]!;
    if (record < 0 || record >= recordCount) return false;
  }
  return true;
}

export class LintCache {
  private constructor(
    private readonly location: string,
    private readonly runKey: string,
    private readonly entries: Record<string, CachedFile>,
  ) {}

  /** Opens the cache; one written under another run key (other rules, settings or versions) starts empty. */
  static async open(location: string, runKey: string): Promise<LintCache> {
    try {
      const data = JSON.parse(await readFile(location, 'utf8')) as CacheFile;
      if (data.version === CACHE_FORMAT && data.runKey === runKey && data.files && typeof data.files === 'object') {
        return new LintCache(location, runKey, Object.assign(Object.create(null) as Record<string, CachedFile>, data.files));
      }
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return new LintCache(location, runKey, Object.create(null) as Record<string, CachedFile>);
  }

  lookup(filePath: string, hash: string): CachedFile | undefined {
    const entry = this.entries[filePath];
    return entry && entry.hash === hash && wellFormedKeys(entry.keys) ? entry : undefined;
  }

  store(filePath: string, entry: CachedFile): void {
    // The run's record groups are an Int32Array, which JSON writes as an object: kept as an array.
    this.entries[filePath] = { ...entry, stats: { ...entry.stats, recordGroup: Array.from(entry.stats.recordGroup) } };
  }

  forget(filePath: string): void {
    delete this.entries[filePath];
  }

  /** Writes the cache atomically, so a run that is stopped never leaves half a file. */
  async save(): Promise<void> {
    const body: CacheFile = { version: CACHE_FORMAT, runKey: this.runKey, files: this.entries };
    await mkdir(dirname(this.location), { recursive: true });
    const tmp = `${this.location}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(body));
    await rename(tmp, this.location);
  }
}
