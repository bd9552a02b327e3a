import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, constants, fstatSync, ftruncateSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigurationError } from '../engine/types.js';
import { readAll } from '../input/read-all.js';
import { RECORD_INDEX, RECORD_LINE, RECORD_OFFSET, RECORD_ROW, type UnitKeys } from './batch.js';
import { KEY_ROW, ROW_RECORD } from './key-log.js';

// The batch keys of the files the cache keeps, in a binary file beside the
// cache's JSON (`<cache>.keys`). A clean file has about 40 numbers of keys a
// record: as JSON, read whole, a large file's keys took several times the
// memory of the rest of the run, so the JSON keeps only where each file's keys lie and their digest,
// and keys are written and read a block at a time.
//
// A file's keys are one run of entries, one per record with keys:
//   record index, first line, byte offset (high, low 32 bits; -1, -1 when not
//   streamed), number of keys, then per key its KEY_ROW - 1 ints (rule and key
//   index in one, digest ×3, holder, holder name, holder alias), as in a key
//   row without its record column (ROW_RECORD, the last; see key-log.ts).
// The magic's last byte is the format: 2 since rows have a holder's scheme,
// name and alias (a file of rows of another width is a miss, not misread).
// Ints are 32-bit, in this machine's byte order; the header says which, and a
// file of the other order is a miss.

const MAGIC = Buffer.from('beianlint-keys\u0000\u0002', 'latin1');
const ID_BYTES = 16;
const BYTE_ORDER_MARK = 0x01020304;
export const HEADER_BYTES = MAGIC.length + 4 + ID_BYTES;
const ENTRY_HEAD = 5;
// The record column is the last, so a key's ints are its row's first KEY_INTS.
const KEY_INTS = ROW_RECORD;
const IO_BYTES = 1 << 20;
const TWO_32 = 2 ** 32;

/** Where a file's keys lie in the key file, as the cache's JSON records it. */
export interface KeyBlock {
  at: number;
  bytes: number;
  /** Records with keys, and keys, in the block: a read that finds other counts is a damaged file. */
  records: number;
  keys: number;
  /** SHA-256 (base64) of the block's bytes: a block that was edited or cut short is a miss. */
  digest: string;
}

/** This machine's byte order as an int, written into the header. */
function byteOrderMark(): Buffer {
  const b = Buffer.alloc(4);
  new Int32Array(b.buffer, b.byteOffset, 1)[0] = BYTE_ORDER_MARK;
  return b;
}

/** A key file's id (hex), or undefined when the bytes are not a key file header of this machine's order. */
function headerId(header: Buffer): string | undefined {
  if (header.length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (!header.subarray(MAGIC.length, MAGIC.length + 4).equals(byteOrderMark())) return undefined;
  return header.subarray(MAGIC.length + 4, HEADER_BYTES).toString('hex');
}

/**
 * The cache's files are written under a name no one can have planted: a new
 * file made with O_EXCL (which follows no link and opens nothing that exists)
 * beside its target, moved over the target once whole. The pid lets a later
 * run remove the file of a run that was killed (removeStaleKeyFiles); the
 * random part, that another user of a shared cache folder cannot guess it.
 */
export function temporaryPathBeside(path: string): string {
  return `${path}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`;
}

/**
 * Refuses to write a cache file where something other than a regular file
 * is (a device, a FIFO, a folder, or a link to one): moved over, it would be
 * lost, and `/dev/null` would become a file. A missing path, or a link to a
 * missing path, is free; a path that cannot be asked is left to the write,
 * which says why it fails.
 */
export function refuseUnlessRegularFile(path: string): void {
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch {
    return;
  }
  if (stats && !stats.isFile()) {
    throw new ConfigurationError({ en: `refused to replace '${path}', which is not a regular file`, 'zh-CN': `拒绝替换 '${path}'：它不是普通文件` });
  }
}

/**
 * Opens a cache file to read, or undefined when there is no regular file to
 * read there. Opened without waiting (a FIFO would hold the run until
 * something wrote to it) and asked what it is once open, so what was
 * opened is what is read.
 */
export function openRegularFile(path: string): number | undefined {
  let fd = -1;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (fstatSync(fd).isFile()) return fd;
  } catch {
    // Missing or unreadable: as missing.
  }
  if (fd >= 0) closeSync(fd);
  return undefined;
}

