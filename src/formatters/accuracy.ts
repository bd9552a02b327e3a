import { messagesOf } from '../runner/message-store.js';
import { SKIPPED_RECORD, type LintResult, type RecordGroup } from '../engine/types.js';

export interface GroupAccuracy extends RecordGroup {
  records: number;
  withErrors: number;
  withWarnings: number;
}

export interface RunAccuracy {
  files: number;
  records: number;
  withErrors: number;
  /** Records outside the run's period: in no other figure. */
  skipped: number;
  groups: GroupAccuracy[];
  rules: Array<{ ruleId: string; error: number; warning: number; info: number }>;
}

/**
 * Accuracy as the filing centre reports it (二、(二)3.(2)): the share of
 * records without an error, per province and per access provider. Counted
 * from the messages, so batch rules count against the record they point at.
 */
export function accuracyOf(results: readonly LintResult[]): RunAccuracy {
  const groups = new Map<string, GroupAccuracy>();
  const rules = new Map<string, { ruleId: string; error: number; warning: number; info: number }>();
  let records = 0;
  let withErrors = 0;
  let skipped = 0;
  for (const file of results) {
    const errorRecords = new Set<number>();
    const warningRecords = new Set<number>();
    // Only results built without stats (below) need the records their messages name.
    const named = file.stats ? undefined : new Set<number>();
    // A national batch's messages are read one at a time from the run's temporary file, never all at once.
    for (const m of messagesOf(file)) {
      named?.add(m.record);
      const r = rules.get(m.ruleId) ?? { ruleId: m.ruleId, error: 0, warning: 0, info: 0 };
      r[m.severity]++;
      rules.set(m.ruleId, r);
      if (m.severity === 'error') errorRecords.add(m.record);
      else if (m.severity === 'warning') warningRecords.add(m.record);
    }
    // Results built without stats (e.g. by a library caller) still count the records their messages name.
    const stats = file.stats ?? {
      records: 0,
      groups: [],
      recordGroup: [...named!].reduce<number[]>((acc, i) => ((acc[i] = -1), acc), []),
    };
    const { recordGroup } = stats;
    for (let index = 0; index < recordGroup.length; index++) {
      const g = recordGroup[index];
      // A plain array may have holes (the records named above, or a library caller's): no record there.
      if (g === undefined) continue;
      if (g === SKIPPED_RECORD) {
        skipped++;
        continue;
      }
      records++;
      if (errorRecords.has(index)) withErrors++;
      const group = g >= 0 ? stats.groups[g]! : { province: '??', provider: '?' };
      const key = `${group.province}\t${group.provider}`;
      const acc = groups.get(key) ?? { province: group.province, provider: group.provider, records: 0, withErrors: 0, withWarnings: 0 };
      acc.records++;
      if (errorRecords.has(index)) acc.withErrors++;
      else if (warningRecords.has(index)) acc.withWarnings++;
      groups.set(key, acc);
    }
  }
  return {
    files: results.length,
    records,
    withErrors,
    skipped,
    groups: [...groups.values()].sort((a, b) => a.province.localeCompare(b.province) || a.provider.localeCompare(b.provider)),
    rules: [...rules.values()].sort((a, b) => b.error - a.error || b.warning - a.warning || a.ruleId.localeCompare(b.ruleId)),
  };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}
