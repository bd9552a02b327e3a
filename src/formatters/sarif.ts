import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { messagesOf } from '../runner/message-store.js';
import type { LintMessage, LintResult, Locale } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeJson } from './escape.js';
import { FileFingerprints } from './fingerprint.js';
import { displayPath } from './paths.js';
import type { FormatterContext, RuleInfo } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Versioned, as SARIF asks, so a later way of fingerprinting gets a name of its own. */
const FINGERPRINT = 'beianlint/v1';

/** A SARIF result sits four levels deep in the log (log, runs, run, results), two spaces a level. */
const RESULT_INDENT = ' '.repeat(8);

/**
 * SARIF 2.1.0, which GitHub code scanning and other CI dashboards import. One
 * run, the rule table with each rule's clause, and one result per message
 * with its exact region and the record it belongs to.
 *
 * The text is JSON.stringify(log, null, 2) exactly, written a result at a
 * time: the log is stringified with no results, and each result, indented to
 * its depth, is put where that empty array was.
 */
function* sarifFragments(results: readonly LintResult[], { cwd, locale, rules = [], version }: FormatterContext): Iterable<string> {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'beianlint',
            ...(version ? { version, semanticVersion: version } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.description ?? r.title },
              help: { text: helpText(r, locale) },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { clause: r.clause },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  // The rule table holds user rules' titles and clauses, escaped like the results.
  const empty = safeJson(JSON.stringify(log, null, 2));
  // `results` is the run's last key, and the run the log's last element: the last `"results": []` is it
  // (a rule's text cannot hold one, as its quotes would be escaped).
  const at = empty.lastIndexOf('"results": []') + '"results": ['.length;
  yield empty.slice(0, at);
  let any = false;
  for (const file of results) {
    const location = artifactLocation(file.filePath, cwd);
    const fingerprints = new FileFingerprints(displayPath(file.filePath, cwd));
    for (const m of messagesOf(file)) {
      const result = sarifResult(m, location, fingerprints.of(m), ruleIndex);
      // JSON.stringify escapes line breaks inside strings, so each line of a result is a line of its text.
      yield `${any ? ',' : ''}\n${RESULT_INDENT}${safeJson(JSON.stringify(result, null, 2)).replaceAll('\n', `\n${RESULT_INDENT}`)}`;
      any = true;
    }
  }
  yield `${any ? `\n${RESULT_INDENT.slice(2)}` : ''}${empty.slice(at)}\n`;
}

/** What GitHub shows as a rule's help: its description, then the clause it enforces, in the locale. */
function helpText(rule: RuleInfo, locale: Locale): string {
  const description = rule.description ?? rule.title;
  // `whole` is the record format as a whole, which no clause of the notice numbers.
  if (rule.clause === 'whole') return description;
  return `${description}\n\n${locale === 'zh-CN' ? `依据条款：${rule.clause}` : `Clause: ${rule.clause}`}`;
}

/**
 * A file as SARIF locates it. Under the working directory, a relative URI against %SRCROOT%, each
 * segment percent-encoded so that no name reads as URI syntax (`x:y.json` as a scheme, `#` as a
 * fragment); elsewhere, a `file:` URI, since a relative one would climb out of the source root.
 */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, filePath);
  const rel = relative(cwd, absolute);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function sarifResult(m: LintMessage, artifact: ReturnType<typeof artifactLocation>, fingerprint: string, ruleIndex: ReadonlyMap<string, number>): unknown {
  return {
    ruleId: m.ruleId,
    ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
    level: LEVEL[m.severity],
    message: { text: m.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact,
          region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT]: fingerprint },
    properties: { record: m.record, filingId: m.filingId, path: m.path },
  };
}

export const sarif = chunked(sarifFragments);
