import { PROVINCE_FILING_ABBREVIATIONS } from '../domain/citizen-id.js';
import { maskPersonalText } from '../domain/personal-text.js';
import { accuracyOf, percent } from './accuracy.js';
import { displayWidth, padEnd, widest } from './text-width.js';
import { safeText } from './escape.js';
import type { Formatter } from './types.js';

function table(cells: string[][], rightAligned: Set<number>): string[] {
  // Provider names come from records.
  const rows = cells.map((r) => r.map((cell) => safeText(cell)));
  const widths = rows[0]!.map((_, c) => widest(rows, (r) => displayWidth(r[c]!)));
  return rows.map((r) =>
    r
      .map((cell, c) => (rightAligned.has(c) ? ' '.repeat(widths[c]! - displayWidth(cell)) + cell : padEnd(cell, widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The accuracy report a bureau or the filing centre sends back: records and
 * accuracy per province and access provider, then problems per rule. It
 * quotes no record content, only counts and provider names.
 */
export const summary: Formatter = (results, { locale, rules = [] }) => {
  const zh = locale === 'zh-CN';
  const acc = accuracyOf(results);
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const out: string[] = [];
  out.push(
    zh
      ? `beianlint 汇总：${acc.files} 个文件，${acc.records} 条记录，${acc.withErrors} 条有错误，准确率 ${percent(acc.records - acc.withErrors, acc.records)}`
      : `beianlint summary: ${acc.files} file(s), ${acc.records} record(s), ${acc.withErrors} with errors, accuracy ${percent(acc.records - acc.withErrors, acc.records)}`,
    '',
  );
  if (acc.groups.length) {
    const head = zh ? ['省份', '接入服务单位', '记录', '有错误', '仅有警告', '准确率'] : ['province', 'access provider', 'records', 'with errors', 'warnings only', 'accuracy'];
    const rows = acc.groups.map((g) => [
      `${g.province}${PROVINCE_FILING_ABBREVIATIONS[g.province] ? ' ' + PROVINCE_FILING_ABBREVIATIONS[g.province] : ''}`,
      // An access provider is a unit, but its name is typed into each record: a phone or an ID
      // number put there is masked, whatever --no-redact says, as no count needs it.
      maskPersonalText(g.provider),
      String(g.records),
      String(g.withErrors),
      String(g.withWarnings),
      percent(g.records - g.withErrors, g.records),
    ]);
    out.push(...table([head, ...rows], new Set([2, 3, 4, 5])), '');
  }
  if (acc.rules.length) {
    const head = zh ? ['规则', '错误', '警告', '提示', '说明'] : ['rule', 'errors', 'warnings', 'info', 'checks'];
    const rows = acc.rules.map((r) => [r.ruleId, String(r.error), String(r.warning), String(r.info), titles.get(r.ruleId) ?? '']);
    out.push(...table([head, ...rows], new Set([1, 2, 3])), '');
  }
  return out.join('\n');
};
