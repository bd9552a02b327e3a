import { SKIPPED_RECORD, type FileStats, type LintMessage, type LintResult, type RecordGroup, type Severity } from '../../engine/types.js';
import { messagesOf } from '../../runner/message-store.js';
import { displayPath } from '../paths.js';
import type { FormatterContext } from '../types.js';

/**
 * Problem rows the HTML report lists at most. Every count and chart is made
 * from all problems; past this many the rows are left out, with a note, so
 * a national batch's report stays a file a browser opens.
 */
export const MAX_PROBLEM_ROWS = 20_000;

/** Records counted under one key (a province, a provider, a stage, a month). */
export interface Tally {
  key: string;
  records: number;
  withErrors: number;
  withWarnings: number;
}

export interface GroupTally extends Tally {
  province: string;
  provider: string;
}

export interface RuleTally {
  ruleId: string;
  error: number;
  warning: number;
  info: number;
}

/** One problem as the report lists it; `file` indexes ReportModel.files. */
export interface ProblemRow {
  file: number;
  message: LintMessage;
  province: string;
  provider: string;
}

/** What the HTML report shows, counted in one pass over the messages. */
export interface ReportModel {
  files: string[];
  records: number;
  withErrors: number;
  /** Records outside the run's period: in no other figure. */
  skipped: number;
  counts: Record<Severity, number>;
  groups: GroupTally[];
  provinces: Tally[];
  providers: Tally[];
  stages: Tally[];
  months: Tally[];
  /** Records of no known month of submission. */
  withoutMonth: number;
  rules: RuleTally[];
  /** The clause each rule of the run cites. */
  clauseOf: ReadonlyMap<string, string>;
  /** Problems per clause of the notice, by severity ('' for a rule the run does not describe). */
  clauses: Array<{ clause: string } & Record<Severity, number>>;
  rows: ProblemRow[];
  /** Problems left out of `rows` (past the cap). */
  omitted: number;
}

/** What a record that did not parse, or of a result without stats, counts under. */
const NO_GROUP: RecordGroup = { province: '??', provider: '?' };

class Tallies {
  private readonly byKey = new Map<string, Tally>();
  add(key: string, hasError: boolean, hasWarning: boolean): Tally {
    let tally = this.byKey.get(key);
    if (!tally) this.byKey.set(key, (tally = { key, records: 0, withErrors: 0, withWarnings: 0 }));
    tally.records++;
    if (hasError) tally.withErrors++;
    else if (hasWarning) tally.withWarnings++;
    return tally;
  }
  all(): Tally[] {
    return [...this.byKey.values()];
  }
}

interface Counting {
  groups: Tallies;
  provinces: Tallies;
  providers: Tallies;
  stages: Tallies;
  months: Tallies;
  rules: Map<string, RuleTally>;
  clauses: Map<string, { clause: string } & Record<Severity, number>>;
  clauseOf: ReadonlyMap<string, string>;
  model: ReportModel;
  maxRows: number;
}

/** A result's stats, or for one built without (a library caller's), its messages' records in no group. */
function statsOf(file: LintResult, named: Set<number>): FileStats {
  if (file.stats) return file.stats;
  return { records: named.size, groups: [], recordGroup: [...named].reduce<number[]>((acc, i) => ((acc[i] = -1), acc), []) };
}

function groupAt(stats: FileStats | undefined, record: number): RecordGroup {
  const g = stats?.recordGroup[record];
  return g === undefined || g < 0 ? NO_GROUP : (stats!.groups[g] ?? NO_GROUP);
}

/** One file's messages: severities per record, rules and clauses, and the rows while under the cap. */
function countMessages(file: LintResult, fileIndex: number, c: Counting): { errorRecords: Set<number>; warningRecords: Set<number>; named: Set<number> } {
  const errorRecords = new Set<number>();
  const warningRecords = new Set<number>();
  const named = new Set<number>();
  // A national batch's messages are read one at a time from the run's temporary file, never all at once.
  for (const m of messagesOf(file)) {
    named.add(m.record);
    c.model.counts[m.severity]++;
    const rule = c.rules.get(m.ruleId) ?? { ruleId: m.ruleId, error: 0, warning: 0, info: 0 };
    rule[m.severity]++;
    c.rules.set(m.ruleId, rule);
    const clause = c.clauseOf.get(m.ruleId) ?? '';
    const byClause = c.clauses.get(clause) ?? { clause, error: 0, warning: 0, info: 0 };
    byClause[m.severity]++;
    c.clauses.set(clause, byClause);
    if (m.severity === 'error') errorRecords.add(m.record);
    else if (m.severity === 'warning') warningRecords.add(m.record);
    if (c.model.rows.length < c.maxRows) {
      const { province, provider } = groupAt(file.stats, m.record);
      c.model.rows.push({ file: fileIndex, message: m, province, provider });
    } else c.model.omitted++;
  }
  return { errorRecords, warningRecords, named };
}