function readFully(fd: number, into: Uint8Array, at: number): boolean {
  return readAll(fd, into, into.length, at) === into.length;
}

/**
 * Collects, during a run, the keys of the files that may yet be cached,
 * straight into the new key file: units arrive in input order, so a file's
 * keys are one run of appends at the file's end. A file that gets a message
 * is dropped while it is still the last one written, and the file is cut
 * back to where its keys began.
 */
export class KeyBlockCollector {
  private buffer = new Int32Array(IO_BYTES / 4);
  private used = 0;
  /** The file being collected: its keys are the key file's last bytes and the buffer. */
  private current: { filePath: string; start: number; hash: Hash; records: number; keys: number } | undefined;
  private readonly blocks = new Map<string, KeyBlock>();
  private writer: KeyFileWriter | undefined;
  private unusable = false;
  /** Why keys stopped being collected (a read-only folder, a full disk): no file is cached this run. */
  failure: Error | undefined;

  /** `openWriter` makes the new key file on the first keys. */
  constructor(private readonly openWriter: () => KeyFileWriter) {}

  /** Stops collecting, for good: the run goes on, and caches nothing. */
  private fail(e: unknown): void {
    this.failure ??= e instanceof Error ? e : new Error(String(e));
    this.unusable = true;
    this.current = undefined;
    this.used = 0;
    this.blocks.clear();
    this.writer?.abandon();
    this.writer = undefined;
  }

  /** Adds a unit's keys to its file's, with record indexes and lines shifted to count from the start of the file. */
  add(filePath: string, unit: UnitKeys, recordShift: number, lineShift: number): void {
    if (this.unusable) return;
    if (this.current?.filePath !== filePath) {
      this.finishCurrent();
      try {
        this.writer ??= this.openWriter();
      } catch (e) {
        this.fail(e);
        return;
      }
      this.current = { filePath, start: this.writer.size, hash: createHash('sha256'), records: 0, keys: 0 };
    }
    const current = this.current;
    const { records, rows } = unit;
    let row = 0;
    for (let r = 0; r < records.length / RECORD_ROW; r++) {
      let count = 0;
      while (row + count * KEY_ROW < rows.length && rows[row + count * KEY_ROW + ROW_RECORD] === r) count++;
      this.reserve(ENTRY_HEAD + count * KEY_INTS);
      if (this.unusable) return;
      const b = this.buffer;
      const offset = records[r * RECORD_ROW + RECORD_OFFSET]!;
      b[this.used++] = records[r * RECORD_ROW + RECORD_INDEX]! + recordShift;
      b[this.used++] = records[r * RECORD_ROW + RECORD_LINE]! + lineShift;
      b[this.used++] = offset < 0 ? -1 : Math.floor(offset / TWO_32);
      b[this.used++] = offset < 0 ? -1 : offset % TWO_32;
      b[this.used++] = count;
      for (let k = 0; k < count; k++, row += KEY_ROW) for (let i = 0; i < KEY_INTS; i++) b[this.used++] = rows[row + i]!;
      current.records++;
      current.keys += count;
    }
  }

  private reserve(ints: number): void {
    if (this.used + ints <= this.buffer.length) return;
    this.flush();
    if (this.unusable) return;
    // One record's keys never come near a megabyte, but nothing here depends on it.
    if (ints > this.buffer.length) this.buffer = new Int32Array(ints);
  }

  private flush(): void {
    if (this.used === 0 || !this.current) return;
    const bytes = new Uint8Array(this.buffer.buffer, 0, this.used * 4);
    this.used = 0;
    this.current.hash.update(bytes);
    try {
      this.writer!.append(bytes);
    } catch (e) {
      this.fail(e);
    }
  }

  private finishCurrent(): void {
    if (!this.current) return;
    this.flush();
    if (!this.current) return;
    const { filePath, start, hash, records, keys } = this.current;
    this.blocks.set(filePath, { at: start, bytes: this.writer!.size - start, records, keys, digest: hash.digest('base64') });
    this.current = undefined;
  }

