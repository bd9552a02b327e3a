// Files the command line writes beside the user's (a fixed filing, a sample,
// the suppressions file): written whole and then moved into place.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The path with every symbolic link and `..` resolved, or undefined when there is nothing there. */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes `text` to a new file beside `target`, created with `mode` (less the
 * umask), then renames it over `target`: a reader sees the old text or the
 * new, never half of one, and a failure leaves the old and no stray file.
 * `prepare` runs on the new file before it takes the target's place (to
 * give it the target's exact mode and owner).
 */
export function replaceFile(target: string, text: string, mode: number, prepare?: (written: string) => void): void {
  const written = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(written, 'wx', mode);
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    } finally {
      closeSync(fd);
    }
    prepare?.(written);
    renameSync(written, target);
  } catch (e) {
    rmSync(written, { force: true });
    throw e;
  }
}
