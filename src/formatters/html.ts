import { PROVINCE_FILING_ABBREVIATIONS } from '../domain/citizen-id.js';
import { accuracyOf, percent } from './accuracy.js';
import { displayPath } from './paths.js';
import { messagesOf } from '../runner/message-store.js';
import type { LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeText } from './escape.js';
import type { FormatterContext } from './types.js';
import { maskPersonalText } from '../domain/personal-text.js';

const esc = (s: string) => safeText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A self-contained HTML report (no scripts, no external resources) for
 * sending to a provider or filing with a review: the accuracy summary, then
 * every problem by file with its position, rule and clause.
 */
function* htmlLines(results: readonly LintResult[], { cwd, locale, rules = [], version }: FormatterContext): Iterable<string> {
  const zh = locale === 'zh-CN';
  const acc = accuracyOf(results);
  const clauses = new Map(rules.map((r) => [r.id, r.clause]));
  const t = (zhText: string, enText: string) => esc(zh ? zhText : enText);
  yield* [
    '<!doctype html>',
    `<html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<title>${t('beianlint 检查报告', 'beianlint report')}</title>`,
    '<style>body{font:14px/1.5 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}th{background:#f4f4f4}.error{color:#b00020}.warning{color:#8a6d00}.info{color:#1a5fb4}td.n{text-align:right}</style>',
    '</head><body>',
    `<h1>${t('beianlint 检查报告', 'beianlint report')}</h1>`,
    `<p>${t(`${acc.files} 个文件，${acc.records} 条记录，${acc.withErrors} 条有错误，准确率 ${percent(acc.records - acc.withErrors, acc.records)}`, `${acc.files} file(s), ${acc.records} record(s), ${acc.withErrors} with errors, accuracy ${percent(acc.records - acc.withErrors, acc.records)}`)}${version ? ` · beianlint ${esc(version)}` : ''}</p>`,
  ].map((line) => `${line}\n`);
  if (acc.groups.length) {
    yield `<table><tr><th>${t('省份', 'province')}</th><th>${t('接入服务单位', 'access provider')}</th><th>${t('记录', 'records')}</th><th>${t('有错误', 'with errors')}</th><th>${t('准确率', 'accuracy')}</th></tr>\n`;
    for (const g of acc.groups) {
      yield `<tr><td>${esc(g.province)} ${esc(PROVINCE_FILING_ABBREVIATIONS[g.province] ?? '')}</td><td>${esc(maskPersonalText(g.provider))}</td><td class="n">${g.records}</td><td class="n">${g.withErrors}</td><td class="n">${percent(g.records - g.withErrors, g.records)}</td></tr>\n`;
    }
    yield '</table>\n';
  }
  for (const file of results) {
    if (file.errorCount + file.warningCount + file.infoCount === 0) continue;
    yield `<h2>${esc(displayPath(file.filePath, cwd))}</h2>\n`;
    yield `<table><tr><th>${t('位置', 'position')}</th><th>${t('记录', 'record')}</th><th>${t('级别', 'severity')}</th><th>${t('问题', 'problem')}</th><th>${t('规则', 'rule')}</th><th>${t('条款', 'clause')}</th></tr>\n`;
    for (const m of messagesOf(file)) {
      yield `<tr><td>${m.line}:${m.column}</td><td>${m.record}${m.filingId ? ` ${esc(m.filingId)}` : ''}</td><td class="${m.severity}">${m.severity}</td><td>${esc(m.message)}</td><td>${esc(m.ruleId)}</td><td>${esc(clauses.get(m.ruleId) ?? '')}</td></tr>\n`;
    }
    yield '</table>\n';
  }
  yield '</body></html>\n';
}

export const html = chunked(htmlLines);
