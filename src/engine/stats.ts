import { textAt } from '../checks/access.js';
import type { FileStats, RecordGroup } from './types.js';

/** Collects who each record belongs to, compactly: a group index per record. */
export class StatsCollector {
  private readonly groups: RecordGroup[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly recordGroup: number[] = [];
  private records = 0;

  add(index: number, record: unknown): void {
    this.records++;
    if (record === undefined) {
      this.recordGroup[index] = -1;
      return;
    }
    const region = textAt(record, '/owner/regionCode');
    const province = region && /^[0-9]{2}/.test(region) ? region.slice(0, 2) : '??';
    const provider = textAt(record, '/websites/0/access/providerName')?.trim() ?? '?';
    const key = `${province}\t${provider}`;
    let group = this.byKey.get(key);
    if (group === undefined) {
      group = this.groups.length;
      this.groups.push({ province, provider });
      this.byKey.set(key, group);
    }
    this.recordGroup[index] = group;
  }

  result(): FileStats {
    return { records: this.records, groups: this.groups, recordGroup: this.recordGroup };
  }

  /** Adds the stats of a part of the file (a worker's chunk) whose first record is `recordOffset`. */
  merge(part: FileStats, recordOffset: number): void {
    this.records += part.records;
    const map = part.groups.map((g) => {
      const key = `${g.province}\t${g.provider}`;
      let group = this.byKey.get(key);
      if (group === undefined) {
        group = this.groups.length;
        this.groups.push(g);
        this.byKey.set(key, group);
      }
      return group;
    });
    part.recordGroup.forEach((g, i) => {
      this.recordGroup[recordOffset + i] = g < 0 ? -1 : map[g]!;
    });
  }
}
