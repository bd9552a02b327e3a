import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import type { FormatterContext, RuleInfo } from '../../src/formatters/index.js';
import type { LintResult } from '../../src/engine/types.js';

// Terminal and log injection: whatever a record or the file system supplies reaches a report, and
// no report may carry a character that moves the cursor, clears the screen, rings the bell,
// reorders the line for display, or starts a new line that a problem matcher would read as a
// problem of its own.

/** Clear screen (ESC [2J), a C1 CSI (U+009B) asking for the cursor position, BEL, backspace, RLO, and a line break. */
const HOSTILE = '\u001b[2J\u009b6n\u0007\b\u202e\n';

// What no report may hold raw. A line feed is the reports' own line break, counted instead.
const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

const cwd = '/srv/filings';

/** Results whose every text from input holds `text`: file name, filingId, path, message, rule id, province and provider. */
function resultsWith(text: string): LintResult[] {
  const message = (line: number, severity: 'error' | 'warning' | 'info') => ({
    ruleId: `rule${text}`,
    severity,
    message: `message ${text} at ${line}`,
    record: line - 1,
    filingId: `F${text}`,
    path: `/websites/0/domains/0/name${text}`,
    line,
    column: 2,
    endLine: line,
    endColumn: 9,
  });
  return [
    {
      filePath: `${cwd}/batch${text}.jsonl`,
      errorCount: 1,
      warningCount: 1,
      infoCount: 1,
      messages: [message(1, 'error'), message(2, 'warning'), message(3, 'info')],
      stats: { records: 3, groups: [{ province: `11${text}`, provider: `Provider ${text} IDC` }], recordGroup: [0, 0, 0] },
    },
    { filePath: `${cwd}/clean${text}.json`, errorCount: 0, warningCount: 0, infoCount: 0, messages: [] },
  ];
}

function contextWith(text: string, locale: 'en' | 'zh-CN', color = false): FormatterContext {
  const rules: RuleInfo[] = [{ id: `rule${text}`, title: `A user rule ${text} title`, description: `A user rule ${text} description`, clause: `clause ${text}`, severity: 'error' }];
  return { cwd, color, locale, rules, version: '9.9.9' };
}

const lineCount = (text: string) => text.split('\n').length;

// Every format; json, sarif and gitlab write the same characters as JSON escapes, the others as visible `\uXXXX`.
const FORMAT_NAMES = ['stylish', 'compact', 'summary', 'github', 'junit', 'checkstyle', 'html', 'csv', 'json', 'sarif', 'gitlab'] as const;
const TEXT_FORMATS = ['stylish', 'compact', 'summary', 'github', 'junit', 'checkstyle', 'html', 'csv'] as const;

describe.each(FORMAT_NAMES)('%s with control and bidirectional characters in every text from input', (name) => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`holds none of them raw, and has as many lines as with plain names (${locale})`, () => {
      const hostile = FORMATTERS[name]!(resultsWith(HOSTILE), contextWith(HOSTILE, locale));
      const plain = FORMATTERS[name]!(resultsWith('plain'), contextWith('plain', locale));
      expect(hostile).not.toMatch(RAW_CONTROL);
      expect(lineCount(hostile)).toBe(lineCount(plain));
    });
  }
});

describe.each(TEXT_FORMATS)('%s names each control character', (name) => {
  it('as \\uXXXX, so the reader sees which it was', () => {
    const out = FORMATTERS[name]!(resultsWith(HOSTILE), contextWith(HOSTILE, 'en'));
    expect(out).toContain('\\u001B[2J\\u009B6n\\u0007\\u0008\\u202E');
  });
});

