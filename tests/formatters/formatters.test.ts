import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import type { LintResult } from '../../src/engine/types.js';
import { expectGolden } from '../support/golden.js';
import { MessageStore, messagesOf } from '../../src/runner/message-store.js';
import type { ChunkedFormatter } from '../../src/formatters/index.js';
import { displayWidth } from '../../src/formatters/text-width.js';

const stylishOf = (results: LintResult[]) => FORMATTERS.stylish!(results, { cwd, color: false, locale: 'en' });

const cwd = '/srv/filings';

// Fixed results, independent of the rules, so these goldens change only when a formatter does.
const RESULTS: LintResult[] = [
  {
    filePath: '/srv/filings/batch.jsonl',
    errorCount: 2,
    warningCount: 1,
    infoCount: 1,
    messages: [
      { ruleId: 'parse-error', severity: 'error', message: 'JSON syntax error: unterminated string', record: 3, filingId: null, path: '', line: 4, column: 161, endLine: 4, endColumn: 171 },
      { ruleId: 'principal-document-type', severity: 'error', message: '网站负责人证件类型 "passport" 不适用于中国公民（一、1.(2)）', record: 4, filingId: 'F-0005', path: '/principal/document/type', line: 5, column: 210, endLine: 5, endColumn: 220 },
      { ruleId: 'domain-format', severity: 'warning', message: 'www.example.com is a subdomain; file the registrable domain example.com (一、3)', record: 5, filingId: 'F-0006', path: '/websites/0/domains/0/name', line: 6, column: 12, endLine: 6, endColumn: 29 },
      { ruleId: 'fallback-document', severity: 'info', message: 'household-register is used instead of resident-id-card (一、1.(2))', record: 6, filingId: 'F-0007', path: '/owner/document/type', line: 7, column: 80, endLine: 7, endColumn: 100 },
    ],
    stats: {
      records: 8,
      groups: [
        { province: '11', provider: '示例云计算有限公司' },
        { province: '44', provider: 'Example IDC <&> "Co"' },
      ],
      recordGroup: [0, 0, 0, -1, 1, 1, 1, 0],
    },
  },
  { filePath: '/srv/filings/clean.json', errorCount: 0, warningCount: 0, infoCount: 0, messages: [] },
  {
    filePath: '/srv/filings/sub dir/a.yaml',
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    messages: [{ ruleId: 'schema', severity: 'error', message: 'missing required field /principal/name', record: 0, filingId: 'A-1', path: '/principal/name', line: 12, column: 3, endLine: 20, endColumn: 1 }],
  },
];

// The patterns of VS Code's built-in $eslint-stylish and $eslint-compact problem matchers.
const STYLISH_FILE = /^([^\s].*)$/;
const STYLISH_ROW = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.+?)(?:\s\s+(.*))?$/;
const COMPACT_ROW = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;

describe('stylish', () => {
  const out = FORMATTERS.stylish!(RESULTS, { cwd, color: false, locale: 'en' });

  it('matches its golden output', () => expectGolden(out, new URL('golden/stylish.en.txt', import.meta.url)));

  it('is read by $eslint-stylish: every problem row gives line, column, severity, message and rule id', () => {
    const rows = out.split('\n').filter((l) => STYLISH_ROW.test(l));
    expect(rows).toHaveLength(5);
    const [, line, column, severity, message, code] = STYLISH_ROW.exec(rows[1]!)!;
    expect({ line, column, severity, message, code }).toEqual({
      line: '5',
      column: '210',
      severity: 'error',
      message: '网站负责人证件类型 "passport" 不适用于中国公民（一、1.(2)）',
      code: 'principal-document-type',
    });
    expect(out.split('\n').filter((l) => STYLISH_FILE.test(l) && l.startsWith('/'))).toEqual(['/srv/filings/batch.jsonl', '/srv/filings/sub dir/a.yaml']);
  });

  it('summarizes in the chosen locale, and prints nothing for a clean run', () => {
    expectGolden(FORMATTERS.stylish!(RESULTS, { cwd, color: false, locale: 'zh-CN' }), new URL('golden/stylish.zh-CN.txt', import.meta.url));
    expect(FORMATTERS.stylish!([RESULTS[1]!], { cwd, color: false, locale: 'en' })).toBe('');
  });

  it('colours only when asked', () => {
    expect(FORMATTERS.stylish!(RESULTS, { cwd, color: true, locale: 'en' })).toContain('\u001b[');
    expect(out).not.toContain('\u001b[');
  });
});

