// Standard output and standard error belong to whoever started beianlint: the
// reader of a pipe may go away (`beianlint examples/ | head -1`), a disk may
// fill up. A write that fails there is the caller's to judge, and must never
// end the process as an unhandled 'error' event with a stack trace.
import { escapeControls } from '../domain/text.js';

const absorbing = new WeakSet<NodeJS.WritableStream>();

/**
 * Gives the stream an 'error' listener for good. A failed write is also told
 * to its own callback, which is where it is judged; but the event comes a tick
 * after the write, when its writer may have moved on, and an 'error' event
 * with no listener is thrown.
 */
export function absorbWriteErrors(stream: NodeJS.WritableStream): void {
  if (absorbing.has(stream)) return;
  absorbing.add(stream);
  stream.on('error', () => {});
}

/**
 * Writes a line for the user, on standard error. When that stream is broken
 * there is nowhere left to say anything, and the exit status still tells.
 * What the line quotes (a path, an argument, a reason from the file system)
 * is the user's or the input's: its control and bidirectional characters are
 * shown escaped, so no line can move the cursor, erase the screen or pose as
 * a problem line of its own.
 */
export function tell(stream: NodeJS.WritableStream, text: string): void {
  absorbWriteErrors(stream);
  const line = text.endsWith('\n') ? `${escapeControls(text.slice(0, -1))}\n` : escapeControls(text);
  try {
    stream.write(line);
  } catch {
    // A stream that writes at once may throw instead of calling back: given up on in the same way.
  }
}

/** Resolves when the stream asks for more, or fails, or closes (and so will never ask). */
function ready(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/**
 * Writes the pieces in order to a stream that is not ours (standard output),
 * waiting whenever it asks to, and stops at the first write that fails.
 * Resolves once every write is settled, to that first failure, if any: a
 * write's failure is told only after it has returned. An error thrown while
 * making the pieces (a formatter's) is no write failure and is thrown on.
 */
export async function writeAll(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<Error | undefined> {
  absorbWriteErrors(stream);
  let failure: Error | undefined;
  let unsettled = 0;
  let allSettled: (() => void) | undefined;
  const settle = (error?: Error | null) => {
    if (error) failure ??= error;
    if (--unsettled === 0) allSettled?.();
  };
  for (const piece of pieces) {
    if (failure) break;
    let full: boolean;
    unsettled++;
    try {
      full = !stream.write(piece, settle);
    } catch (e) {
      // A stream that writes at once may throw instead of calling back.
      unsettled--;
      failure ??= e as Error;
      break;
    }
    // A write that failed at once marks the stream errored before its callback comes: the rest of the
    // report is not made for nothing. A destroyed stream fails every write and will never drain.
    const state = stream as { errored?: Error | null; destroyed?: boolean };
    if (state.errored || state.destroyed) break;
    if (full && !failure) await ready(stream);
  }
  if (unsettled > 0) await new Promise<void>((resolve) => (allSettled = resolve));
  return failure;
}
