import { describe, expect, it } from 'vitest';
import { StatsCollector } from '../../src/engine/stats.js';
import { accuracyOf } from '../../src/formatters/accuracy.js';

const record = (region: string, provider: string) => ({ owner: { regionCode: region }, websites: [{ access: { providerName: provider } }] });

describe('StatsCollector', () => {
  it('keeps a group per record in four bytes each, past its first allocation, faults as -1', () => {
    const stats = new StatsCollector();
    for (let i = 0; i < 1000; i++) stats.add(i, i % 10 === 9 ? undefined : record(i % 2 ? '440305' : '110105', i % 3 ? '甲云' : '乙数据'));
    const result = stats.result();
    expect(result.recordGroup).toBeInstanceOf(Int32Array);
    expect(result.recordGroup).toHaveLength(1000);
    expect(result.records).toBe(1000);
    expect(result.groups).toHaveLength(4);
    expect(result.recordGroup[9]).toBe(-1);
    expect(result.groups[result.recordGroup[1]!]).toEqual({ province: '44', provider: '甲云' });
    expect(result.groups[result.recordGroup[3]!]).toEqual({ province: '44', provider: '乙数据' });
  });

  it('merges parts at their offsets, mapping their groups, and skips the holes of a plain array', () => {
    const stats = new StatsCollector();
    stats.add(0, record('110105', 'A'));
    // A sparse array, as accuracyOf builds for results without stats: index 1 is a hole.
    const withHole: number[] = [0];
    withHole[2] = 1;
    withHole[3] = -1;
    stats.merge({ records: 3, groups: [{ province: '44', provider: 'B' }, { province: '11', provider: 'A' }], recordGroup: withHole }, 1);
    const result = stats.result();
    expect(Array.from(result.recordGroup)).toEqual([0, 1, -1, 0, -1]);
    expect(result.groups).toEqual([
      { province: '11', provider: 'A' },
      { province: '44', provider: 'B' },
    ]);
    // The hole at index 2 was never set: it reads as no parsed record, not as the first group.
    const accuracy = accuracyOf([{ filePath: 'a.jsonl', errorCount: 0, warningCount: 0, infoCount: 0, messages: [], stats: result }]);
    expect(accuracy.records).toBe(5);
    expect(accuracy.groups.map((g) => [g.province, g.provider, g.records])).toEqual([
      ['??', '?', 2],
      ['11', 'A', 2],
      ['44', 'B', 1],
    ]);
  });

  it('takes a first part as it is, and goes on merging parts after it', () => {
    const first = new StatsCollector();
    for (let i = 0; i < 300; i++) first.add(i, i === 7 ? undefined : record(i % 2 ? '440305' : '110105', 'A'));
    const part = first.result();
    const stats = new StatsCollector();
    stats.merge(part, 0);
    // Taken without a copy: the file's groups are the part's, in its order.
    expect((stats.result().recordGroup as Int32Array).buffer).toBe((part.recordGroup as Int32Array).buffer);
    stats.merge({ records: 2, groups: [{ province: '12', provider: 'B' }, { province: '44', provider: 'A' }], recordGroup: Int32Array.from([0, 1]) }, 300);
    const result = stats.result();
    expect(result.records).toBe(302);
    expect(result.groups).toEqual([
      { province: '11', provider: 'A' },
      { province: '44', provider: 'A' },
      { province: '12', provider: 'B' },
    ]);
    expect(Array.from(result.recordGroup).slice(0, 2)).toEqual([0, 1]);
    expect(result.recordGroup[7]).toBe(-1);
    expect(Array.from(result.recordGroup).slice(298)).toEqual([0, 1, 2, 1]);
  });
});
