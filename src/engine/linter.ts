import type { BatchKey, CheckContext, MessageData, Report, Severity } from '../checks/api.js';
import { valueAt, type SourceFault, type SourceItem, type SourceRange, type SourceRecord } from '../input/index.js';
import { closestName, describeSchemaProblemIn, explainSchemaErrors } from '../schema/explain.js';
import type { RuleSettingInput, RuleSeverity } from './config.js';
import { escapeControls, interpolate, maskQuoted, pick, withClause, type PersonalValue } from './messages.js';
import { personalKindAt, personalValues } from './personal.js';
import { trimmedView } from './trimmed.js';
import type { Rule, RuleSet } from './rules.js';
import { inPeriod, type StatsCollector } from './stats.js';
import { compareMessages, ConfigurationError, countResult, stageRank, STAGE_ORDER, type FileStats, type LintFix, type LintMessage, type LintResult, type Locale, type MessageSink, type RecordPeriod } from './types.js';

/**
 * What the batch phase needs of a linter, as plain functions: the phase runs
 * over a whole set of files, outside the engine, and depends on no class of it.
 */
export interface BatchRuleSet {
  readonly locale: Locale;
  /** Ids of the active batch rules; a key names its rule by its place here. */
  readonly ruleIds: readonly string[];
  /** The keys of a record (its trimmed view is worked out here) for each active batch rule that applies to its stage. */
  keysOf(record: unknown): Array<{ rule: number; keys: BatchKey[] }>;
  /** A report of batch rule number `rule` on a record as a message, its personal values masked. */
  message(rule: number, recordIndex: number, filingId: string | null, report: Report, range: SourceRange, recordValue?: unknown): LintMessage;
}

export interface LinterOptions {
  ruleSet: RuleSet;
  locale?: Locale;
  /** Mask identity numbers, phones and e-mail addresses in messages (default true). */
  redact?: boolean;
  /** "Today" for date rules. */
  now?: Date;
  /** Severity and option overrides by rule id (config file, then --rule). */
  rules?: Record<string, RuleSettingInput>;
  /**
   * Severities a preset gives rules (config `extends: beianlint:…`): each
   * rule's default, not the user's, so a rule's own per-message severities
   * (a warning among its errors) still hold. A rule the rule set lacks is
   * passed over: a preset names the bundled rules.
   */
  defaults?: Record<string, RuleSeverity>;
  /**
   * Lint only the records of this period (a monthly or quarterly check);
   * the others are skipped: no message, no batch key, counted as skipped.
   */
  period?: RecordPeriod;
}

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  /** True when the user set the severity: per-report severities then yield to it. */
  userSeverity: boolean;
  options: Record<string, unknown>;
  stage: number;
}

/** Texts remembered for sharing between messages (see Linter.shareText); past this, the table starts again. */
const SHARED_TEXTS = 4096;

/** A schema message's value at a field the filing schema marks as personal data is masked as that kind. */
function protectValues(path: string, data: MessageData | undefined): MessageData | undefined {
  if (!data || typeof data.value !== 'string') return data;
  const kind = personalKindAt(path);
  return kind ? { ...data, value: { sensitive: kind, value: data.value } } : data;
}

function resolveSetting(input: RuleSettingInput | undefined): { severity?: RuleSeverity; options?: Record<string, unknown> } {
  if (input === undefined) return {};
  return typeof input === 'string' ? { severity: input } : input;
}

/** How a record rule runs, worked out once per linter rather than once per record. */
type RecordRun =
  | { kind: 'duplicate-key'; active: ActiveRule }
  | { kind: 'schema'; active: ActiveRule; validate: NonNullable<Rule['validate']> }
  | { kind: 'check'; active: ActiveRule; check: (ctx: CheckContext) => void; context: CheckContext & { record: unknown }; raw: boolean };

/**
 * Lints records against one rule set under one configuration. It holds no
 * per-file state (only the record being linted, while it is), so one Linter
 * serves a whole run (and the language server).
 */
