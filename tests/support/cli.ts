import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** A stream that keeps what is written to it, and counts the writes. */
export class Collected extends Writable {
  text = '';
  writes = 0;
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writes++;
    this.text += chunk.toString('utf8');
    callback();
  }
}

/**
 * The command line run in-process from src/ (no build needed), in `cwd`
 * when given (the working directory is put back after), with its output
 * collected.
 */
export async function runMainIn(cwd: string | undefined, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new Collected();
  const stderr = new Collected();
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const status = await main(args, { stdout, stderr });
    return { status, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.chdir(before);
  }
}
