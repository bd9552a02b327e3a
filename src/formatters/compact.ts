import { messagesOf } from '../engine/message-store.js';
import type { LintResult } from '../engine/types.js';
import type { ChunkedFormatter, FormatterContext } from './types.js';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** Lines per written piece (see json.ts for why pieces stay small). */
const LINES_PER_CHUNK = 200;

/**
 * ESLint's compact layout, one problem per line, which VS Code's built-in
 * `$eslint-compact` problem matcher reads:
 * `path: line L, col C, Error - message (rule-id)`.
 */
function* compactChunks(results: readonly LintResult[], { locale }: FormatterContext): Iterable<string> {
  let total = 0;
  let part: string[] = [];
  for (const result of results) {
    // A large run's messages come from a temporary file (messagesOf), never all in memory at once.
    for (const m of messagesOf(result)) {
      total++;
      part.push(`${result.filePath}: line ${m.line}, col ${m.column}, ${LABEL[m.severity]} - ${m.message} (${m.ruleId})\n`);
      if (part.length === LINES_PER_CHUNK) {
        yield part.join('');
        part = [];
      }
    }
  }
  if (total > 0) part.push(locale === 'zh-CN' ? `\n${total} 个问题\n` : `\n${total} problem${total === 1 ? '' : 's'}\n`);
  if (part.length > 0) yield part.join('');
}

export const compact: ChunkedFormatter = Object.assign((results: readonly LintResult[], context: FormatterContext) => [...compactChunks(results, context)].join(''), {
  chunks: compactChunks,
});
