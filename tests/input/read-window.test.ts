import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadWindow } from '../../src/input/read-all.js';

describe('ReadWindow', () => {
  it('gives back any span asked for in order, inside its window, across it, larger than it, and at the end of the file', () => {
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7 + 3) & 255));
    const file = join(mkdtempSync(join(tmpdir(), 'beianlint-window-')), 'x.bin');
    writeFileSync(file, bytes);
    const fd = openSync(file, 'r');
    try {
      const window = new ReadWindow(fd, 1000);
      for (const [at, length] of [[0, 10], [10, 990], [900, 200], [1100, 3000], [4100, 50], [9990, 10], [9995, 100], [10_000, 5]] as const) {
        expect(window.span(at, length).equals(bytes.subarray(at, at + length)), `${at}+${length}`).toBe(true);
      }
      for (const at of [0, 500, 999, 1000, 9999, 10_000]) {
        const rest = window.from(at);
        // The rest of the window from `at`: never empty before the end of the file, never more than a window.
        expect(rest.length > 0, `${at}`).toBe(at < 10_000);
        expect(rest.length).toBeLessThanOrEqual(1000);
        expect(rest.equals(bytes.subarray(at, at + rest.length)), `${at}`).toBe(true);
      }
    } finally {
      closeSync(fd);
    }
  });
});
