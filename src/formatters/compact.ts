import { messagesOf } from '../runner/message-store.js';
import type { LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeText } from './escape.js';
import type { FormatterContext } from './types.js';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/**
 * ESLint's compact layout, one problem per line, which VS Code's built-in
 * `$eslint-compact` problem matcher reads:
 * `path: line L, col C, Error - message (rule-id)`.
 */
function* compactLines(results: readonly LintResult[], { locale }: FormatterContext): Iterable<string> {
  let total = 0;
  for (const result of results) {
    for (const m of messagesOf(result)) {
      total++;
      yield `${safeText(result.filePath)}: line ${m.line}, col ${m.column}, ${LABEL[m.severity]} - ${safeText(m.message)} (${safeText(m.ruleId)})\n`;
    }
  }
  if (total > 0) yield locale === 'zh-CN' ? `\n${total} 个问题\n` : `\n${total} problem${total === 1 ? '' : 's'}\n`;
}

export const compact = chunked(compactLines);
