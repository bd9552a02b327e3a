import { messagesOf } from '../runner/message-store.js';
import type { LintMessage, LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeJson } from './escape.js';
import { displayPath } from './paths.js';
import type { FormatterContext } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

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
function* sarifFragments(results: readonly LintResult[], { cwd, rules = [], version }: FormatterContext): Iterable<string> {
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
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { clause: r.clause },
            })),
          },
        },
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
    const uri = encodeURI(displayPath(file.filePath, cwd));
    for (const m of messagesOf(file)) {
      // JSON.stringify escapes line breaks inside strings, so each line of a result is a line of its text.
      yield `${any ? ',' : ''}\n${RESULT_INDENT}${safeJson(JSON.stringify(sarifResult(m, uri, ruleIndex), null, 2)).replaceAll('\n', `\n${RESULT_INDENT}`)}`;
      any = true;
    }
  }
  yield `${any ? `\n${RESULT_INDENT.slice(2)}` : ''}${empty.slice(at)}\n`;
}

function sarifResult(m: LintMessage, uri: string, ruleIndex: ReadonlyMap<string, number>): unknown {
  return {
    ruleId: m.ruleId,
    ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
    level: LEVEL[m.severity],
    message: { text: m.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
        },
      },
    ],
    properties: { record: m.record, filingId: m.filingId, path: m.path },
  };
}

export const sarif = chunked(sarifFragments);
