import { displayPath } from './paths.js';
import type { ChunkedFormatter, FormatterContext } from './types.js';
import { messagesOf } from '../engine/message-store.js';
import type { LintResult } from '../engine/types.js';

/**
 * Messages per written piece: enough to write efficiently, few enough that a
 * piece (about 70 KB) stays below V8's large-object size. Larger pieces went
 * to the large-object space, which only a full collection frees: 30 MB of
 * spent pieces at the end of a million-record report.
 */
const MESSAGES_PER_CHUNK = 200;

/**
 * The data contract's output: one array, one element per file, paths relative
 * to the working directory with forward slashes so scripts read them the same
 * on every platform.
 *
 * Written in pieces: a national batch has hundreds of thousands of messages,
 * and one JSON string of them (with the copy written out) doubled the memory
 * of the whole run. The pieces join to exactly JSON.stringify of the array.
 */
function* jsonChunks(results: readonly LintResult[], { cwd }: FormatterContext): Iterable<string> {
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
    yield `${f > 0 ? ',' : ''}${head.slice(0, -2)}`;
    // A large run's messages come from a temporary file (messagesOf), never all in memory at once.
    let part: string[] = [];
    let first = true;
    for (const m of messagesOf(r)) {
      part.push(
        JSON.stringify({
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
        }),
      );
      if (part.length === MESSAGES_PER_CHUNK) {
        yield `${first ? '' : ','}${part.join(',')}`;
        first = false;
        part = [];
      }
    }
    if (part.length > 0) yield `${first ? '' : ','}${part.join(',')}`;
    yield ']}';
  }
  yield ']\n';
}

export const json: ChunkedFormatter = Object.assign((results: readonly LintResult[], context: FormatterContext) => [...jsonChunks(results, context)].join(''), {
  chunks: jsonChunks,
});
