import { PROVINCE_FILING_ABBREVIATIONS } from '../domain/citizen-id.js';
import type { Locale, RecordPeriod } from '../engine/types.js';
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

/** A period as reports name it: `2026-03-01 – 2026-03-31`, or one end open. */
export function periodText(period: RecordPeriod, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (period.from !== undefined && period.to !== undefined) return period.from === period.to ? period.from : `${period.from} – ${period.to}`;
  if (period.from !== undefined) return zh ? `${period.from} 起` : `from ${period.from}`;
  return zh ? `至 ${period.to ?? ''}` : `to ${period.to ?? ''}`;
}

/**
 * The line under the headline for a run of one period: the period, and the
 * records outside it, which no other figure counts. None for a run of every record.
 */
function periodLine(period: RecordPeriod | undefined, skipped: number, locale: Locale): string[] {
  const zh = locale === 'zh-CN';
  const outside = zh ? `不在期间内的 ${skipped} 条记录已跳过（未检查，不计入以上数字）` : `${skipped} record(s) outside it skipped (not linted, not counted above)`;
  if (period) return [zh ? `检查期间：${periodText(period, locale)}${skipped > 0 ? `；${outside}` : ''}` : `period: ${periodText(period, locale)}${skipped > 0 ? `; ${outside}` : ''}`];
  if (skipped > 0) return [zh ? `不在检查期间内的 ${skipped} 条记录已跳过（未检查，不计入以上数字）` : `${skipped} record(s) outside the period skipped (not linted, not counted above)`];
  return [];
}

/**
 * The accuracy report a bureau or the filing centre sends back: records and
 * accuracy per province and access provider, then problems per rule. It
 * quotes no record content, only counts and provider names.
 */
export const summary: Formatter = (results, { locale, rules = [], period }) => {
  const zh = locale === 'zh-CN';
  const acc = accuracyOf(results);
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const out: string[] = [];
  out.push(
    zh
      ? `beianlint 汇总：${acc.files} 个文件，${acc.records} 条记录，${acc.withErrors} 条有错误，准确率 ${percent(acc.records - acc.withErrors, acc.records)}`
      : `beianlint summary: ${acc.files} file(s), ${acc.records} record(s), ${acc.withErrors} with errors, accuracy ${percent(acc.records - acc.withErrors, acc.records)}`,
    ...periodLine(period, acc.skipped, locale),
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
