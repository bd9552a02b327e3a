import { compilePointer, textAt } from '../checks/access.js';
import { STAGE } from '../checks/fields.js';
import { STAGE_ORDER } from '../domain/stages.js';
import { parseFilingDate } from '../domain/workdays.js';
import { enlarged } from './typed-arrays.js';
import { SKIPPED_RECORD, UNPARSED_RECORD, type FileStats, type RecordGroup, type RecordPeriod } from './types.js';

/** One key per group: records of one province, provider, stage and month of submission share it. */
function keyOf(g: RecordGroup): string {
  return `${g.province}\t${g.provider}\t${g.stage ?? ''}\t${g.month ?? ''}`;
}

const REGION_CODE = compilePointer('/owner/regionCode');
const FIRST_PROVIDER = compilePointer('/websites/0/access/providerName');
const SUBMITTED_AT = compilePointer('/verification/submittedAt');
const REVIEWED_AT = compilePointer('/review/reviewedAt');

/** The group a record belongs to; stage and month are left out when the record has none the report can use. */
function groupOf(record: unknown): RecordGroup {
  const region = textAt(record, REGION_CODE);
  const province = region && /^[0-9]{2}/.test(region) ? region.slice(0, 2) : '??';
  const provider = textAt(record, FIRST_PROVIDER)?.trim() ?? '?';
  const group: RecordGroup = { province, provider };
  const stage = textAt(record, STAGE);
  if (stage !== undefined && Object.hasOwn(STAGE_ORDER, stage)) group.stage = stage;
  const submitted = textAt(record, SUBMITTED_AT);
  // The date parse is cached and shared with the date rules, which read the same field.
  const date = submitted === undefined ? undefined : parseFilingDate(submitted);
  if (date?.ok) group.month = date.beijingDate.slice(0, 7);
  return group;
}

/**
 * The Beijing day a record counts under in a period: its submission
 * (verification.submittedAt) when that is a date, else its review
 * (review.reviewedAt), which is all the stock filed before submission dates
 * were kept has. Undefined when it has neither.
 */
export function periodDayOf(record: unknown): string | undefined {
  for (const pointer of [SUBMITTED_AT, REVIEWED_AT]) {
    const text = textAt(record, pointer);
    // Parsed once per text: groupOf and the date rules ask for the same one.
    const date = text === undefined ? undefined : parseFilingDate(text);
    if (date?.ok) return date.beijingDate;
  }
  return undefined;
}

/** Whether a record (its trimmed view) is one of the period's (RecordPeriod). */
export function inPeriod(record: unknown, period: RecordPeriod): boolean {
  const day = periodDayOf(record);
  if (day === undefined) return false;
  return (period.from === undefined || day >= period.from) && (period.to === undefined || day <= period.to);
}

/**
 * Collects who each record belongs to, compactly: a group index per record,
 * four bytes each. It is the one thing a run keeps per record until its
 * report (the accuracy per province and provider needs every record's
 * group), and a JS array of them took much more heap than a typed array.
 * A group is a province, a provider, a stage and a month of submission, so
 * the report's counts by stage and by month need nothing more per record.
 */
export class StatsCollector {
  private readonly groups: RecordGroup[] = [];
  private readonly byKey = new Map<string, number>();
  private recordGroup: Int32Array = new Int32Array(256).fill(-1);
  /** Entries of recordGroup in use: one past the highest record index set. */
  private length = 0;
  private records = 0;
  private holdsThrough: string | undefined;

  /** A record's verdicts hold through `day` only (CheckContext.holdsThrough): the file's through the earliest. */
  holdOnlyThrough(day: string | undefined): void {
    if (day !== undefined && (this.holdsThrough === undefined || day < this.holdsThrough)) this.holdsThrough = day;
  }

  private setGroup(index: number, group: number): void {
    if (index >= this.recordGroup.length) {
      let size = this.recordGroup.length * 2;
      while (size <= index) size *= 2;
      const filled = this.recordGroup.length;
      this.recordGroup = enlarged(this.recordGroup, size);
      // An index never set reads as a record that did not parse, not as the first group.
      this.recordGroup.fill(-1, filled);
    }
    this.recordGroup[index] = group;
    if (index >= this.length) this.length = index + 1;
  }

  /** A record outside the run's period: seen, but neither linted nor counted in any group. */
  skip(index: number): void {
    this.records++;
    this.setGroup(index, SKIPPED_RECORD);
  }

  add(index: number, record: unknown): void {
    this.records++;
    if (record === undefined) {
      this.setGroup(index, UNPARSED_RECORD);
      return;
    }
    const found = groupOf(record);
    const key = keyOf(found);
    let group = this.byKey.get(key);
    if (group === undefined) {
      group = this.groups.length;
      this.groups.push(found);
      this.byKey.set(key, group);
    }
    this.setGroup(index, group);
  }

  result(): FileStats {
    const stats: FileStats = { records: this.records, groups: this.groups, recordGroup: this.recordGroup.subarray(0, this.length) };
    if (this.holdsThrough !== undefined) stats.holdsThrough = this.holdsThrough;
    return stats;
  }

  /** Adds the stats of a part of the file (a worker's chunk) whose first record is `recordOffset`. */
  merge(part: FileStats, recordOffset: number): void {
    const { recordGroup } = part;
    this.holdOnlyThrough(part.holdsThrough);
    if (this.records === 0 && this.length === 0 && this.groups.length === 0 && recordOffset === 0 && recordGroup instanceof Int32Array) {
      // A file linted as one part (any file on one thread): its part is taken as it is. Copying it
      // grew a second array by doubling, held beside the first at the end of a large file.
      this.records = part.records;
      for (const g of part.groups) {
        this.byKey.set(keyOf(g), this.groups.length);
        this.groups.push(g);
      }
      this.recordGroup = recordGroup;
      this.length = recordGroup.length;
      return;
    }
    this.records += part.records;
    const map = part.groups.map((g) => {
      const key = keyOf(g);
      let group = this.byKey.get(key);
      if (group === undefined) {
        group = this.groups.length;
        this.groups.push(g);
        this.byKey.set(key, group);
      }
      return group;
    });
    for (let i = 0; i < recordGroup.length; i++) {
      const g = recordGroup[i];
      // A plain array from a library caller may have holes: no record there.
      // A record outside the period stays one; any other negative is a record that did not parse.
      if (g !== undefined) this.setGroup(recordOffset + i, g === SKIPPED_RECORD ? SKIPPED_RECORD : g < 0 ? UNPARSED_RECORD : map[g]!);
    }
  }
}
