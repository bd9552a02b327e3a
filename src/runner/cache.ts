import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, readSync, statSync, type BigIntStats } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { beijingDateOf } from '../domain/workdays.js';
import { packageRoot } from '../package-files.js';
import type { UnitKeys } from './batch.js';
import { KeyBlockCollector, KeyFileReader, KeyFileWriter, refuseUnlessRegularFile, removeStaleKeyFiles, temporaryPathBeside, type KeyBlock } from './cache-keys.js';
import { SKIPPED_RECORD, type FileStats, type RecordGroup } from '../engine/types.js';

/**
 * What the cache keeps of a file that had no message of its own: enough to
 * skip parsing and linting it next time (its record count, lines and
 * per-province stats) and to let batch rules compare it with the other files
 * of the run (its keys, which are digests and positions, in the key file
 * beside the cache: see cache-keys.ts). It holds no message and no personal
 * data: a file with any message is not cached, and a record a batch rule
 * reports on is read again from the file for its message.
 */
export interface CachedFile {
  hash: string;
  /**
   * The "today" (ms since the epoch) the file was found clean as of. Most
   * verdicts that look at today (a birth date in the future) can only find
   * less as days pass, so the entry holds for that day and later ones, but
   * not for an earlier --now; those that may find more later say through
   * which day they hold (`stats.holdsThrough`), and the entry holds no longer.
   */
  asOf: number;
  records: number;
  lines: number;
  stats: FileStats;
  keys: KeyBlock;
}

/**
 * Changes when what the cache stores changes meaning (6: each entry says the day it holds from;
 * 7: key rows carry a holder's scheme and name, see key-log.ts, and an entry may say the day it
 * holds through; 8: a record group has the stage and month of submission the report counts by;
 * 9: a record's group may be -2, a record outside the run's period, which has no keys either).
 */
const CACHE_FORMAT = 9;

interface CacheFile {
  version: typeof CACHE_FORMAT;
  /** Digest of everything besides a file's content that decides its messages. */
  runKey: string;
  /** The id of the key file the entries' key blocks lie in. */
  keyFile?: string;
  files: Record<string, CachedFile>;
}

/**
 * The cache file a --cache-location names. A folder (a path that ends with a
 * separator, or an existing folder) gets one inside it named for the working
 * directory, as ESLint does, so one folder (a CI cache, say) serves several
 * projects without one emptying another's.
 */
export function cacheFilePath(location: string, cwd: string): string {
  const path = resolve(cwd, location);
  const folder = /[\\/]$/.test(location) || isFolder(path);
  return folder ? join(path, `.beianlintcache-${createHash('sha256').update(cwd).digest('hex').slice(0, 12)}`) : path;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    // Not reachable (a file on the way): as a file, whose writing then fails and says why.
    return false;
  }
}

/** Packages whose data decide verdicts: a new version may change what is clean. */
const DATA_PACKAGES = ['libphonenumber-js', 'tldts', 'chinese-days', 'ipaddr.js', 'ajv'];

/** The run's identity: beianlint's version, the data packages' versions, and `parts`: the rules, their settings, and whatever else decides a file is clean (the largest file or record read). */
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

/** The buffer files are digested into: one for the run, as files are digested one after another. */
let hashBuffer: Buffer | undefined;

/**
 * The coarsest file timestamps in common use (FAT's) are two seconds apart;
 * the others are finer, but move with the kernel's clock tick. A file written
 * twice within this much may keep the times of the first write.
 */
const TIMESTAMP_GRANULARITY_MS = 2000;

/** What the plan saw of a file when it digested it: enough to tell, once it is linted, whether it was still the same. */
export interface FileDigest {
  /** SHA-256 (base64) of its content. */
  hash: string;
  /** Its size, modification and change times, inode and device, as it was digested. */
  signature: string;
  /**
   * It had changed within TIMESTAMP_GRANULARITY_MS of its digest, so a later
   * write may have left its signature as it was: only its content tells.
   */
  racy: boolean;
}