describe('compact', () => {
  const out = FORMATTERS.compact!(RESULTS, { cwd, color: false, locale: 'en' });

  it('matches its golden output', () => expectGolden(out, new URL('golden/compact.en.txt', import.meta.url)));

  it('is read by $eslint-compact, including messages with parentheses', () => {
    const rows = out.split('\n').filter((l) => COMPACT_ROW.test(l));
    expect(rows).toHaveLength(5);
    const m = COMPACT_ROW.exec(rows[2]!)!;
    expect(m.slice(1)).toEqual(['/srv/filings/batch.jsonl', '6', '12', 'Warning', 'www.example.com is a subdomain; file the registrable domain example.com (一、3)', 'domain-format']);
  });
});

const RULES = [
  { id: 'parse-error', title: 'The file parses', description: 'Each record parses as JSON, JSONL or YAML.', clause: 'whole', severity: 'error' as const },
  { id: 'principal-document-type', title: "The principal's document type fits their citizenship", description: 'A citizen of China files a resident ID card; others the document their citizenship allows.', clause: '一、1.(1)(2)', severity: 'error' as const },
  // No description: a library caller's rule table may have none, and the title stands in.
  { id: 'domain-format', title: 'Domains are valid and registrable', clause: '一、3', severity: 'error' as const },
];
const CONTEXT = { cwd, color: false, locale: 'en' as const, rules: RULES, version: '9.9.9' };

describe.each([['sarif'], ['junit'], ['github'], ['summary'], ['html']])('%s', (name) => {
  it('matches its golden output in both locales', () => {
    expectGolden(FORMATTERS[name]!(RESULTS, CONTEXT), new URL(`golden/${name}.en.txt`, import.meta.url));
    expectGolden(FORMATTERS[name]!(RESULTS, { ...CONTEXT, locale: 'zh-CN' }), new URL(`golden/${name}.zh-CN.txt`, import.meta.url));
  });
});

describe('report formats', () => {
  it('sarif is SARIF 2.1.0 with a rule table and exact regions', () => {
    const log = JSON.parse(FORMATTERS.sarif!(RESULTS, CONTEXT));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(log.runs[0].results).toHaveLength(5);
    expect(log.runs[0].results[2]).toMatchObject({
      ruleId: 'domain-format',
      ruleIndex: 2,
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'batch.jsonl' }, region: { startLine: 6, startColumn: 12, endLine: 6, endColumn: 29 } } }],
    });
    expect(log.runs[0].results[4].locations[0].physicalLocation.artifactLocation.uri).toBe('sub%20dir/a.yaml');
  });

  it('junit escapes what XML cannot carry', () => {
    const xml = FORMATTERS.junit!([{ ...RESULTS[0]!, messages: [{ ...RESULTS[0]!.messages[0]!, message: 'a <b> & "c" \u0001 \uD800' }] }], CONTEXT);
    // A control character is named, as in every report; a lone surrogate XML cannot hold at all.
    expect(xml).toContain('a &lt;b&gt; &amp; &quot;c&quot; \\u0001 \uFFFD');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });

  it('github escapes workflow-command separators', () => {
    const out = FORMATTERS.github!([{ ...RESULTS[0]!, filePath: '/srv/filings/a,b:c.jsonl', messages: [{ ...RESULTS[0]!.messages[0]!, message: '100% sure\nnext' }] }], CONTEXT);
    expect(out).toBe('::error file=a%2Cb%3Ac.jsonl,line=4,col=161,endLine=4,endColumn=171,title=beianlint parse-error::100%25 sure%0Anext\n');
  });

  it('summary and html count accuracy per province and provider', () => {
    const text = FORMATTERS.summary!(RESULTS, CONTEXT);
    expect(text).toMatch(/^beianlint summary: 3 file\(s\), 9 record\(s\), 3 with errors, accuracy 66\.7%/);
    expect(text).toMatch(/11 京\s+示例云计算有限公司\s+4\s+0\s+0\s+100\.0%/);
    expect(text).toMatch(/44 粤\s+Example IDC <&> "Co"\s+3\s+1\s+1\s+66\.7%/);
    const page = FORMATTERS.html!(RESULTS, CONTEXT);
    expect(page).toContain('Example IDC &lt;&amp;&gt; &quot;Co&quot;');
    // Self-contained: its one script and its data are inline, and nothing is loaded from elsewhere.
    expect(page).not.toMatch(/<script[^>]*\ssrc=|<link\b|<img\b|@import|url\(http/i);
  });
});

/** The same problems with every line and column moved, as when a file is reformatted or lines are added above. */
function moved(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.map((m) => ({ ...m, line: m.line + 40, column: m.column + 3, endLine: m.endLine + 40, endColumn: m.endColumn + 3 })) }));
}