  /** Forgets a file's keys: it has a message, so it is not cached. */
  drop(filePath: string): void {
    if (this.current?.filePath === filePath) {
      this.used = 0;
      try {
        this.writer!.truncate(this.current.start);
      } catch (e) {
        this.fail(e);
      }
      this.current = undefined;
    }
    // A file collected before others (never, as units come in order) would leave its bytes unused.
    this.blocks.delete(filePath);
  }

  /** Whether the file's keys (possibly none) are collected. */
  has(filePath: string): boolean {
    return this.current?.filePath === filePath || this.blocks.has(filePath);
  }

  /** Where the file's keys lie in the new key file; the file is done with. */
  block(filePath: string): KeyBlock | undefined {
    if (this.current?.filePath === filePath) this.finishCurrent();
    return this.blocks.get(filePath);
  }

  /** The new key file, once any keys were collected; no more are collected after this. */
  take(): KeyFileWriter | undefined {
    this.finishCurrent();
    this.unusable = true;
    return this.writer;
  }
}

/**
 * The key file a cache was written with, opened for the whole run: a run
 * that replaces it meanwhile renames a new file into its place, and this one
 * reads on from the old.
 */
export class KeyFileReader {
  private constructor(
    private fd: number,
    readonly id: string,
  ) {}

  /** The key file at `path` if its id is `id`; undefined when it is missing, damaged or another run's. */
  static open(path: string, id: string | undefined): KeyFileReader | undefined {
    if (!id) return undefined;
    const fd = openRegularFile(path);
    if (fd === undefined) return undefined;
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      if (readFully(fd, header, 0) && headerId(header) === id) return new KeyFileReader(fd, id);
    } catch {
      // Unreadable: as missing.
    }
    closeSync(fd);
    return undefined;
  }

  /** Whether the block is all there and its bytes are the ones written. */
  verify(block: KeyBlock): boolean {
    if (block.at < HEADER_BYTES || block.bytes % 4 !== 0) return false;
    try {
      if (block.at + block.bytes > fstatSync(this.fd).size) return false;
      const hash = createHash('sha256');
      for (const piece of this.pieces(block)) hash.update(piece);
      return hash.digest('base64') === block.digest;
    } catch {
      return false;
    }
  }

  /** The block's bytes, a megabyte at a time (the same buffer each time). */
  *pieces(block: KeyBlock): Generator<Uint8Array> {
    const buffer = Buffer.allocUnsafe(Math.min(IO_BYTES, block.bytes));
    for (let done = 0; done < block.bytes; ) {
      const n = Math.min(buffer.length, block.bytes - done);
      const piece = buffer.subarray(0, n);
      if (!readFully(this.fd, piece, block.at + done)) throw new Error('the cache key file is shorter than its index says');
      yield piece;
      done += n;
    }
  }

  /**
   * The block's keys, a megabyte of the file at a time, with record indexes
   * and lines as in the file. Each piece is in the same typed arrays, so it
   * is to be used before the next is asked for. The block must have been
   * verified: counts that do not add up throw.
   */
  *unitKeys(block: KeyBlock): Generator<UnitKeys> {
    // Sized for a piece of entries (a megabyte, or the whole of a smaller block: a run may replay
    // thousands of one-filing files) and what one entry can leave over from the piece before.
    const most = Math.min(IO_BYTES, block.bytes) / 4;
    let ints = new Int32Array(2 * most);
    let records = new Float64Array(Math.ceil((2 * most) / ENTRY_HEAD) * RECORD_ROW);
    let rows = new Int32Array(Math.ceil((2 * most) / KEY_INTS) * KEY_ROW);
    let pending = 0;
    let recordCount = 0;
    let keyCount = 0;
    for (const piece of this.pieces(block)) {
      const length = pending + piece.length / 4;
      if (length > ints.length) {
        // An entry longer than a megabyte: not written by beianlint, but read all the same.
        const grown = new Int32Array(length);
        grown.set(ints.subarray(0, pending));
        ints = grown;
        records = new Float64Array(Math.ceil(length / ENTRY_HEAD) * RECORD_ROW);
        rows = new Int32Array(Math.ceil(length / KEY_INTS) * KEY_ROW);
      }
      new Uint8Array(ints.buffer, pending * 4, piece.length).set(piece);
      let at = 0;
      let r = 0;
      let k = 0;
      while (at + ENTRY_HEAD <= length) {
        const count = ints[at + 4]!;
        if (count < 0) throw new Error('the cache key file is damaged');
        const end = at + ENTRY_HEAD + count * KEY_INTS;
        if (end > length) break;
        const high = ints[at + 2]!;
        records[r * RECORD_ROW] = ints[at]!;
        records[r * RECORD_ROW + 1] = ints[at + 1]!;
        records[r * RECORD_ROW + 2] = high < 0 ? -1 : high * TWO_32 + (ints[at + 3]! >>> 0);
        // Copied int by int: a view per key cost more than the copy (see KeyLog.add).
        for (let key = at + ENTRY_HEAD; key < end; key += KEY_INTS, k += KEY_ROW) {
          for (let i = 0; i < KEY_INTS; i++) rows[k + i] = ints[key + i]!;
          rows[k + ROW_RECORD] = r;
        }
        r++;
        recordCount++;
        keyCount += count;
        at = end;
      }
      // What is left of a cut entry moves to the front, for the next piece to complete.
      ints.copyWithin(0, at, length);
      pending = length - at;
      if (r > 0) yield { records: records.subarray(0, r * RECORD_ROW), rows: rows.subarray(0, k) };
    }
    if (pending > 0 || recordCount !== block.records || keyCount !== block.keys) throw new Error('the cache key file is damaged');
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * Writes a new key file under a temporary name beside the cache, and moves
 * it into place: a run that is stopped never leaves half a key file where
 * the cache's JSON would point at it. (A run that is killed leaves its
 * temporary file, which the next run removes: see removeStaleKeyFiles.) The
 * temporary file is a new one of its own (temporaryPathBeside), and a place
 * that holds something other than a regular file is not written over.
 */