describe('a file name with a line break', () => {
  const results = (fileName: string): LintResult[] => [{ ...resultsWith('')[0]!, filePath: `${cwd}/${fileName}` }];
  // Forged: what a problem row of the report looks like, after a line break in the name.
  const forgedStylish = 'a\n  1:1  error  forged problem  forged-rule\nb.json';
  const forgedCompact = 'a\n/srv/filings/forged.json: line 1, col 1, Error - forged problem (forged-rule)\nb.json';

  it('prints on one line, with the break shown as \\u000A', () => {
    for (const name of ['stylish', 'compact'] as const) {
      const out = FORMATTERS[name]!(results('a\nb.json'), contextWith('', 'en'));
      expect(out).toContain(`${cwd}/a\\u000Ab.json`);
      expect(out).not.toContain(`${cwd}/a\nb.json`);
    }
  });

  // The patterns of VS Code's $eslint-stylish and $eslint-compact problem matchers, as
  // ../shared/tools/newcomer-check runs them over the whole output, line by line.
  const STYLISH_ROW = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.+?)(?:\s\s+(.*))?$/;
  const COMPACT_ROW = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;
  const matches = (out: string, row: RegExp) => out.split(/\r\n|\r|\n/).filter((line) => row.test(line));

  it('cannot add a problem that $eslint-stylish reads', () => {
    const rows = matches(FORMATTERS.stylish!(results(forgedStylish), contextWith('', 'en')), STYLISH_ROW);
    expect(rows).toHaveLength(3);
    expect(rows.join('\n')).not.toContain('forged');
    // Nor does the file line: $eslint-stylish takes the path from the line before the rows.
    const out = FORMATTERS.stylish!(results(forgedStylish), contextWith('', 'en'));
    expect(out.split('\n')[0]).toBe(`${cwd}/a\\u000A  1:1  error  forged problem  forged-rule\\u000Ab.json`);
  });

  it('cannot add a problem that $eslint-compact reads', () => {
    const rows = matches(FORMATTERS.compact!(results(forgedCompact), contextWith('', 'en')), COMPACT_ROW);
    expect(rows).toHaveLength(3);
    // Each row still names the one real file, escaped, with the line and column of its problem.
    for (const [index, row] of rows.entries()) {
      const [, file, line] = COMPACT_ROW.exec(row)!;
      expect(file).toBe(`${cwd}/a\\u000A/srv/filings/forged.json: line 1, col 1, Error - forged problem (forged-rule)\\u000Ab.json`);
      expect(line).toBe(String(index + 1));
    }
  });

  it('cannot start a workflow command of its own in the github format', () => {
    const out = FORMATTERS.github!(results('a\n::error file=forged.json,line=1::forged\nb.json'), contextWith('', 'en'));
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(3);
    expect(out.split('\n').filter((line) => line.includes('forged'))).toHaveLength(3);
    for (const line of out.split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning|notice) file=a%0A%3A%3Aerror file=forged.json%2Cline=1%3A%3Aforged%0Ab.json,/);
  });
});

describe('stylish in colour', () => {
  it('writes escape sequences of its own colours only', () => {
    const out = FORMATTERS.stylish!(resultsWith(HOSTILE), contextWith(HOSTILE, 'en', true));
    // SGR sequences (ESC [ n m) are the colours; anything left over came from the input.
    expect(out).toMatch(/\u001b\[\d+m/);
    expect(out.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(RAW_CONTROL);
  });
});

describe('json, sarif and gitlab', () => {
  it('carry the original texts, as JSON escapes a script reads back unchanged', () => {
    const [file] = JSON.parse(FORMATTERS.json!(resultsWith(HOSTILE), contextWith(HOSTILE, 'en'))) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
    expect(file!.filePath).toBe(`batch${HOSTILE}.jsonl`);
    expect(file!.messages[0]).toMatchObject({ ruleId: `rule${HOSTILE}`, message: `message ${HOSTILE} at 1`, filingId: `F${HOSTILE}`, path: `/websites/0/domains/0/name${HOSTILE}` });
    const log = JSON.parse(FORMATTERS.sarif!(resultsWith(HOSTILE), contextWith(HOSTILE, 'en')));
    expect(log.runs[0].tool.driver.rules[0]).toMatchObject({
      id: `rule${HOSTILE}`,
      shortDescription: { text: `A user rule ${HOSTILE} title` },
      fullDescription: { text: `A user rule ${HOSTILE} description` },
      help: { text: `A user rule ${HOSTILE} description\n\nClause: clause ${HOSTILE}` },
      properties: { clause: `clause ${HOSTILE}` },
    });
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: `rule${HOSTILE}`, message: { text: `message ${HOSTILE} at 1` }, properties: { filingId: `F${HOSTILE}` } });
    const [issue] = JSON.parse(FORMATTERS.gitlab!(resultsWith(HOSTILE), contextWith(HOSTILE, 'en')));
    expect(issue).toMatchObject({ description: `message ${HOSTILE} at 1`, check_name: `rule${HOSTILE}`, location: { path: `batch${HOSTILE}.jsonl` } });
  });
});
