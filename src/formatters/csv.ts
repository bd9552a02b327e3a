import { messagesOf } from '../runner/message-store.js';
import type { LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeText } from './escape.js';
import { displayPath } from './paths.js';
import type { FormatterContext } from './types.js';

/** The JSON output's fields of a problem, its file first, then the clause its rule cites. */
const COLUMNS = ['filePath', 'ruleId', 'severity', 'message', 'record', 'filingId', 'path', 'line', 'column', 'endLine', 'endColumn', 'clause'] as const;

/**
 * A text cell as RFC 4180 writes it: quoted when it holds a comma, a quote or
 * a line break, quotes doubled. Control characters are named (`\uXXXX`) as in
 * every report. A text that a spreadsheet would take for a formula (it starts
 * with =, +, - or @: a filingId typed as `=HYPERLINK(…)`) gets a leading `'`,
 * which Excel and LibreOffice show as text.
 */
export function textCell(value: string): string {
  const text = safeText(value);
  const inert = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/**
 * `--format csv`: one row per problem, for a spreadsheet. UTF-8 with a byte
 * order mark, which is how Excel knows a CSV file is UTF-8 and shows its
 * Chinese. Lines end in LF, as every report's do: no report prints a raw
 * carriage return, and Excel, LibreOffice and RFC 4180 readers take LF
 * alike (a break inside a cell is named `\u000A`). The column names are the
 * JSON output's, in every locale, and `record` stays 0-based as there.
 */
function* csvRows(results: readonly LintResult[], { cwd, rules = [] }: FormatterContext): Iterable<string> {
  const clauses = new Map(rules.map((r) => [r.id, r.clause]));
  yield `\uFEFF${COLUMNS.join(',')}\n`;
  for (const file of results) {
    const filePath = textCell(displayPath(file.filePath, cwd));
    for (const m of messagesOf(file)) {
      const cells = [filePath, textCell(m.ruleId), m.severity, textCell(m.message), String(m.record), m.filingId === null ? '' : textCell(m.filingId), textCell(m.path)];
      cells.push(String(m.line), String(m.column), String(m.endLine), String(m.endColumn), textCell(clauses.get(m.ruleId) ?? ''));
      yield `${cells.join(',')}\n`;
    }
  }
}

export const csv = chunked(csvRows);
