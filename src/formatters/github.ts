import { messagesOf } from '../runner/message-store.js';
import type { LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeText } from './escape.js';
import { displayPath } from './paths.js';
import type { FormatterContext } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

// GitHub Actions workflow commands: data escapes %, CR and LF; properties also , and :.
const data = (s: string) => safeText(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Annotations for GitHub Actions: each problem shows on its line in the pull request. */
function* githubLines(results: readonly LintResult[], { cwd }: FormatterContext): Iterable<string> {
  for (const file of results) {
    const path = property(displayPath(file.filePath, cwd));
    for (const m of messagesOf(file)) {
      const props = `file=${path},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${property(`beianlint ${m.ruleId}`)}`;
      yield `::${COMMAND[m.severity]} ${props}::${data(m.message)}\n`;
    }
  }
}

export const github = chunked(githubLines);
