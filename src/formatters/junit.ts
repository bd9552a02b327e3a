import { displayPath } from './paths.js';
import { messagesOf } from '../runner/message-store.js';
import type { LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeXml as xml } from './escape.js';
import type { FormatterContext } from './types.js';

/**
 * JUnit XML for CI systems that show test reports: a test suite per file, a
 * failing test case per error or warning (infos pass), and one passing case
 * for a clean file so it still shows up as checked.
 */
function* junitLines(results: readonly LintResult[], { cwd }: FormatterContext): Iterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="beianlint">\n';
  for (const file of results) {
    const name = xml(displayPath(file.filePath, cwd));
    // From the counts: the suite's attributes come before its cases, which may be read from a temporary file.
    const problems = file.errorCount + file.warningCount + file.infoCount;
    yield `  <testsuite name="${name}" tests="${problems || 1}" failures="${file.errorCount + file.warningCount}" errors="0" skipped="0">\n`;
    if (problems === 0) yield `    <testcase name="${name}" classname="beianlint"/>\n`;
    for (const m of messagesOf(file)) {
      const title = xml(`${m.line}:${m.column} ${m.ruleId}${m.filingId ? ` (${m.filingId})` : ''}`);
      if (m.severity === 'info') {
        yield `    <testcase name="${title}" classname="${name}"><system-out>${xml(m.message)}</system-out></testcase>\n`;
        continue;
      }
      yield `    <testcase name="${title}" classname="${name}">\n      <failure message="${xml(m.message)}" type="${m.severity}">${xml(`${m.severity} ${m.ruleId} at ${m.path || '/'} (record ${m.record}, line ${m.line}, column ${m.column}): ${m.message}`)}</failure>\n    </testcase>\n`;
    }
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

export const junit = chunked(junitLines);
