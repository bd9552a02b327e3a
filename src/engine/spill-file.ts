import { createCipheriv, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAll } from '../input/read-all.js';

// One exit handler for all open files: a process may hold many (a library caller's runs, each
// readable until its results are collected), more than Node likes listeners on one event.
const openFiles = new Set<SpillFile>();
let exitHandlerAdded = false;
function removeAtExit(file: SpillFile): void {
  openFiles.add(file);
  if (exitHandlerAdded) return;
  exitHandlerAdded = true;
  process.once('exit', () => {
    for (const f of openFiles) f.close();
  });
}

/**
 * One temporary file that a log appends blocks to and reads them back from
 * (batch keys, messages). It is made on the first block that does not fit
 * the log's memory budget, so a run that fits writes nothing, and removed
 * when its owner closes it or the process exits. Its folder is private to
 * the user (mkdtemp) and the file readable by the user alone.
 *
 * Its bytes are encrypted with a key that exists only in this process's
 * memory: messages hold personal data in full with --no-redact, and a run
 * that is killed leaves its file behind unreadable. AES-256 in counter mode
 * encrypts and decrypts any byte range on its own, so blocks are read back
 * from anywhere, at any length.
 */
export class SpillFile {
  private dir: string | undefined;
  private fd = -1;
  private size = 0;
  private unusable = false;
  private secret: { key: Buffer; nonce: Buffer } | undefined;

  /** `name` names the file inside its temporary folder, for whoever looks at a running run. */
  constructor(private readonly name: string) {}

  /**
   * Appends bytes; returns where they start, or undefined when no temporary
   * file can be written (a full or read-only temporary directory): the
   * caller then keeps the bytes in memory, which costs memory, not results.
   */
  append(bytes: Uint8Array): number | undefined {
    if (this.unusable) return undefined;
    try {
      if (this.fd < 0) {
        this.secret = { key: randomBytes(32), nonce: randomBytes(8) };
        this.dir = mkdtempSync(join(tmpdir(), 'beianlint-'));
        this.fd = openSync(join(this.dir, this.name), 'w+', 0o600);
        removeAtExit(this);
      }
      const at = this.size;
      const sealed = this.crypt(bytes, at);
      let written = 0;
      while (written < sealed.length) written += writeSync(this.fd, sealed, written, sealed.length - written, at + written);
      this.size += bytes.length;
      return at;
    } catch {
      // What was written stays readable; nothing more is written.
      this.unusable = true;
      if (this.fd < 0) this.close();
      return undefined;
    }
  }

  read(into: Uint8Array, at: number): void {
    if (readAll(this.fd, into, into.length, at) < into.length) throw new Error(`temporary file ${this.name} is shorter than written`);
    into.set(this.crypt(into, at));
  }

  /** The bytes at file offset `at`, encrypted, or decrypted: in counter mode the two are one operation. */
  private crypt(bytes: Uint8Array, at: number): Buffer {
    const { key, nonce } = this.secret!;
    // The counter block of offset `at`: the nonce, then the block number (big-endian, as OpenSSL counts).
    const iv = Buffer.alloc(16);
    nonce.copy(iv, 0);
    iv.writeBigUInt64BE(BigInt(Math.floor(at / 16)), 8);
    const cipher = createCipheriv('aes-256-ctr', key, iv);
    const skip = at % 16;
    if (skip > 0) cipher.update(Buffer.alloc(skip));
    return cipher.update(bytes);
  }

  get bytesWritten(): number {
    return this.size;
  }

  close(): void {
    if (this.fd >= 0) {
      closeSync(this.fd);
      this.fd = -1;
      openFiles.delete(this);
    }
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      this.dir = undefined;
    }
    this.secret = undefined;
  }
}
