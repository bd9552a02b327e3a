// What the command line prints instead of a report: the active rules
// (--list-rules), one rule's documentation (--explain, as `ruff rule <code>`
// prints it) and a starter config (--init). The rule texts are the rule files'
// own, as the rule docs (scripts/gen-docs.mjs, docs/rules.md) render them.
import { existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { bundledRuleSet, CONFIG_FILE_NAMES, loadRuleSet, recipeOf, type Linter, type Locale, type RuleExample, type RuleSet } from '../engine/index.js';
import { displayWidth, padEnd, widest } from '../formatters/text-width.js';
import { yaml } from '../input/yaml.js';
import { packageRoot } from '../package-files.js';
import { closestName } from '../schema/explain.js';
import { UsageError } from './args.js';

/** The rule set a linter from createLinter was built from: the bundled rules and its config's rule folders. */
function ruleSetOf(linter: Linter): RuleSet {
  const ruleDirs = recipeOf(linter)?.config.ruleDirs;
  return ruleDirs?.length ? loadRuleSet(ruleDirs) : bundledRuleSet();
}

/** "whole" is how a rule file says it enforces the notice as a whole rather than one clause. */
function clauseText(clause: string, locale: Locale): string {
  if (clause !== 'whole') return clause;
  return locale === 'zh-CN' ? '通知全文' : 'whole notice';
}

/** Where a rule file is, as a user would look for it: inside the package, or relative to the working directory. */
function ruleFileShown(file: string, cwd: string): string {
  const inPackage = relative(packageRoot, file);
  if (!inPackage.startsWith('..') && !isAbsolute(inPackage)) return inPackage;
  return relative(cwd, file) || file;
}

const LIST_HEADINGS: Record<Locale, [string, string, string, string, string]> = {
  en: ['rule', 'severity', 'from stage', 'clause', 'title'],
  'zh-CN': ['规则', '级别', '起始阶段', '条款', '说明'],
};

/** `--list-rules`: each active rule with its severity (after config and --rule), stage, clause and title, one a line. */
export function listRules(linter: Linter): string {
  const { locale } = linter;
  const ruleSet = ruleSetOf(linter);
  const rows = linter.ruleInfo().map(({ id, severity, clause, title }) => [id, severity, ruleSet.byId.get(id)?.appliesFrom ?? '', clauseText(clause, locale), title]);
  const table = [LIST_HEADINGS[locale], ...rows];
  // The title is last, so it is never padded; CJK characters take two columns.
  const widths = [0, 1, 2, 3].map((column) => widest(table, (row) => displayWidth(row[column]!)));
  return table.map((row) => row.map((cell, column) => (column < 4 ? padEnd(cell, widths[column]!) : cell)).join('  ')).join('\n') + '\n';
}

/** The words of --explain's page around the rule file's own texts. */
interface ExplainWords {
  severity: string;
  defaultSeverity: (severity: string) => string;
  stage: string;
  clause: string;
  scope: string;
  why: string;
  example: (valid: boolean, title: string | undefined) => string;
  /** The example's title on a line of its own, when the heading does not hold it. */
  exampleTitle: (title: string) => string | undefined;
  canonical: (base: string, changed: boolean) => string;
  text: (format: string) => string;
  now: (day: string) => string;
  reportedAt: string;
  wholeRecord: string;
  furtherRecords: string;
}

const WORDS: Record<Locale, ExplainWords> = {
  en: {
    severity: 'Severity',
    defaultSeverity: (severity: string) => ` (by default ${severity})`,
    stage: 'from stage',
    clause: 'clause',
    scope: 'scope',
    why: 'What it checks, and why',
    example: (valid: boolean, title: string | undefined) => `${valid ? 'Passing' : 'Failing'} example${title ? `: ${title}` : ''}`,
    exampleTitle: () => undefined,
    canonical: (base: string, changed: boolean) => `Starting from the canonical record \`${base}\`${changed ? ', with:' : ', unchanged.'}`,
    text: (format: string) => `The ${format.toUpperCase()} text:`,
    now: (day: string) => `Checked as of ${day}.`,
    reportedAt: 'Reported at: ',
    wholeRecord: '(the record)',
    furtherRecords: 'further records',
  },
  'zh-CN': {
    severity: '级别',
    defaultSeverity: (severity: string) => `（默认 ${severity}）`,
    stage: '起始阶段',
    clause: '条款',
    scope: '范围',
    why: '检查什么，为什么',
    example: (valid: boolean) => (valid ? '通过的例子' : '不通过的例子'),
    // Examples are titled in English only; the title goes on a line of its own, not into a Chinese sentence.
    exampleTitle: (title: string) => `> ${title}`,
    canonical: (base: string, changed: boolean) => `以规范记录 \`${base}\` 为起点${changed ? '，改动如下：' : '，不作改动。'}`,
    text: (format: string) => `${format.toUpperCase()} 原文：`,
    now: (day: string) => `以 ${day} 为“今天”检查。`,
    reportedAt: '报告位置：',
    wholeRecord: '（整条记录）',
    furtherRecords: '同批其后的记录',
  },
};

/** One example as the record patch (set, unset, further records of a batch) or the file text it is. */
function exampleLines(e: RuleExample, locale: Locale): string[] {
  const words = WORDS[locale];
  const lines: string[] = [];
  if (e.text !== undefined) {
    const format = e.format ?? 'json';
    lines.push(words.text(format), '', '```' + (format === 'jsonl' ? 'json' : format), e.text.trimEnd(), '```');
  } else {
    const change: Record<string, unknown> = {};
    if (e.set) change.set = e.set;
    if (e.unset) change.unset = e.unset;
    if (e.records) change[words.furtherRecords] = e.records;
    const changed = Object.keys(change).length > 0;
    lines.push(words.canonical(e.base, changed));
    if (changed) lines.push('', '```yaml', yaml().stringify(change).trimEnd(), '```');
  }
  if (e.now) lines.push('', words.now(e.now));
  if (!e.valid && e.expect?.length) lines.push('', `${words.reportedAt}${e.expect.map((p) => (p ? '`' + p + '`' : words.wholeRecord)).join(', ')}`);
  return lines;
}

/** `--explain <rule-id>`: the rule's documentation in the linter's locale, failing examples first. */
export function explainRule(linter: Linter, id: string, cwd: string): string {
  const { locale } = linter;
  const ruleSet = ruleSetOf(linter);
  const rule = ruleSet.byId.get(id);
  if (!rule) throw unknownRule(id, ruleSet);
  const words = WORDS[locale];
  const severity = linter.ruleInfo().find((r) => r.id === id)?.severity ?? 'off';
  const out = [
    `# ${rule.id}: ${rule.title[locale]}`,
    '',
    [
      `${words.severity} \`${severity}\`${severity === rule.severity ? '' : words.defaultSeverity(rule.severity)}`,
      `${words.stage} \`${rule.appliesFrom}\``,
      `${words.clause} ${clauseText(rule.clause, locale)}`,
      `${words.scope} ${rule.scope}`,
      ruleFileShown(rule.file, cwd),
    ].join(' · '),
    '',
    `## ${words.why}`,
    '',
    rule.description[locale].trim(),
  ];
  for (const valid of [false, true]) {
    for (const e of rule.examples.filter((x) => x.valid === valid)) {
      out.push('', `## ${words.example(valid, e.title)}`, '');
      const title = e.title === undefined ? undefined : words.exampleTitle(e.title);
      if (title) out.push(title, '');
      out.push(...exampleLines(e, locale));
    }
  }
  return out.join('\n') + '\n';
}

function unknownRule(id: string, ruleSet: RuleSet): UsageError {
  const guess = closestName(id, ruleSet.byId.keys());
  if (guess) return new UsageError({ en: `unknown rule "${id}"; did you mean ${guess}?`, 'zh-CN': `没有名为 "${id}" 的规则；是否想查 ${guess}？` });
  return new UsageError({ en: `unknown rule "${id}" (beianlint --list-rules lists them)`, 'zh-CN': `没有名为 "${id}" 的规则（beianlint --list-rules 列出全部规则）` });
}

/** The file --init writes. */
export const STARTER_CONFIG_FILE = 'beianlint.config.yaml';

/** Every name a config file may have: a starter config beside any of them would make two in one folder. */
const CONFIG_NAMES = [...new Set([STARTER_CONFIG_FILE, 'beianlint.config.yml', 'beianlint.config.json', ...CONFIG_FILE_NAMES])];

/** The starter config: the preset, and the settings most projects touch first, commented out, in the locale. */
export function starterConfig(preset: 'provider' | 'bureau', locale: Locale): string {
  if (locale === 'zh-CN') {
    return `# beianlint 配置（由 beianlint --init 生成）；README 的“配置”一节说明各项。
extends: beianlint:${preset}

# 消息语言：zh-CN 或 en（默认取自 LC_ALL/LANG）。
# locale: zh-CN

# 规则级别：off、info、warning 或 error；beianlint --list-rules 列出全部规则。
# rules:
#   whitespace: warning

# 不检查的文件（glob）。
# ignores:
#   - drafts/**
`;
  }
  return `# beianlint configuration (written by beianlint --init); README's "Configuration" section explains each setting.
extends: beianlint:${preset}

# Message language: zh-CN or en (default: from LC_ALL/LANG).
# locale: en

# Rule severities: off, info, warning or error; beianlint --list-rules lists the rules.
# rules:
#   whitespace: warning

# Files not to lint (globs).
# ignores:
#   - drafts/**
`;
}

/**
 * `--init`: writes the starter config into `cwd` and says so. A config file
 * already there is never overwritten; nor is one written beside it.
 */
export function writeStarterConfig(cwd: string, preset: 'provider' | 'bureau', locale: Locale): string {
  const existing = CONFIG_NAMES.find((name) => existsSync(join(cwd, name)));
  if (existing) {
    throw new UsageError({
      en: `${existing} already exists here; --init does not overwrite a config file`,
      'zh-CN': `此处已有 ${existing}；--init 不会覆盖已有的配置文件`,
    });
  }
  try {
    // "wx": should a config appear between the look and the write, it is still not overwritten.
    writeFileSync(join(cwd, STARTER_CONFIG_FILE), starterConfig(preset, locale), { flag: 'wx' });
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError({ en: `cannot write ${STARTER_CONFIG_FILE}: ${reason}`, 'zh-CN': `无法写入 ${STARTER_CONFIG_FILE}：${reason}` });
  }
  return locale === 'zh-CN'
    ? `已写入 ${STARTER_CONFIG_FILE}（extends: beianlint:${preset}）\n`
    : `wrote ${STARTER_CONFIG_FILE} (extends: beianlint:${preset})\n`;
}
