import type { LintResult } from '../engine/types.js';
import type { ChunkedFormatter, FormatterContext } from './types.js';

/**
 * Fragments per written piece: enough to write efficiently, few enough that a
 * piece (tens of KB) stays below V8's large-object size. Larger pieces went to
 * the large-object space, which only a full collection frees, so spent pieces
 * piled up over a large report.
 */
const FRAGMENTS_PER_PIECE = 200;

/**
 * A formatter from the fragments of its text, in order. The CLI writes it in
 * pieces of a few hundred fragments, so a report of a national batch — which
 * has hundreds of thousands of messages, read one at a time with messagesOf —
 * is never one string; called as a plain formatter, it joins them.
 */
export function chunked(fragments: (results: readonly LintResult[], context: FormatterContext) => Iterable<string>): ChunkedFormatter {
  function* chunks(results: readonly LintResult[], context: FormatterContext): Iterable<string> {
    let piece: string[] = [];
    for (const fragment of fragments(results, context)) {
      piece.push(fragment);
      if (piece.length === FRAGMENTS_PER_PIECE) {
        yield piece.join('');
        piece = [];
      }
    }
    if (piece.length > 0) yield piece.join('');
  }
  return Object.assign((results: readonly LintResult[], context: FormatterContext) => [...chunks(results, context)].join(''), { chunks });
}
