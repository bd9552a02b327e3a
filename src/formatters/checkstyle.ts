import { messagesOf } from '../runner/message-store.js';
import type { LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeXml as xml } from './escape.js';
import { displayPath } from './paths.js';
import type { FormatterContext } from './types.js';

/**
 * Checkstyle XML, which Jenkins' warnings plugin and many other CI servers read: a `file` element
 * per file (a clean one too, so it shows as checked), an `error` element per problem, whose
 * `severity` is the problem's own (checkstyle's are error, warning and info as well) and whose
 * `source` names the rule as `beianlint.<rule>`.
 */
function* checkstyleLines(results: readonly LintResult[], { cwd }: FormatterContext): Iterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const file of results) {
    yield `  <file name="${xml(displayPath(file.filePath, cwd))}">\n`;
    for (const m of messagesOf(file)) {
      yield `    <error line="${m.line}" column="${m.column}" severity="${m.severity}" message="${xml(m.message)}" source="${xml(`beianlint.${m.ruleId}`)}"/>\n`;
    }
    yield '  </file>\n';
  }
  yield '</checkstyle>\n';
}

export const checkstyle = chunked(checkstyleLines);