export class KeyFileWriter {
  readonly id = randomBytes(ID_BYTES).toString('hex');
  private readonly tmp: string;
  private fd: number;
  private length = 0;

  constructor(private readonly path: string) {
    this.tmp = temporaryPathBeside(path);
    this.fd = openSync(this.tmp, 'wx', 0o600);
    this.append(Buffer.concat([MAGIC, byteOrderMark(), Buffer.from(this.id, 'hex')]));
  }

  get size(): number {
    return this.length;
  }

  append(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.length + done);
    this.length += bytes.length;
  }

  /** Forgets everything written from `size` on. */
  truncate(size: number): void {
    ftruncateSync(this.fd, size);
    this.length = size;
  }

  /** Appends a block copied from elsewhere; its place and digest are worked out from the bytes written. */
  block(pieces: Iterable<Uint8Array>, records: number, keys: number): KeyBlock {
    const at = this.length;
    const hash = createHash('sha256');
    for (const piece of pieces) {
      hash.update(piece);
      this.append(piece);
    }
    return { at, bytes: this.length - at, records, keys, digest: hash.digest('base64') };
  }

  /** Moves the key file into place; one refused (see refuseUnlessRegularFile) is still to be abandoned. */
  commit(): void {
    refuseUnlessRegularFile(this.path);
    closeSync(this.fd);
    this.fd = -1;
    renameSync(this.tmp, this.path);
  }

  abandon(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
    rmSync(this.tmp, { force: true });
  }
}

/**
 * Removes the temporary key files of runs that were killed before they
 * finished: `<path>.<pid>.<random hex>.tmp` (`<path>.<pid>.tmp` before the
 * random part) of a pid no longer running.
 */
export function removeStaleKeyFiles(path: string): void {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const temporary = name.startsWith(prefix) ? /^([0-9]+)(?:\.[0-9a-f]+)?\.tmp$/.exec(name.slice(prefix.length)) : null;
    const pid = temporary ? Number(temporary[1]) : NaN;
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || running(pid)) continue;
    rmSync(join(dirname(path), name), { force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
