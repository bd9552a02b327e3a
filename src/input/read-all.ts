import { readSync } from 'node:fs';

/**
 * Reads up to `length` bytes at `position` into the start of `into`, as many
 * reads as it takes; returns how many it got (fewer only at the end of the
 * file). One loop for every reader of a known span of a file.
 */
export function readAll(fd: number, into: Uint8Array, length: number, position: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, into, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Bytes a ReadWindow reads at a time. */
const WINDOW_BYTES = 64 * 1024;

/**
 * Reads spans of a file, asked for in ascending order, through a window of
 * it: spans that lie close together (the records a batch rule reports on a
 * batch of copies: every one) cost one read between them, not one each.
 */
export class ReadWindow {
  private readonly window: Buffer;
  private start = 0;
  private length = 0;

  constructor(
    private readonly fd: number,
    windowBytes = WINDOW_BYTES,
  ) {
    this.window = Buffer.allocUnsafe(windowBytes);
  }

  /**
   * The file's bytes from `at` to the end of the window, which starts at
   * `at` if it did not hold it. A view, valid until the next call; empty at
   * the end of the file.
   */
  from(at: number): Buffer {
    if (at < this.start || at >= this.start + this.length) return this.refill(at);
    return this.window.subarray(at - this.start, this.length);
  }

  /** `length` bytes at `at`, or fewer at the end of the file. A view of the window when they fit it, else a buffer of their own. */
  span(at: number, length: number): Buffer {
    if (length > this.window.length) {
      const own = Buffer.allocUnsafe(length);
      return own.subarray(0, readAll(this.fd, own, length, at));
    }
    const bytes = at >= this.start && at + length <= this.start + this.length ? this.window.subarray(at - this.start, this.length) : this.refill(at);
    return bytes.subarray(0, Math.min(length, bytes.length));
  }

  private refill(at: number): Buffer {
    this.start = at;
    this.length = readAll(this.fd, this.window, this.window.length, at);
    return this.window.subarray(0, this.length);
  }
}
