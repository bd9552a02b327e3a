import { styleText } from 'node:util';
import { messagesOf } from '../runner/message-store.js';
import type { LintMessage, LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeText } from './escape.js';
import type { FormatterContext } from './types.js';
import { displayWidth, padEnd } from './text-width.js';

type Style = Parameters<typeof styleText>[0];

/** The widest `line:col`, severity and message of a file's problems, which its rows are aligned to. */
function columnWidths(messages: Iterable<LintMessage>): { pos: number; sev: number; msg: number } {
  const widths = { pos: 0, sev: 0, msg: 0 };
  for (const m of messages) {
    widths.pos = Math.max(widths.pos, String(m.line).length + 1 + String(m.column).length);
    widths.sev = Math.max(widths.sev, m.severity.length);
    widths.msg = Math.max(widths.msg, displayWidth(safeText(m.message)));
  }
  return widths;
}

/**
 * ESLint's stylish layout, which VS Code's built-in `$eslint-stylish` problem
 * matcher reads: an absolute file path on its own line, then one indented
 * `line:col  severity  message  rule-id` row per problem.
 *
 * It is the default format, so it is written in pieces like `json`: a file's
 * problems are read twice, once for the column widths and once for the rows,
 * which for a large run streams them from its temporary file twice rather
 * than holding hundreds of thousands of rows at once.
 */
function* stylishLines(results: readonly LintResult[], { color, locale }: FormatterContext): Iterable<string> {
  // The caller decides about colour (--color, a TTY); styleText must not second-guess it.
  const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const result of results) {
    // Counted, not `messages.length`: reading that would load a spilled file's messages whole.
    if (result.errorCount + result.warningCount + result.infoCount === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    const width = columnWidths(messagesOf(result));
    yield `${paint('underline', safeText(result.filePath))}\n`;
    for (const m of messagesOf(result)) {
      const sevStyle: Style = m.severity === 'error' ? 'red' : m.severity === 'warning' ? 'yellow' : 'blue';
      const pos = paint('dim', `${m.line}:${m.column}`.padEnd(width.pos));
      const sev = paint(sevStyle, m.severity.padEnd(width.sev));
      // Two spaces before the rule id are what the problem matcher splits on.
      yield `  ${pos}  ${sev}  ${padEnd(safeText(m.message), Math.min(width.msg, 80))}  ${paint('dim', safeText(m.ruleId))}\n`;
    }
    yield '\n';
  }
  const total = errors + warnings + infos;
  if (total === 0) return;
  const summary =
    locale === 'zh-CN'
      ? `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`
      : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
  yield `${paint(errors > 0 ? 'red' : 'yellow', summary)}\n`;
}

export const stylish = chunked(stylishLines);
