import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';

const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'base64') => string }).hash;

/**
 * A short, one-way digest, so keys built from identity numbers and phones are
 * not kept as such. 96 bits: among the millions of keys of a national batch,
 * a chance collision (a false repeat) stays far below one in a billion runs.
 */
export function digest(value: string): string {
  // crypto.hash (Node 20.12+) is the one-shot form, several times cheaper per call than a Hash object.
  return oneShot ? oneShot('sha256', value, 'base64').slice(0, 16) : createHash('sha256').update(value).digest('base64').slice(0, 16);
}
