import { createCipheriv, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { constants as osConstants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { readAll } from '../input/read-all.js';

/** Bytes encrypted or decrypted per cipher call: each call's output is a new buffer, released at once (see release). */
const CRYPT_PIECE = 64 * 1024;

let closedPort: MessagePort | undefined;

/**
 * Frees a buffer's memory now. Each cipher call returns a new buffer, and its
 * memory, outside V8's heap, is freed only when a collection finds the buffer
 * dead. Reading back the batch keys at the end of a run allocates little
 * else, so no collection comes: a large run's keys left their buffers
 * behind, and they made the run's peak. A buffer transferred to a closed port is
 * detached and dropped with the message.
 */
function release(buffer: Buffer): void {
  // Only a buffer that owns its whole ArrayBuffer: a slice of Node's shared pool must never be detached.
  const memory = buffer.buffer;
  if (!(memory instanceof ArrayBuffer) || buffer.byteOffset !== 0 || memory.byteLength !== buffer.byteLength) return;
  if (!closedPort) {
    const { port1, port2 } = new MessageChannel();
    port1.close();
    port2.close();
    closedPort = port1;
  }
  try {
    closedPort.postMessage(null, [memory]);
  } catch {
    // Not transferable after all: a collection frees it.
  }
}

// One exit handler for all open files: a process may hold many (a library caller's runs, each
// readable until its results are collected), more than Node likes listeners on one event.
const openFiles = new Set<SpillFile>();
let exitHandlerAdded = false;
function removeAtExit(file: SpillFile): void {
  openFiles.add(file);
  listenForSignals();
  if (exitHandlerAdded) return;
  exitHandlerAdded = true;
  process.once('exit', closeOpenFiles);
}

function closeOpenFiles(): void {
  for (const f of openFiles) f.close();
}

/** The signals that end a run from outside (Ctrl-C, `kill`), whose default action ends the process without its exit handlers. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let listeningForSignals = false;

/**
 * While a temporary file exists, SIGINT and SIGTERM remove it before the
 * process ends; without a listener Node ends the process at once, exit
 * handlers unrun, and the folder stays behind. The process then ends of the
 * signal itself, as it would have without a listener: the shell sees 130 or
 * 143, and a parent (a shell loop, make) sees that it was interrupted. A
 * listener of someone else's (a library caller's) decides for itself; the
 * exit handler removes the files if it exits. Nothing listens while no
 * temporary file exists, so a run that fits in memory keeps Node's defaults.
 */
function endOnSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  try {
    closeOpenFiles();
  } finally {
    stopListeningForSignals();
    process.kill(process.pid, signal);
    // Should the process outlive its own signal, it ends with the status a shell shows for that signal.
    process.exit(128 + osConstants.signals[signal]);
  }
}

function listenForSignals(): void {
  if (listeningForSignals) return;
  listeningForSignals = true;
  for (const signal of ENDING_SIGNALS) process.on(signal, endOnSignal);
}

function stopListeningForSignals(): void {
  if (!listeningForSignals) return;
  listeningForSignals = false;
  for (const signal of ENDING_SIGNALS) process.removeListener(signal, endOnSignal);
}

/**
 * One temporary file that a log appends blocks to and reads them back from
 * (batch keys, messages). It is made on the first block that does not fit
 * the log's memory budget, so a run that fits writes nothing, and removed
 * when its owner closes it, the process exits, or SIGINT or SIGTERM ends it
 * (see endOnSignal). Its folder is private to the user (mkdtemp) and the
 * file readable by the user alone.
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
        // Listening first: a signal that came between making the folder and listening would end
        // the process by default, leaving the folder. A listener runs only once this block is done.
        removeAtExit(this);
        this.dir = mkdtempSync(join(tmpdir(), 'beianlint-'));
        this.fd = openSync(join(this.dir, this.name), 'w+', 0o600);
      }
      const at = this.size;
      this.crypt(bytes, at, (sealed, offset) => {
        let written = 0;
        while (written < sealed.length) written += writeSync(this.fd, sealed, written, sealed.length - written, at + offset + written);
      });
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
    this.crypt(into, at, (plain, offset) => into.set(plain, offset));
  }

  /**
   * The bytes at file offset `at`, encrypted, or decrypted: in counter mode
   * the two are one operation. Handed to `use` a piece at a time, with the
   * piece's offset in `bytes`; each piece is released once used.
   */
  private crypt(bytes: Uint8Array, at: number, use: (piece: Buffer, offset: number) => void): void {
    const { key, nonce } = this.secret!;
    // The counter block of offset `at`: the nonce, then the block number (big-endian, as OpenSSL counts).
    const iv = Buffer.alloc(16);
    nonce.copy(iv, 0);
    iv.writeBigUInt64BE(BigInt(Math.floor(at / 16)), 8);
    const cipher = createCipheriv('aes-256-ctr', key, iv);
    const skip = at % 16;
    if (skip > 0) cipher.update(Buffer.alloc(skip));
    for (let offset = 0; offset < bytes.length; offset += CRYPT_PIECE) {
      const piece = cipher.update(bytes.subarray(offset, Math.min(bytes.length, offset + CRYPT_PIECE)));
      use(piece, offset);
      release(piece);
    }
  }

  get bytesWritten(): number {
    return this.size;
  }

  close(): void {
    if (this.fd >= 0) {
      closeSync(this.fd);
      this.fd = -1;
    }
    if (openFiles.delete(this) && openFiles.size === 0) stopListeningForSignals();
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      this.dir = undefined;
    }
    this.secret = undefined;
  }
}
