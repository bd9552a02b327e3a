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
