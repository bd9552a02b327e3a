// One editor document linted as the command line lints it, with the batch
// rules comparing it against the workspace's other filing files, and, for
// each repeat, where its earlier record is (for relatedInformation).
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { BatchRuleSet, Linter, LintMessage, LintResult } from '../engine/index.js';
import type { SourceFormat, SourceItem, SourceRange, SourceRecord } from '../input/index.js';
import { decodeSource } from '../input/read-file.js';
import { textSource } from '../input/record-source.js';
import { BatchSession, type UnitKeys } from '../runner/batch.js';
import { lintRecordsOfText, withDirectivesOfText } from '../runner/index.js';

/** A file of the workspace that comes before the document in a run of the workspace, with its batch keys. */
export interface EarlierFile {
  filePath: string;
  keys: UnitKeys;
  /** Its text when an editor holds it (unsaved edits win over the disk); otherwise it is read from disk. */
  text?: string;
}

/** Where the record a batch message names as the earlier one is. */
export interface EarlierPlace {
  filePath: string;
  range: SourceRange;
}

export interface DocumentLint {
  result: LintResult;
  /** For a batch message: where the earlier record with the same key is. */
  earlier: Map<LintMessage, EarlierPlace>;
}

/** What a batch message's data says of the earlier record, with what finds its key there. */
interface EarlierData {
  rule: number;
  displayPath: string;
  record: number;
  line: number;
  keyPath: string;
  recordValue: unknown;
}

/** The path a batch message names a file by, as BatchSession writes it: relative to the run's folder when inside it. */
function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : filePath;
}

/** The batch rules, the earlier record each of their messages names written down on the side. */
function noticingEarlier(rules: BatchRuleSet, noticed: Map<LintMessage, EarlierData>): BatchRuleSet {
  return {
    locale: rules.locale,
    ruleIds: rules.ruleIds,
    keysOf: rules.keysOf,
    message: (rule, recordIndex, filingId, report, range, recordValue) => {
      const message = rules.message(rule, recordIndex, filingId, report, range, recordValue);
      const data = report.data ?? {};
      const { earlierFile, earlierRecord, earlierLine } = data as Record<string, unknown>;
      if (typeof earlierFile === 'string' && typeof earlierRecord === 'number' && typeof earlierLine === 'number') {
        noticed.set(message, { rule, displayPath: earlierFile, record: earlierRecord - 1, line: earlierLine, keyPath: report.path, recordValue });
      }
      return message;
    },
  };
}

/**
 * Lints `text` as the file `filePath`: the record and source rules, and the
 * batch rules among its own records and those of `earlierFiles` (the files a
 * run of the workspace reads before it, in that order). Its messages are
 * those the command line gives the file in such a run.
 */
export function lintDocument(
  text: string,
  options: { filePath: string; format?: SourceFormat; linter: Linter; cwd: string; earlierFiles?: readonly EarlierFile[] },
): DocumentLint {
  const { filePath, format, linter, cwd } = options;
  const noticed = new Map<LintMessage, EarlierData>();
  const rules = noticingEarlier(linter.batchRules(), noticed);
  const batch = new BatchSession(rules, cwd);
  const texts = new Map<string, { text: string; format?: SourceFormat }>();
  for (const earlier of options.earlierFiles ?? []) {
    batch.addUnit(earlier.filePath, earlier.keys);
    if (earlier.text !== undefined) {
      batch.holdText(earlier.filePath, earlier.text);
      texts.set(earlier.filePath, { text: earlier.text });
    }
  }
  texts.set(filePath, { text, ...(format ? { format } : {}) });
  const { messages, stats } = lintRecordsOfText(text, { filePath, ...(format ? { format } : {}), linter, batch });
  const ignored = { push: () => 0 };
  batch.finish(Number.MAX_SAFE_INTEGER, { into: (path) => (path === filePath ? messages : ignored) });
  const files = [...(options.earlierFiles ?? []).map((f) => f.filePath), filePath];
  const earlier = placesOf(noticed, new Map(files.map((f) => [displayPath(f, cwd), f])), rules, texts);
  const result = linter.result(filePath, messages, stats.result());
  // As lintText: a YAML text's inline directives apply to all of its messages, batch ones too.
  return { result: withDirectivesOfText(result, text, { filePath, ...(format ? { format } : {}), linter }), earlier };
}

/**
 * The earlier records' places: the key of the same rule and value in the
 * earlier record when it can be read again, else the record's first line.
 */
function placesOf(
  noticed: Map<LintMessage, EarlierData>,
  byDisplayPath: Map<string, string>,
  rules: BatchRuleSet,
  texts: Map<string, { text: string; format?: SourceFormat }>,
): Map<LintMessage, EarlierPlace> {
  const places = new Map<LintMessage, EarlierPlace>();
  const records = new Map<string, SourceRecord | undefined>();
  for (const [message, data] of noticed) {
    const filePath = byDisplayPath.get(data.displayPath);
    if (!filePath) continue;
    const recordKey = `${data.record}:${filePath}`;
    if (!records.has(recordKey)) records.set(recordKey, recordAt(filePath, data.record, texts.get(filePath)));
    const record = records.get(recordKey);
    const lineStart = { line: data.line, column: 1, endLine: data.line, endColumn: 1 };
    places.set(message, { filePath, range: (record && keyRange(record, data, rules)) ?? lineStart });
  }
  return places;
}

/** The earlier file's text: an editor's, or read from disk (a workspace file linted as it was saved). */
function textOf(filePath: string, held: { text: string; format?: SourceFormat } | undefined): { text: string; format?: SourceFormat } | undefined {
  if (held) return held;
  try {
    const decoded = decodeSource(readFileSync(filePath));
    return decoded.ok ? { text: decoded.text } : undefined;
  } catch {
    // Gone since its keys were read: the message points at the record's first line.
    return undefined;
  }
}

function recordAt(filePath: string, index: number, held: { text: string; format?: SourceFormat } | undefined): SourceRecord | undefined {
  const source = textOf(filePath, held);
  if (!source) return undefined;
  for (const item of textSource(filePath, source.text, source.format).read().items as Iterable<SourceItem>) {
    if (item.index === index) return item.kind === 'record' ? item : undefined;
    if (item.index > index) return undefined;
  }
  return undefined;
}

/** Where in the earlier record the repeated key sits: the key of the same rule with the same value. */
function keyRange(record: SourceRecord, data: EarlierData, rules: BatchRuleSet): SourceRange | undefined {
  const later = rules.keysOf(data.recordValue).find((g) => g.rule === data.rule)?.keys.find((k) => k.path === data.keyPath);
  if (!later) return undefined;
  const match = rules
    .keysOf(record.value)
    .find((g) => g.rule === data.rule)
    ?.keys.find((k) => k.key === later.key);
  return match ? record.locate(match.path) : undefined;
}