describe('checkstyle', () => {
  const out = FORMATTERS.checkstyle!(RESULTS, CONTEXT);
  const ERROR = /<error line="(\d+)" column="(\d+)" severity="(\w+)" message="([^"]*)" source="([^"]*)"\/>/g;

  it('matches its golden output, which no locale changes', () => {
    expectGolden(out, new URL('golden/checkstyle.txt', import.meta.url));
    expect(FORMATTERS.checkstyle!(RESULTS, { ...CONTEXT, locale: 'zh-CN' })).toBe(out);
  });

  it('has a file element per file, a clean one too, and an error per problem with its rule as the source', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n')).toBe(true);
    expect([...out.matchAll(/<file name="([^"]*)">/g)].map((m) => m[1])).toEqual(['batch.jsonl', 'clean.json', 'sub dir/a.yaml']);
    expect([...out.matchAll(ERROR)].map(([, line, column, severity, , source]) => [line, column, severity, source])).toEqual([
      ['4', '161', 'error', 'beianlint.parse-error'],
      ['5', '210', 'error', 'beianlint.principal-document-type'],
      ['6', '12', 'warning', 'beianlint.domain-format'],
      ['7', '80', 'info', 'beianlint.fallback-document'],
      ['12', '3', 'error', 'beianlint.schema'],
    ]);
  });

  it('escapes every attribute, and holds no character XML 1.0 forbids', () => {
    const hostile = 'a <b> & "c" \u0001 \uFFFE \uD800';
    const escaped = 'a &lt;b&gt; &amp; &quot;c&quot; \\u0001 \uFFFD \uFFFD';
    const message = { ...RESULTS[0]!.messages[0]!, ruleId: `rule${hostile}`, message: hostile };
    const xml = FORMATTERS.checkstyle!([{ ...RESULTS[0]!, filePath: `/srv/filings/${hostile}.json`, messages: [message] }], CONTEXT);
    expect(xml).toContain(`<file name="${escaped}.json">`);
    expect(xml).toContain(`message="${escaped}" source="beianlint.rule${escaped}"/>`);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('gitlab', () => {
  const out = FORMATTERS.gitlab!(RESULTS, CONTEXT);
  const fingerprints = (results: readonly LintResult[]) => (JSON.parse(FORMATTERS.gitlab!(results, CONTEXT)) as Array<{ fingerprint: string }>).map((i) => i.fingerprint);

  it('matches its golden output, which no locale changes', () => {
    expectGolden(out, new URL('golden/gitlab.txt', import.meta.url));
    expect(FORMATTERS.gitlab!(RESULTS, { ...CONTEXT, locale: 'zh-CN' })).toBe(out);
  });

  it('is an array of Code Quality issues with the fields GitLab requires', () => {
    const issues = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(issues).toHaveLength(5);
    expect(issues[2]).toEqual({
      description: 'www.example.com is a subdomain; file the registrable domain example.com (一、3)',
      check_name: 'domain-format',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'minor',
      location: { path: 'batch.jsonl', lines: { begin: 6 } },
    });
    expect(issues.map((i) => i.severity)).toEqual(['major', 'major', 'minor', 'info', 'major']);
    expect(FORMATTERS.gitlab!([RESULTS[1]!], CONTEXT)).toBe('[]\n');
  });

  it('keeps each fingerprint when lines move, and gives no two problems the same one', () => {
    expect(fingerprints(moved(RESULTS))).toEqual(fingerprints(RESULTS));
    expect(new Set(fingerprints(RESULTS)).size).toBe(5);
  });

  it('keeps a record’s fingerprints when records are reordered, as it names them by filingId', () => {
    const base = RESULTS[2]!.messages[0]!;
    const first = { ...base, record: 0, filingId: 'F-1', line: 1, endLine: 1 };
    const second = { ...base, record: 1, filingId: 'F-2', line: 2, endLine: 2 };
    const swapped = [
      { ...second, record: 0, line: 1, endLine: 1 },
      { ...first, record: 1, line: 2, endLine: 2 },
    ];
    const [f1, f2] = fingerprints([{ ...RESULTS[2]!, messages: [first, second] }]);
    expect(fingerprints([{ ...RESULTS[2]!, messages: swapped }])).toEqual([f2, f1]);
  });

  it('tells apart another file, rule, record or pointer, and numbers repeats', () => {
    const base = RESULTS[2]!.messages[0]!;
    const one = (message: typeof base, filePath = RESULTS[2]!.filePath) => fingerprints([{ ...RESULTS[2]!, filePath, messages: [message] }])[0];
    const variants = [
      one(base),
      one(base, '/srv/filings/b.yaml'),
      one({ ...base, ruleId: 'principal-name' }),
      one({ ...base, path: '/owner/name' }),
      one({ ...base, filingId: 'A-2' }),
      // A record with no filingId is named by its index.
      one({ ...base, filingId: null }),
      one({ ...base, filingId: null, record: 1 }),
    ];
    expect(new Set(variants).size).toBe(variants.length);
    // Two problems of one rule at one pointer, and a second record with the same filingId (a batch of duplicates).
    const repeats = [base, { ...base, message: 'another problem at the same field' }, { ...base, record: 1, line: 30, endLine: 30 }];
    expect(new Set(fingerprints([{ ...RESULTS[2]!, messages: repeats }])).size).toBe(3);
  });
});

describe('sarif for code scanning', () => {
  const logOf = (results: readonly LintResult[], locale: 'en' | 'zh-CN' = 'en') => JSON.parse(FORMATTERS.sarif!(results, { ...CONTEXT, locale }));

  it('gives each rule a full description and help in the locale, and counts columns in UTF-16 code units', () => {
    const en = logOf(RESULTS).runs[0];
    expect(en.columnKind).toBe('utf16CodeUnits');
    expect(en.tool.driver.rules[1]).toMatchObject({ fullDescription: { text: RULES[1]!.description }, help: { text: `${RULES[1]!.description}\n\nClause: 一、1.(1)(2)` } });
    // `whole` is no clause of the notice; a rule with no description has its title instead.
    expect(en.tool.driver.rules[0]).toMatchObject({ fullDescription: { text: RULES[0]!.description }, help: { text: RULES[0]!.description } });
    expect(en.tool.driver.rules[2]).toMatchObject({ fullDescription: { text: RULES[2]!.title }, help: { text: `${RULES[2]!.title}\n\nClause: 一、3` } });
    expect(logOf(RESULTS, 'zh-CN').runs[0].tool.driver.rules[1].help.text).toBe(`${RULES[1]!.description}\n\n依据条款：一、1.(1)(2)`);
  });

  it('fingerprints each result as gitlab does, so a result keeps its fingerprint when lines move', () => {
    const fingerprints = (results: readonly LintResult[]) => logOf(results).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['beianlint/v1']);
    expect(fingerprints(moved(RESULTS))).toEqual(fingerprints(RESULTS));
    expect(fingerprints(RESULTS)).toEqual((JSON.parse(FORMATTERS.gitlab!(RESULTS, CONTEXT)) as Array<{ fingerprint: string }>).map((i) => i.fingerprint));
  });

  it('writes file names as URIs that no reader takes for a scheme, a query or a fragment', () => {
    const locationOf = (filePath: string) => logOf([{ ...RESULTS[2]!, filePath }]).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(locationOf('/srv/filings/x:y.json')).toEqual({ uri: 'x%3Ay.json', uriBaseId: '%SRCROOT%' });
    expect(locationOf('/srv/filings/sub dir/a#1?.json')).toEqual({ uri: 'sub%20dir/a%231%3F.json', uriBaseId: '%SRCROOT%' });
    expect(locationOf('/srv/filings/百分之 100%.yaml')).toEqual({ uri: '%E7%99%BE%E5%88%86%E4%B9%8B%20100%25.yaml', uriBaseId: '%SRCROOT%' });
    // Read against the source root, each is the file itself.
    const root = 'file:///srv/filings/';
    for (const name of ['x:y.json', 'sub dir/a#1?.json', '百分之 100%.yaml']) expect(decodeURIComponent(new URL(locationOf(`/srv/filings/${name}`).uri, root).pathname)).toBe(`/srv/filings/${name}`);
    // Outside the working directory, a relative URI would climb out of the source root.
    expect(locationOf('/srv/other/x:y #1.json')).toEqual({ uri: 'file:///srv/other/x:y%20%231.json' });
  });
});

describe('json', () => {
  const out = FORMATTERS.json!(RESULTS, { cwd, color: false, locale: 'en' });

  it('matches its golden output', () => expectGolden(out, new URL('golden/json.txt', import.meta.url)));

  it('has exactly the contract shape with paths relative to the working directory', () => {
    const parsed = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(parsed.map((r) => r.filePath)).toEqual(['batch.jsonl', 'clean.json', 'sub dir/a.yaml']);
    expect(Object.keys(parsed[0]!)).toEqual(['filePath', 'errorCount', 'warningCount', 'infoCount', 'messages']);
    const msg = (parsed[0]!.messages as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(msg)).toEqual(['ruleId', 'severity', 'message', 'record', 'filingId', 'path', 'line', 'column', 'endLine', 'endColumn']);
  });
});

describe('json in pieces', () => {
  it('joins to exactly JSON.stringify of the contract array, across piece boundaries and empty files', () => {
    const base = RESULTS[0]!.messages[0]!;
    const many = Array.from({ length: 4_500 }, (_, i) => ({ ...base, line: i + 1, record: i, message: `problem "${i}" 问题` }));
    const results = [{ ...RESULTS[0]!, messages: many }, RESULTS[1]!, { ...RESULTS[0]!, messages: many.slice(0, 2_000) }];
    const expected = JSON.stringify(
      results.map((r) => ({
        filePath: r.filePath.slice(cwd.length + 1),
        errorCount: r.errorCount,
        warningCount: r.warningCount,
        infoCount: r.infoCount,
        messages: r.messages.map(({ ruleId, severity, message, record, filingId, path, line, column, endLine, endColumn }) => ({ ruleId, severity, message, record, filingId, path, line, column, endLine, endColumn })),
      })),
    );
    const json = FORMATTERS.json as typeof FORMATTERS.json & { chunks: (r: LintResult[], c: typeof CONTEXT) => Iterable<string> };
    const pieces = [...json.chunks(results, { ...CONTEXT, cwd })];
    expect(pieces.length).toBeGreaterThan(6);
    expect(pieces.join('')).toBe(`${expected}\n`);
    expect(json(results, { ...CONTEXT, cwd })).toBe(`${expected}\n`);
    expect(json([], CONTEXT)).toBe('[]\n');
  });
});

describe('formats written in pieces', () => {
  const CHUNKED = ['stylish', 'compact', 'json', 'github', 'sarif', 'junit', 'html', 'checkstyle', 'gitlab', 'csv'] as const;

  /** A run's file past the message budget: its messages are on disk, and reading them whole is an error here. */
  function spilledResult(): { spilled: LintResult; plain: LintResult } {
    const store = new MessageStore(10);
    const file = store.file();
    const base = RESULTS[0]!.messages;
    // Wide characters and widths that change between the first rows and the last, which the alignment must see.
    for (let i = 0; i < 450; i++) file.push({ ...base[i % base.length]!, line: 1000 - i * 2, column: 1 + (i % 120), record: 450 - i, message: i === 0 ? `the widest, and the last row: ${'宽'.repeat(20)}` : `${'长'.repeat(i % 7)}problem ${i}` });
    const spilled = file.result('/srv/filings/large.jsonl');
    const plain = { ...spilled, messages: [...messagesOf(spilled)] };
    Object.defineProperty(spilled, 'messages', {
      get() {
        throw new Error('a formatter read every message of a spilled file into memory');
      },
    });
    return { spilled, plain };
  }

  for (const name of CHUNKED) {
    it(`${name}: pieces from a file on disk join to the report of the same messages in memory`, () => {
      const formatter = FORMATTERS[name] as ChunkedFormatter;
      const { spilled, plain } = spilledResult();
      for (const color of [false, true]) {
        const context = { ...CONTEXT, color };
        const pieces = [...formatter.chunks([RESULTS[1]!, spilled, RESULTS[2]!], context)];
        expect(pieces.length, name).toBeGreaterThan(1);
        expect(pieces.join('')).toBe(formatter([RESULTS[1]!, plain, RESULTS[2]!], context));
      }
    });
  }

  it('stylish aligns a file by its widest row, wherever in the file it is', () => {
    const { plain } = spilledResult();
    const rows = stylishOf([plain]).split('\n').filter((l) => STYLISH_ROW.test(l));
    expect(rows).toHaveLength(450);
    // Every rule id starts in the same column: the widths were taken over all rows before any was written.
    const ruleColumns = new Set(rows.map((r) => displayWidth(r.slice(0, r.lastIndexOf('  ')))));
    expect(ruleColumns.size).toBe(1);
  });
});

describe('a file with very many problems', () => {
  it('formats in every format without exceeding the call-argument limit', () => {
    const base = RESULTS[0]!.messages[0]!;
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...base, line: i + 1, record: i }));
    const result = [{ ...RESULTS[0]!, errorCount: many.length, warningCount: 0, infoCount: 0, messages: many }];
    for (const [name, format] of Object.entries(FORMATTERS)) {
      // The summary is counts only; every other format lists each problem.
      expect(format(result, CONTEXT).length, name).toBeGreaterThan(name === 'summary' ? 100 : 1_000_000);
    }
  });
});
