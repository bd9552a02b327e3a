import { displayPath } from './paths.js';
import { chunked } from './chunked.js';
import { safeJson } from './escape.js';
import type { FormatterContext } from './types.js';
import { messagesOf } from '../runner/message-store.js';
import type { LintResult } from '../engine/types.js';

/**
 * The data contract's output: one array, one element per file (with
 * `output`, the fixed text, for a file --fix-dry-run changes), paths relative
 * to the working directory with forward slashes so scripts read them the same
 * on every platform.
 *
 * Written in pieces: a national batch has hundreds of thousands of messages,
 * and one JSON string of them (with the copy written out) doubled the memory
 * of the whole run. The pieces join to exactly JSON.stringify of the array.
 */
function* jsonFragments(results: readonly LintResult[], { cwd }: FormatterContext): Iterable<string> {
  yield '[';
  for (let f = 0; f < results.length; f++) {
    const r = results[f]!;
    const head = JSON.stringify({
      filePath: displayPath(r.filePath, cwd),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      messages: [],
    });
    // The object ends `"messages":[]}`: open the array, write the messages, close both.
    yield `${f > 0 ? ',' : ''}${safeJson(head.slice(0, -2))}`;
    let first = true;
    for (const m of messagesOf(r)) {
      const text = JSON.stringify({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        record: m.record,
        filingId: m.filingId,
        path: m.path,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      });
      yield first ? safeJson(text) : `,${safeJson(text)}`;
      first = false;
    }
    // --fix-dry-run's fixed text, after the messages, as ESLint writes it.
    yield r.output === undefined ? ']}' : `],"output":${safeJson(JSON.stringify(r.output))}}`;
  }
  yield ']\n';
}

export const json = chunked(jsonFragments);
