import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';

const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash;

/**
 * A short, one-way digest, so keys built from identity numbers and phones are
 * not kept as such. 96 bits: among the millions of keys of a national batch,
 * a chance collision (a false repeat) stays far below one in a billion runs.
 */
export function digest(value: string): string {
  // crypto.hash (Node 20.12+) is the one-shot form, several times cheaper per call than a Hash object.
  // Encoding only the 12 bytes kept gives a string of its own: a slice of a longer one would keep it alive.
  const bytes = oneShot ? oneShot('sha256', value, 'buffer') : createHash('sha256').update(value).digest();
  return bytes.toString('base64', 0, 12);
}
