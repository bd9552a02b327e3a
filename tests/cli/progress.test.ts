import { describe, expect, it } from 'vitest';
import { formatProgress, ProgressLine } from '../../src/cli/progress.js';

describe('the progress line', () => {
  it('shows records, rate, share and time left in both languages', () => {
    const p = { records: 120_000, bytes: 300, totalBytes: 1200 };
    expect(formatProgress(p, 10, 'en')).toBe('beianlint: 120,000 records · 12,000 records/s · 25% · ETA 0:30');
    expect(formatProgress(p, 10, 'zh-CN')).toBe('beianlint：120,000 条记录 · 12,000 条/秒 · 25% · 剩余约 0:30');
  });

  it('shows the batch rules writing their messages once every record is linted', () => {
    const p = { records: 200_000, bytes: 1, totalBytes: 1, batch: { written: 50_000, total: 200_000 } };
    expect(formatProgress(p, 4, 'en')).toBe('beianlint: batch rules · 50,000 of 200,000 repeats written · 25% · ETA 0:12');
    expect(formatProgress(p, 4, 'zh-CN')).toBe('beianlint：批量规则 · 已写出 50,000 / 200,000 处重复 · 25% · 剩余约 0:12');
  });

  it('draws only on a terminal', () => {
    expect(ProgressLine.forStream({ isTTY: false } as NodeJS.WriteStream, 'en')).toBeUndefined();
  });
});