export class Linter {
  readonly locale: Locale;
  readonly redact: boolean;
  readonly now: Date;
  /** The records linted; undefined for all. */
  readonly period: RecordPeriod | undefined;
  private readonly active: ActiveRule[] = [];
  private readonly byId = new Map<string, ActiveRule>();
  /** The active batch rules; a key row names its rule by its place here. */
  private readonly activeBatchRules: ActiveRule[] = [];
  /**
   * The active record and source rules, each with the one context object its
   * check is handed for every record: a batch of a million records would
   * otherwise allocate a context and a report closure per rule per record.
   */
  private readonly recordRuns: RecordRun[] = [];
  private readonly sharedTexts = new Map<string, string>();
  /** Every rule of the rule set, off or not: what an inline directive may name. */
  private readonly ruleIds: readonly string[];
  /** The record lintItem linted last and its trimmed view, for the batch keys that follow it. */
  private lastRaw: unknown;
  private lastView: unknown;
  /** Whether that record lies outside the period, so it has no batch keys either. */
  private lastSkipped = false;
  /** The record being linted, for `report`. */
  private readonly current: {
    record?: SourceRecord;
    active?: ActiveRule;
    filingId: string | null;
    out?: MessageSink;
    /** The record's personal values, found when its first message is made (most records have none). */
    personal?: PersonalValue[];
    /** The last day the record's verdicts against today hold through (CheckContext.holdsThrough). */
    holdsThrough?: string;
  } = { filingId: null };

  constructor(options: LinterOptions) {
    this.locale = options.locale ?? 'en';
    this.redact = options.redact ?? true;
    this.now = options.now ?? new Date();
    this.period = options.period;
    const overrides = options.rules ?? {};
    this.ruleIds = options.ruleSet.rules.map((r) => r.id);
    for (const id of Object.keys(overrides)) {
      if (!options.ruleSet.byId.has(id)) {
        const guess = closestName(id, options.ruleSet.byId.keys());
        throw new ConfigurationError({
          en: `unknown rule "${id}" in rule settings${guess ? `; did you mean "${guess}"?` : ''}`,
          'zh-CN': `规则设置中有未知的规则 "${id}"${guess ? `；是否想写 "${guess}"？` : ''}`,
        });
      }
    }
    for (const rule of options.ruleSet.rules) {
      const setting = resolveSetting(overrides[rule.id]);
      const severity = setting.severity ?? options.defaults?.[rule.id] ?? rule.severity;
      if (severity === 'off') continue;
      const opts = { ...(rule.check?.options ?? {}), ...(setting.options ?? {}) };
      if (setting.options) {
        if (!rule.validateOptions) throw new ConfigurationError({ en: `rule "${rule.id}" takes no options`, 'zh-CN': `规则 "${rule.id}" 没有选项` });
        if (!rule.validateOptions(opts)) {
          const p = explainSchemaErrors(rule.validateOptions.errors, opts)[0];
          const problem = p ? describeSchemaProblemIn(p) : { en: 'they do not match', 'zh-CN': '与选项的格式不符' };
          throw new ConfigurationError({ en: `invalid options for rule "${rule.id}": ${problem.en}`, 'zh-CN': `规则 "${rule.id}" 的选项无效：${problem['zh-CN']}` });
        }
      }
      const active: ActiveRule = { rule, severity, userSeverity: setting.severity !== undefined, options: opts, stage: STAGE_ORDER[rule.appliesFrom] ?? 0 };
      this.active.push(active);
      this.byId.set(rule.id, active);
      if (rule.scope === 'batch') {
        if (rule.definition?.kind === 'batch') this.activeBatchRules.push(active);
      } else if (rule.scope === 'record' || rule.id === 'duplicate-key') {
        // parse-error and duplicate-key are source rules: what they report is found by the parser
        // (a text that is no record; a key given twice, which the parsed value no longer shows), so
        // no check could find it in the value. Their messages are written from the input's findings:
        // each record's duplicateKeys() here, and the faults in faultMessages.
        if (rule.id === 'duplicate-key') this.recordRuns.push({ kind: 'duplicate-key', active });
        else if (rule.validate) this.recordRuns.push({ kind: 'schema', active, validate: rule.validate });
        else if (rule.definition?.kind === 'record') {
          const context = { record: undefined, options: opts, now: this.now, report: this.report, holdsThrough: this.holdsThrough };
          this.recordRuns.push({ kind: 'check', active, check: rule.definition.run, context, raw: rule.definition.raw === true });
        }
      }
    }
  }