/** One file's records, each under its group, province, provider, stage and month. */
function countRecords(stats: FileStats, errorRecords: Set<number>, warningRecords: Set<number>, c: Counting): void {
  const { recordGroup } = stats;
  const groupKey = (g: RecordGroup) => JSON.stringify([g.province, g.provider]);
  // A file has few groups and many records: each group's key is made once.
  const keys = stats.groups.map(groupKey);
  const noGroupKey = groupKey(NO_GROUP);
  for (let index = 0; index < recordGroup.length; index++) {
    const g = recordGroup[index];
    // A plain array may have holes (a library caller's): no record there.
    if (g === undefined) continue;
    if (g === SKIPPED_RECORD) {
      c.model.skipped++;
      continue;
    }
    const known = g >= 0 && stats.groups[g] !== undefined;
    const group = known ? stats.groups[g]! : NO_GROUP;
    const hasError = errorRecords.has(index);
    const hasWarning = warningRecords.has(index);
    c.model.records++;
    if (hasError) c.model.withErrors++;
    c.groups.add(known ? keys[g]! : noGroupKey, hasError, hasWarning);
    c.provinces.add(group.province, hasError, hasWarning);
    c.providers.add(group.provider, hasError, hasWarning);
    c.stages.add(group.stage ?? '', hasError, hasWarning);
    if (group.month !== undefined) c.months.add(group.month, hasError, hasWarning);
    else c.model.withoutMonth++;
  }
}

function emptyModel(results: readonly LintResult[], cwd: string): ReportModel {
  return {
    files: results.map((r) => displayPath(r.filePath, cwd)),
    records: 0,
    withErrors: 0,
    skipped: 0,
    counts: { error: 0, warning: 0, info: 0 },
    groups: [],
    provinces: [],
    providers: [],
    stages: [],
    months: [],
    withoutMonth: 0,
    rules: [],
    clauseOf: new Map(),
    clauses: [],
    rows: [],
    omitted: 0,
  };
}

/** Counts a run for its report: every figure from every record and message, rows up to `maxRows`. */
export function reportModel(results: readonly LintResult[], { cwd, rules = [] }: FormatterContext, maxRows = MAX_PROBLEM_ROWS): ReportModel {
  const model = emptyModel(results, cwd);
  model.clauseOf = new Map(rules.map((r) => [r.id, r.clause]));
  const c: Counting = {
    groups: new Tallies(),
    provinces: new Tallies(),
    providers: new Tallies(),
    stages: new Tallies(),
    months: new Tallies(),
    rules: new Map(),
    clauses: new Map(),
    clauseOf: model.clauseOf,
    model,
    maxRows,
  };
  results.forEach((file, index) => {
    const { errorRecords, warningRecords, named } = countMessages(file, index, c);
    countRecords(statsOf(file, named), errorRecords, warningRecords, c);
  });
  model.groups = c.groups.all().map((t) => {
    const [province, provider] = JSON.parse(t.key) as [string, string];
    return { ...t, province, provider };
  });
  model.provinces = c.provinces.all();
  model.providers = c.providers.all();
  model.stages = c.stages.all();
  model.months = c.months.all().sort((a, b) => a.key.localeCompare(b.key));
  model.rules = [...c.rules.values()].sort((a, b) => mostProblemsFirst(a, b) || a.ruleId.localeCompare(b.ruleId));
  model.clauses = [...c.clauses.values()].sort((a, b) => mostProblemsFirst(a, b) || a.clause.localeCompare(b.clause));
  return model;
}

/** Most errors first, then most warnings, then most info. */
function mostProblemsFirst(a: Record<Severity, number>, b: Record<Severity, number>): number {
  return b.error - a.error || b.warning - a.warning || b.info - a.info;
}

/** The share of records without an error, 0–1; undefined for no records. */
export function accuracyShare(t: { records: number; withErrors: number }): number | undefined {
  return t.records === 0 ? undefined : (t.records - t.withErrors) / t.records;
}

/** Worst accuracy first; among equals, more records first, then by key. */
export function worstFirst(a: Tally, b: Tally): number {
  return (accuracyShare(a) ?? 1) - (accuracyShare(b) ?? 1) || b.records - a.records || a.key.localeCompare(b.key);
}
