import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Standard input is judged as a file is (issue 21): limited by --max-file-size
// without holding more than the limit, and decoded as UTF-8 or reported.
const BIN = fileURLToPath(new URL('../../bin/beianlint.js', import.meta.url));

function lintStdin(input: Buffer, args: string[] = []): { status: number | null; messages: Array<{ ruleId: string; message: string; line: number }> } {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', '--no-config', ...args, '-'], {
    cwd: mkdtempSync(join(tmpdir(), 'beianlint-stdin-')),
    input,
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', LANG: 'C' },
  });
  const out = JSON.parse(r.stdout.toString('utf8')) as Array<{ messages: Array<{ ruleId: string; message: string; line: number }> }>;
  return { status: r.status, messages: out[0]!.messages };
}

describe('standard input', () => {
  it('over --max-file-size is one file-too-large parse error, not records', () => {
    const line = `${JSON.stringify({ schemaVersion: 1, filingId: 'S-1', note: 'x'.repeat(1000) })}\n`;
    const big = Buffer.from(line.repeat(Math.ceil((1.5 * 1024 * 1024) / line.length)));
    const r = lintStdin(big, ['--max-file-size', '1', '--stdin-filename', 'piped.jsonl']);
    expect(r.status).toBe(1);
    expect(r.messages).toEqual([expect.objectContaining({ ruleId: 'parse-error', line: 1 })]);
    expect(r.messages[0]!.message).toMatch(/--max-file-size/);
  });

  it('that is not text is reported as a file would be, not linted as garbled text', () => {
    const binary = Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x7d]);
    const r = lintStdin(binary, ['--stdin-filename', 'piped.json']);
    expect(r.status).toBe(1);
    expect(r.messages).toEqual([expect.objectContaining({ ruleId: 'parse-error' })]);
    expect(r.messages[0]!.message).toMatch(/binary/);
  });

  it('saved as UTF-16 with its byte order mark is decoded as a file is', () => {
    const text = '{"schemaVersion": 1, "filingId": "S-1"}';
    const asUtf8 = lintStdin(Buffer.from(text), ['--stdin-filename', 'piped.json']);
    const asUtf16 = lintStdin(Buffer.from(`\ufeff${text}`, 'utf16le'), ['--stdin-filename', 'piped.json']);
    expect(asUtf16.messages).toEqual(asUtf8.messages);
    expect(asUtf16.messages.some((m) => m.ruleId === 'schema')).toBe(true);
  });
});
