import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpillFile } from '../../src/runner/spill-file.js';

const ENDING_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** The temporary folders beianlint made in `tmp`. */
const spillFolders = (tmp: string) => readdirSync(tmp).filter((name) => name.startsWith('beianlint-'));

/** Points the system's temporary directory at a fresh folder for the test, and returns it. */
function freshTmp(): string {
  const saved = process.env.TMPDIR;
  const tmp = mkdtempSync(join(tmpdir(), 'beianlint-signal-'));
  process.env.TMPDIR = tmp;
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });
  return tmp;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a temporary file and the signals that end a run', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('removes its folder on %s, then ends of the same signal (status %i)', (signal, status) => {
    const tmp = freshTmp();
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const spill = new SpillFile('messages');
    spill.append(new Uint8Array([1, 2, 3]));
    expect(spillFolders(tmp)).toHaveLength(1);
    process.emit(signal, signal);
    expect(spillFolders(tmp)).toEqual([]);
    expect(kill).toHaveBeenCalledWith(process.pid, signal);
    // Reached only if the process outlives its own signal.
    expect(exit).toHaveBeenCalledWith(status);
    for (const s of ENDING_SIGNALS) expect(process.listenerCount(s)).toBe(0);
    spill.close();
  });

  it('listens for the signals only while a temporary file exists', () => {
    freshTmp();
    const spill = new SpillFile('batch-keys');
    for (const s of ENDING_SIGNALS) expect(process.listenerCount(s)).toBe(0);
    spill.append(new Uint8Array([1]));
    for (const s of ENDING_SIGNALS) expect(process.listenerCount(s)).toBe(1);
    spill.close();
    for (const s of ENDING_SIGNALS) expect(process.listenerCount(s)).toBe(0);
  });

  it("leaves the signal to a listener of the caller's, whose process may go on using the file", () => {
    const tmp = freshTmp();
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const callers = vi.fn();
    process.on('SIGINT', callers);
    try {
      const spill = new SpillFile('messages');
      spill.append(new Uint8Array([1, 2, 3]));
      process.emit('SIGINT', 'SIGINT');
      expect(callers).toHaveBeenCalledOnce();
      expect(kill).not.toHaveBeenCalled();
      expect(spillFolders(tmp)).toHaveLength(1);
      const back = new Uint8Array(3);
      spill.read(back, 0);
      expect([...back]).toEqual([1, 2, 3]);
      spill.close();
      expect(spillFolders(tmp)).toEqual([]);
    } finally {
      process.removeListener('SIGINT', callers);
    }
  });
});

// This spawns the built binary (npm test builds first), as a user's shell would.
describe('the command line interrupted while its messages are in a temporary file', () => {
  const BIN = fileURLToPath(new URL('../../bin/beianlint.js', import.meta.url));

  /**
   * A batch whose first records hold more messages than a run keeps in memory
   * (DEFAULT_MESSAGES_IN_MEMORY), so they go to a temporary file early, and
   * whose many records after them keep the run going while it is interrupted.
   */
  function spillingBatch(): string {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-signal-batch-'));
    const record = JSON.parse(readFileSync(new URL('../fixtures/records/individual-draft.json', import.meta.url), 'utf8'));
    const website = record.websites[0];
    const websites = Array.from({ length: 50 }, (_, i) => ({
      ...website,
      domains: [{ ...website.domains[0], name: `bad_domain${i}.cn` }],
      access: { ...website.access, ips: ['999.1.1.1'] },
    }));
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(JSON.stringify({ ...record, filingId: `H-${i}`, websites }));
    for (let i = 0; i < 16_000; i++) lines.push(JSON.stringify({ ...record, filingId: `F-${i}` }));
    writeFileSync(join(dir, 'batch.jsonl'), lines.join('\n') + '\n');
    return dir;
  }

  it.each(ENDING_SIGNALS)('removes the temporary folder on %s and ends of that signal', async (signal) => {
    const dir = spillingBatch();
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [BIN, '-f', 'compact', 'batch.jsonl'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', LANG: 'C', TMPDIR: tmp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    let interrupted = false;
    const watch = setInterval(() => {
      if (!interrupted && spillFolders(tmp).length > 0) {
        interrupted = true;
        child.kill(signal);
      }
    }, 10);
    const end = await ended.finally(() => clearInterval(watch));
    expect(interrupted, `the run ended (${JSON.stringify(end)}) before it wrote a temporary file: ${stderr}`).toBe(true);
    expect(end).toEqual({ code: null, signal });
    expect(spillFolders(tmp)).toEqual([]);
  });
});