function signatureOf(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`;
}

/**
 * A file's digest and signature (undefined when it cannot be read). Its
 * content is read a megabyte at a time into one buffer. (A read stream hands
 * out a new megabyte per read, and the dead ones waited for a full
 * collection, adding to the run's peak.) Reads are blocking: files are
 * digested before any is linted, so nothing waits, and a read through the
 * thread pool added far more to the hashing, which is most of the cost, than
 * a blocking read does, and four round trips per small file. The signature is
 * taken before the content is read, so a write during the read shows.
 */
export function digestFile(filePath: string): FileDigest | undefined {
  const since = Date.now();
  const hash = createHash('sha256');
  const buffer = (hashBuffer ??= Buffer.allocUnsafe(1 << 20));
  let fd = -1;
  try {
    fd = openSync(filePath, 'r');
    const stats = fstatSync(fd, { bigint: true });
    for (let position = 0; ; ) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    const lastChange = Number(stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs) / 1e6;
    return { hash: hash.digest('base64'), signature: signatureOf(stats), racy: lastChange + TIMESTAMP_GRANULARITY_MS > since };
  } catch {
    return undefined;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/**
 * Whether a file is still what it was when digested, asked once it is
 * linted: a file that was not is linted content other than the digest says,
 * and must not be cached under it.
 *
 * What it guarantees: any write to the file after its digest changes its
 * change time (set by the system on every write, and by no one at will) or
 * its size, unless the write came within the timestamps' granularity of a
 * change before the digest; such a file was `racy`, and its content is
 * digested again and compared. A file replaced by another (a rename over
 * it) has another inode. What it cannot tell: a file written during the run
 * and written back to the digested bytes, both within one tick of its
 * timestamps, after a change within that tick before the digest; and a
 * file system whose clock runs behind this machine's by more than the
 * granularity.
 */
export function unchangedSinceDigest(filePath: string, digest: FileDigest): boolean {
  let stats: BigIntStats | undefined;
  try {
    stats = statSync(filePath, { bigint: true, throwIfNoEntry: false });
  } catch {
    return false;
  }
  if (!stats || signatureOf(stats) !== digest.signature) return false;
  if (!digest.racy) return true;
  const again = digestFile(filePath);
  return again?.signature === digest.signature && again.hash === digest.hash;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Stats as the cache's JSON gives them: each record's group one of the groups, -1 (did not parse) or -2 (outside the period). */
function wellFormedStats(stats: unknown): stats is FileStats {
  if (!isObject(stats)) return false;
  const { records, groups, recordGroup, holdsThrough } = stats as { [K in keyof FileStats]?: unknown };
  if (!isCount(records) || !Array.isArray(groups) || !Array.isArray(recordGroup)) return false;
  if (holdsThrough !== undefined && typeof holdsThrough !== 'string') return false;
  if (!groups.every((g) => isObject(g) && typeof (g as Partial<RecordGroup>).province === 'string' && typeof (g as Partial<RecordGroup>).provider === 'string')) return false;
  return recordGroup.every((g) => Number.isSafeInteger(g) && g >= SKIPPED_RECORD && g < groups.length);
}

/**
 * An entry as the cache's JSON gives it, which may have been edited or cut:
 * one of any other shape is dropped when the cache is read, so its file is
 * linted again, and nothing that uses an entry meets a shape it cannot take.
 */
function wellFormedEntry(entry: unknown): entry is CachedFile {
  if (!isObject(entry)) return false;
  const { hash, asOf, records, lines, stats, keys } = entry as { [K in keyof CachedFile]?: unknown };
  return typeof hash === 'string' && Number.isFinite(asOf) && isCount(records) && isCount(lines) && wellFormedStats(stats) && wellFormedBlock(keys);
}

/**
 * The cache's JSON, or undefined when there is none to read (missing,
 * unreadable, not JSON). Opened without waiting (a FIFO would hold the run
 * until something wrote to it), and asked once open whether it is a regular
 * file, so what is read is what was asked about.
 */
async function readCacheFile(location: string): Promise<Partial<CacheFile> | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(location, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!(await handle.stat()).isFile()) return undefined;
    const data: unknown = JSON.parse(await handle.readFile('utf8'));
    return isObject(data) ? (data as Partial<CacheFile>) : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `text` as the file at `path`: into a new file of its own beside it
 * (temporaryPathBeside), moved over `path` once whole, so no name another
 * user planted is written through and a run that is stopped leaves the old
 * file whole.
 */
async function replaceFile(path: string, text: string): Promise<void> {
  const tmp = temporaryPathBeside(path);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    refuseUnlessRegularFile(path);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** A block as the cache's JSON gives it, which may have been edited: the wrong shape is a miss. */
function wellFormedBlock(block: unknown): block is KeyBlock {
  if (!block || typeof block !== 'object') return false;
  const { at, bytes, records, keys, digest } = block as Partial<KeyBlock>;
  return [at, bytes, records, keys].every((n) => Number.isSafeInteger(n) && n! >= 0) && typeof digest === 'string';
}

function emptyBlock(block: KeyBlock): boolean {
  return block.bytes === 0 && block.records === 0 && block.keys === 0;
}

export class LintCache {
  /** This run's keys of the files it may cache, collected into the new key file. */
  readonly collected = new KeyBlockCollector(() => {
    if (this.refusal) throw this.refusal;
    removeStaleKeyFiles(LintCache.keyFilePath(this.location));
    mkdirSync(dirname(this.location), { recursive: true });
    return new KeyFileWriter(LintCache.keyFilePath(this.location));
  });
  /** Files stored this run, whose keys are in `collected`. */
  private readonly stored = new Set<string>();
  private constructor(
    private readonly location: string,
    private readonly runKey: string,
    /** This run's "today", in ms since the epoch. */
    private readonly now: number,
    private readonly entries: Record<string, CachedFile>,
    private readonly keyFile: KeyFileReader | undefined,
    /** Entries changed or dropped this run, or no usable cache was found: the cache is written. */
    private changed: boolean,
    /** Why the cache is neither read nor written: its place holds something other than a regular file. */
    private readonly refusal?: Error,
  ) {}

  private static keyFilePath(location: string): string {
    return `${location}.keys`;
  }

  /**
   * Opens the cache; one written under another run key (other rules,
   * settings or versions), or none, starts empty, and an entry of the wrong
   * shape is dropped. A place that holds something other than a regular file
   * (see refuseUnlessRegularFile) is not read, and saving says why.
   */
  static async open(location: string, runKey: string, now: Date): Promise<LintCache> {
    const entries = Object.create(null) as Record<string, CachedFile>;
    try {
      refuseUnlessRegularFile(location);
    } catch (refusal) {
      return new LintCache(location, runKey, now.getTime(), entries, undefined, false, refusal as Error);
    }
    const data = await readCacheFile(location);
    if (data?.version !== CACHE_FORMAT || data.runKey !== runKey || !isObject(data.files)) return new LintCache(location, runKey, now.getTime(), entries, undefined, true);
    let dropped = false;
    for (const [filePath, entry] of Object.entries(data.files)) {
      if (wellFormedEntry(entry)) entries[filePath] = entry;
      else dropped = true;
    }
    const keyFile = KeyFileReader.open(LintCache.keyFilePath(location), typeof data.keyFile === 'string' ? data.keyFile : undefined);
    return new LintCache(location, runKey, now.getTime(), entries, keyFile, dropped);
  }

  /** The file's entry if its content is unchanged and its keys are all there, as written. */
  lookup(filePath: string, hash: string): CachedFile | undefined {
    const entry = this.entries[filePath];
    if (!entry || entry.hash !== hash || entry.asOf > this.now) return undefined;
    // A verdict reached against today that a later day may change (a document valid until then).
    const through = entry.stats.holdsThrough;
    if (through !== undefined && (beijingDateOf(new Date(this.now)) ?? '') > through) return undefined;
    return emptyBlock(entry.keys) || this.keyFile?.verify(entry.keys) ? entry : undefined;
  }

  /** A looked-up entry's keys, some thousands of records at a time, each piece to be used before the next (see KeyFileReader.unitKeys). */
  *keysOf(entry: CachedFile): Generator<UnitKeys> {
    if (!emptyBlock(entry.keys)) yield* this.keyFile!.unitKeys(entry.keys);
  }

  /** Keeps a file linted this run, whose keys are collected in `collected`. */
  store(filePath: string, entry: Omit<CachedFile, 'keys' | 'asOf'>): void {
    // The run's record groups are an Int32Array, which JSON writes as an object: kept as an array.
    const stats = { ...entry.stats, recordGroup: Array.from(entry.stats.recordGroup) };
    this.entries[filePath] = { ...entry, asOf: this.now, stats, keys: { at: 0, bytes: 0, records: 0, keys: 0, digest: '' } };
    this.stored.add(filePath);
    this.changed = true;
  }

  forget(filePath: string): void {
    if (!(filePath in this.entries)) return;
    delete this.entries[filePath];
    this.stored.delete(filePath);
    this.changed = true;
  }

  /**
   * Writes the cache. The new key file holds the keys of the files stored
   * this run; each other block the cache keeps is copied to it from the old
   * key file, and one whose bytes no longer match its digest is dropped with
   * its entry. When no file was stored the old key file stays as it is. The
   * key file is moved into place before the JSON, so a run that is stopped
   * never leaves an index pointing at half a key file.
   */
  async save(): Promise<void> {
    try {
      if (this.refusal) throw this.refusal;
      if (!this.changed && !this.collected.failure) return;
      // Checked before the key file is moved into place, which the JSON then could not name.
      refuseUnlessRegularFile(this.location);
      let keyFileId = this.keyFile?.id;
      const writer = this.collected.take();
      for (const filePath of this.stored) {
        // Its keys were lost with the key file (a full disk): not cached after all.
        if (this.collected.block(filePath)) continue;
        this.stored.delete(filePath);
        delete this.entries[filePath];
      }
      if (writer && this.stored.size > 0) {
        for (const [filePath, entry] of Object.entries(this.entries)) {
          const collected = this.stored.has(filePath) ? this.collected.block(filePath) : undefined;
          if (collected) {
            entry.keys = collected;
          } else if (!wellFormedBlock(entry.keys) || (!emptyBlock(entry.keys) && !this.keyFile)) {
            delete this.entries[filePath];
          } else if (!emptyBlock(entry.keys)) {
            const start = writer.size;
            let copied: KeyBlock | undefined;
            try {
              copied = writer.block(this.keyFile!.pieces(entry.keys), entry.keys.records, entry.keys.keys);
            } catch {
              // Cut short since it was written: as changed.
            }
            if (copied?.digest === entry.keys.digest) {
              entry.keys = copied;
            } else {
              // Changed since it was written: the entry goes, with what of its block was copied.
              writer.truncate(start);
              delete this.entries[filePath];
            }
          }
        }
        // Every block is copied: the old key file is let go before the new one takes its name.
        this.keyFile?.close();
        writer.commit();
        keyFileId = writer.id;
      }
      const body: CacheFile = { version: CACHE_FORMAT, runKey: this.runKey, ...(keyFileId ? { keyFile: keyFileId } : {}), files: this.entries };
      await mkdir(dirname(this.location), { recursive: true });
      await replaceFile(this.location, JSON.stringify(body));
      // The files whose keys could not be written are linted again next time; the caller hears why.
      if (this.collected.failure) throw this.collected.failure;
    } finally {
      this.close();
    }
  }

  /** Lets go of the key files; a new one not moved into place is removed. */
  close(): void {
    this.keyFile?.close();
    this.collected.take()?.abandon();
  }
}