  /** The active rules as reports describe them, in this linter's locale. */
  ruleInfo(): Array<{ id: string; title: string; description: string; clause: string; severity: Severity }> {
    return this.active.map(({ rule, severity }) => ({ id: rule.id, title: pick(rule.title, this.locale), description: pick(rule.description, this.locale), clause: rule.clause, severity }));
  }

  /** What decides this linter's verdicts, as plain data: each active rule's logic, severity and options. */
  fingerprint(): unknown {
    // userSeverity too: a severity the user set overrides the rule's per-message ones, so it changes output.
    return this.active.map(({ rule, severity, userSeverity, options, stage }) => ({ id: rule.id, severity, userSeverity, options, stage, check: rule.check?.name, schema: rule.schema, scope: rule.scope }));
  }

  /** Every rule of the rule set, off or not. */
  knownRuleIds(): readonly string[] {
    return this.ruleIds;
  }

  /**
   * A message of a source rule written outside a record's lint (an unused
   * inline directive: src/engine/directives.ts); none while the rule is off.
   */
  sourceMessage(ruleId: string, report: Report, range: SourceRange, recordIndex = 0): LintMessage | undefined {
    const active = this.byId.get(ruleId);
    return active && this.message(active, recordIndex, null, report, range);
  }

  /** Sorted and counted, as the contract's result object. */
  result(filePath: string, messages: LintMessage[], stats?: FileStats): LintResult {
    messages.sort(compareMessages);
    const result = countResult(filePath, messages);
    return stats ? { ...result, stats } : result;
  }

  /** Record and source rules on one parsed record (or fault) of a file, its messages appended to `out`. */
  lintItem(item: SourceItem, out: MessageSink, stats?: StatsCollector): void {
    if (item.kind === 'fault') {
      stats?.add(item.index, undefined);
      out.push(...this.faultMessages([item]));
      return;
    }
    const view = trimmedView(item.value);
    this.lastRaw = item.value;
    this.lastView = view;
    // A record outside the period is not part of this check: it is counted as skipped, and that is all.
    this.lastSkipped = this.period !== undefined && !inPeriod(view, this.period);
    if (this.lastSkipped) {
      stats?.skip(item.index);
      return;
    }
    stats?.add(item.index, view);
    this.current.holdsThrough = undefined;
    this.lintRecord(item, view, out);
    stats?.holdOnlyThrough(this.current.holdsThrough);
  }

  faultMessages(faults: SourceFault[]): LintMessage[] {
    const active = this.byId.get('parse-error');
    if (!active) return [];
    return faults.map((f) => {
      const template = active.rule.messages[f.reason] ?? active.rule.messages.default!;
      let text = interpolate(pick(template, this.locale), this.locale, { reason: f.reason, detail: f.detail ?? '' }, this.redact);
      // A parser's error quotes the input (`Unresolved alias …: 13512345678`): masked like any quoted text.
      const detail = f.detail?.replace(/\s+/g, ' ');
      if (detail && !pick(template, this.locale).includes('{detail}')) text += `: ${escapeControls(this.redact ? maskQuoted(detail, undefined) : detail)}`;
      const severity = f.severity && !active.userSeverity ? f.severity : active.severity;
      return { ruleId: 'parse-error', severity, message: text, record: f.index, filingId: null, path: '', ...f.range };
    });
  }

