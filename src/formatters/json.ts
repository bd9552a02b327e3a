import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

/**
 * The data contract's output: one array, one element per file, paths relative
 * to the working directory with forward slashes so scripts read them the same
 * on every platform.
 */
export const json: Formatter = (results, { cwd }) => {
  const shaped = results.map((r) => ({
    filePath: displayPath(r.filePath, cwd),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    messages: r.messages.map((m) => ({
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
    })),
  }));
  return JSON.stringify(shaped) + '\n';
};
