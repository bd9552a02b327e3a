import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

function xml(text: string): string {
  // XML 1.0 cannot carry most control characters, even escaped; they become U+FFFD.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * JUnit XML for CI systems that show test reports: a test suite per file, a
 * failing test case per error or warning (infos pass), and one passing case
 * for a clean file so it still shows up as checked.
 */
export const junit: Formatter = (results, { cwd }) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="beianlint">'];
  for (const file of results) {
    const name = xml(displayPath(file.filePath, cwd));
    const failing = file.messages.filter((m) => m.severity !== 'info');
    const cases = file.messages.length || 1;
    out.push(`  <testsuite name="${name}" tests="${cases}" failures="${failing.length}" errors="0" skipped="0">`);
    if (file.messages.length === 0) out.push(`    <testcase name="${name}" classname="beianlint"/>`);
    for (const m of file.messages) {
      const title = xml(`${m.line}:${m.column} ${m.ruleId}${m.filingId ? ` (${m.filingId})` : ''}`);
      if (m.severity === 'info') {
        out.push(`    <testcase name="${title}" classname="${name}"><system-out>${xml(m.message)}</system-out></testcase>`);
        continue;
      }
      out.push(
        `    <testcase name="${title}" classname="${name}">`,
        `      <failure message="${xml(m.message)}" type="${m.severity}">${xml(`${m.severity} ${m.ruleId} at ${m.path || '/'} (record ${m.record}, line ${m.line}, column ${m.column}): ${m.message}`)}</failure>`,
        '    </testcase>',
      );
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