  /** `value` is the record's trimmed view (trimmedView), which every rule but the raw-text ones sees. */
  private lintRecord(record: SourceRecord, value: unknown, out: MessageSink): void {
    const raw = record.value;
    const rank = stageRank(isObject(value) ? value.stage : undefined);
    const filingId = isObject(value) && typeof value.filingId === 'string' ? value.filingId : null;
    const current = this.current;
    current.record = record;
    current.filingId = filingId;
    current.out = out;
    current.personal = undefined;
    const runs = this.recordRuns;
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!;
      const { active } = run;
      if (active.stage > rank) continue;
      current.active = active;
      try {
        if (run.kind === 'check') {
          run.context.record = run.raw ? raw : value;
          run.check(run.context);
          run.context.record = undefined;
        } else if (run.kind === 'schema') {
          if (!run.validate(value)) {
            const { messages } = active.rule;
            for (const p of explainSchemaErrors(run.validate.errors, value)) {
              this.report({ path: p.path, messageId: messages[p.keyword] ? p.keyword : 'default', data: p.data, locateKey: p.locateKey });
            }
          }
        } else {
          for (const d of record.duplicateKeys()) {
            out.push(this.message(active, record.index, filingId, { path: d.path, data: { key: d.path.slice(d.path.lastIndexOf('/') + 1), firstLine: d.firstLine } }, d.range));
          }
        }
      } catch (e) {
        if (run.kind === 'check') run.context.record = undefined;
        out.push(this.internalError(active, record, filingId, e));
      }
    }
    // Nothing of this record stays reachable from the linter's state for messages once it is
    // linted; lintItem keeps its trimmed view (lastRaw, lastView) only for the batch keys that
    // follow, until the next record.
    current.record = undefined;
    current.out = undefined;
    current.personal = undefined;
  }

  /** CheckContext.holdsThrough of the current record: the earliest day any of its checks names. */
  private readonly holdsThrough = (day: string): void => {
    const { current } = this;
    if (typeof day === 'string' && (current.holdsThrough === undefined || day < current.holdsThrough)) current.holdsThrough = day;
  };

  /** A report of the rule now running on the current record, as a positioned message. */
  private readonly report = (report: Report): void => {
    const { record, active, filingId, out } = this.current;
    if (!record || !active || !out) throw new Error('a check reported outside its run');
    const message = this.message(active, record.index, filingId, report, record.locate(report.path, { key: report.locateKey ?? false }));
    const fix = report.fix && fixOf(record, report.path, report.fix.value, active.rule.definition?.kind === 'record' && active.rule.definition.raw === true);
    if (fix) message.fix = fix;
    out.push(message);
  };

  /**
   * A report as a message. `recordValue` is the record reported on, when it
   * is not the one being linted (batch reports): its personal values are
   * masked wherever the message quotes them, in the path too (an unknown key
   * can be one), unless the linter was made with `redact: false`.
   */
  message(active: ActiveRule, recordIndex: number, filingId: string | null, report: Report, range: SourceRange, recordValue?: unknown): LintMessage {
    const { rule } = active;
    const template = rule.messages[report.messageId ?? 'default'] ?? rule.messages.default!;
    const personal = this.redact ? this.personalOf(recordValue) : undefined;
    const path = this.redact ? maskQuoted(report.path, personal) : report.path;
    const data = protectValues(report.path, { path: path || '/', ...report.data });
    const text = withClause(interpolate(pick(template, this.locale), this.locale, data, this.redact, personal), rule.clause, this.locale);
    const severity = active.userSeverity ? active.severity : (report.severity ?? active.severity);
    // filingId is the record's own text, printed beside the message: whatever it holds is masked as any quoted text.
    const shownFilingId = filingId !== null && this.redact ? maskQuoted(filingId, personal) : filingId;
    return { ruleId: rule.id, severity, message: this.shareText(text), record: recordIndex, filingId: shownFilingId, path: this.shareText(path), ...range };
  }

  /** The personal values of the record a message is about: found once per linted record, and only once it has a message. */
  private personalOf(recordValue: unknown): PersonalValue[] | undefined {
    if (recordValue !== undefined) return personalValues(recordValue);
    const { current } = this;
    if (!current.record) return undefined;
    current.personal ??= personalValues(current.record.value);
    return current.personal;
  }

  /**
   * One copy of a text many messages repeat. A run keeps every message until
   * its report, and most of a batch's messages are a few texts and paths said
   * again (a million records: 94,000 messages, 25,000 texts, 43 paths). Also
   * for messages made in a worker thread, which arrive as copies.
   */
  shareText(text: string): string {
    const known = this.sharedTexts.get(text);
    if (known !== undefined) return known;
    if (this.sharedTexts.size >= SHARED_TEXTS) this.sharedTexts.clear();
    this.sharedTexts.set(text, text);
    return text;
  }

  private internalError(active: ActiveRule, record: SourceRecord, filingId: string | null, e: unknown): LintMessage {
    const reason = (e as Error)?.message ?? String(e);
    const plain =
      this.locale === 'zh-CN'
        ? `规则 ${active.rule.id} 无法检查这条记录：${reason}（这是 beianlint 的缺陷，请报告）`
        : `rule ${active.rule.id} could not check this record: ${reason} (a beianlint defect; please report it)`;
    const personal = this.redact ? personalValues(record.value) : undefined;
    const text = escapeControls(this.redact ? maskQuoted(plain.replace(/\s+/g, ' '), personal) : plain.replace(/\s+/g, ' '));
    const shownFilingId = filingId !== null && this.redact ? maskQuoted(filingId, personal) : filingId;
    return { ruleId: active.rule.id, severity: 'error', message: text, record: record.index, filingId: shownFilingId, path: '', ...record.locate('') };
  }

  /** The batch rules that apply to a record of this stage, each (by its number, see batchRuleIds) with its keys of the record. */
  batchKeys(raw: unknown): Array<{ rule: number; keys: BatchKey[] }> {
    // Keys are made from the trimmed view, as every rule but the raw-text ones sees the record;
    // the record just linted has its view already (a walk of the record saved on the hot path).
    const last = raw !== undefined && raw === this.lastRaw;
    const value = last ? this.lastView : trimmedView(raw);
    if (this.period !== undefined && (last ? this.lastSkipped : !inPeriod(value, this.period))) return [];
    const rank = stageRank(isObject(value) ? value.stage : undefined);
    const out: Array<{ rule: number; keys: BatchKey[] }> = [];
    for (let rule = 0; rule < this.activeBatchRules.length; rule++) {
      const active = this.activeBatchRules[rule]!;
      const def = active.rule.definition;
      if (def?.kind !== 'batch' || active.stage > rank) continue;
      try {
        const keys = def.batch.keys(value, active.options);
        if (keys.length > 0) out.push({ rule, keys });
      } catch {
        // A batch check that cannot read a malformed record skips it; the schema rule reports the record.
      }
    }
    return out;
  }

  /** Ids of the active batch rules, in the order batchKeys numbers them. */
  batchRuleIds(): string[] {
    return this.activeBatchRules.map((a) => a.rule.id);
  }

  /** The batch rules, for the phase that compares the keys of every record of a run. */
  batchRules(): BatchRuleSet {
    return {
      locale: this.locale,
      ruleIds: this.batchRuleIds(),
      keysOf: (record) => this.batchKeys(record),
      message: (rule, recordIndex, filingId, report, range, recordValue) => this.message(this.activeBatchRules[rule]!, recordIndex, filingId, report, range, recordValue),
    };
  }
}

/**
 * A report's fix as an edit of the record's source, or undefined when the
 * record cannot make one (see SourceRecord.editScalar). A check that is not
 * raw saw the trimmed value, so its fix is of that: the value's padding is
 * put back around it, and stays the whitespace rule's to fix, so each edit
 * corrects what its own message says. Batch messages carry no fix: they are
 * written from a record read again, after its file's run.
 */
function fixOf(record: SourceRecord, path: string, fixed: string, raw: boolean): LintFix | undefined {
  const current = valueAt(record.value, path);
  if (typeof current !== 'string' || typeof fixed !== 'string') return undefined;
  // A blank value has no inner text to put padding around.
  if (!raw && current.trim() === '') return undefined;
  const value = raw ? fixed : current.slice(0, current.length - current.trimStart().length) + fixed + current.slice(current.trimEnd().length);
  if (value === current) return undefined;
  return record.editScalar(path, value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
