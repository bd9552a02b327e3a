import { messagesOf } from '../engine/message-store.js';
import type { LintResult } from '../engine/types.js';
import { displayPath } from './paths.js';
import type { ChunkedFormatter, FormatterContext } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Annotations per written piece (see json.ts for why pieces stay small). */
const LINES_PER_CHUNK = 200;

// GitHub Actions workflow commands: data escapes %, CR and LF; properties also , and :.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Annotations for GitHub Actions: each problem shows on its line in the pull request. Written in pieces, as `compact`. */
function* githubChunks(results: readonly LintResult[], { cwd }: FormatterContext): Iterable<string> {
  let part: string[] = [];
  for (const file of results) {
    const path = property(displayPath(file.filePath, cwd));
    for (const m of messagesOf(file)) {
      const props = `file=${path},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${property(`beianlint ${m.ruleId}`)}`;
      part.push(`::${COMMAND[m.severity]} ${props}::${data(m.message)}\n`);
      if (part.length === LINES_PER_CHUNK) {
        yield part.join('');
        part = [];
      }
    }
  }
  if (part.length > 0) yield part.join('');
}

export const github: ChunkedFormatter = Object.assign((results: readonly LintResult[], context: FormatterContext) => [...githubChunks(results, context)].join(''), {
  chunks: githubChunks,
});
