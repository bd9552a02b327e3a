import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/runner/spill-file.js';

/** Runs `body` with the system's temporary directory pointed at a fresh folder, which it returns. */
function inFreshTmp(body: (tmp: string) => void): void {
  const saved = process.env.TMPDIR;
  const tmp = mkdtempSync(join(tmpdir(), 'beianlint-spill-'));
  process.env.TMPDIR = tmp;
  try {
    body(tmp);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

describe('SpillFile', () => {
  it('gives back any byte range exactly as appended, across the pieces it was written in', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 70 }), { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const spill = new SpillFile('test');
        const all = Buffer.concat(pieces);
        const starts = pieces.map((p) => spill.append(p));
        expect(starts[0]).toBe(0);
        const from = a % all.length;
        const length = 1 + (b % (all.length - from));
        const back = new Uint8Array(length);
        spill.read(back, from);
        expect(Buffer.from(back).equals(all.subarray(from, from + length))).toBe(true);
        spill.close();
      }),
      { numRuns: 200 },
    );
  });

  it('reads and writes blocks larger than one cipher call, at offsets that are not block-aligned, leaving the caller\'s buffers whole', () => {
    const spill = new SpillFile('test');
    const small = Buffer.from('abcde');
    const large = Buffer.from(Array.from({ length: 150_000 }, (_, i) => (i * 31 + 7) & 255));
    const copy = Buffer.from(large);
    expect(spill.append(small)).toBe(0);
    expect(spill.append(large)).toBe(5);
    // The caller's bytes are neither changed nor taken away by the cipher's buffers being released.
    expect(large.equals(copy)).toBe(true);
    const all = Buffer.concat([small, large]);
    for (const [from, length] of [[0, all.length], [3, 65_536], [65_530, 70_000], [131_070, all.length - 131_070]] as const) {
      const back = new Uint8Array(length);
      spill.read(back, from);
      expect(Buffer.from(back).equals(all.subarray(from, from + length)), `${from}+${length}`).toBe(true);
    }
    // A small read into a buffer from Node's shared pool leaves the pool usable.
    const pooled = Buffer.allocUnsafe(16);
    const neighbour = Buffer.from('still here');
    spill.read(pooled, 100);
    expect(pooled.equals(all.subarray(100, 116))).toBe(true);
    expect(neighbour.toString()).toBe('still here');
    spill.close();
  });

  it('keeps nothing readable on disk: a file left by a killed run does not show what it holds', () => {
    inFreshTmp((tmp) => {
      const spill = new SpillFile('messages');
      const text = '手机号码 13812345678 无效；身份证号码 11010519491231002X（张三）\n'.repeat(50);
      spill.append(Buffer.from(text, 'utf8'));
      const [folder] = readdirSync(tmp);
      const onDisk = readFileSync(join(tmp, folder!, 'messages'));
      expect(onDisk.length).toBe(Buffer.byteLength(text));
      for (const secret of ['13812345678', '11010519491231002X', '张三', '手机号码']) expect(onDisk.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
      const back = new Uint8Array(onDisk.length);
      spill.read(back, 0);
      expect(Buffer.from(back).toString('utf8')).toBe(text);
      spill.close();
      expect(readdirSync(tmp)).toEqual([]);
    });
  });
});
