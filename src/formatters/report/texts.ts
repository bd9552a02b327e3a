import type { Locale } from '../../engine/types.js';

/** Every word the HTML report shows, in each language; `{name}` marks a value filled in where it is used. */
const TEXTS = {
  title: { 'zh-CN': 'beianlint 检查报告', en: 'beianlint report' },
  inputs: { 'zh-CN': '检查对象', en: 'Inputs' },
  checkedOn: { 'zh-CN': '检查日期', en: 'Date of the check' },
  ruleSet: { 'zh-CN': '规则集', en: 'Rule set' },
  bundledRules: { 'zh-CN': '内置规则（默认设置）', en: 'bundled rules (default settings)' },
  version: { 'zh-CN': 'beianlint 版本', en: 'beianlint version' },
  files: { 'zh-CN': '文件', en: 'Files' },
  records: { 'zh-CN': '记录', en: 'Records' },
  withErrors: { 'zh-CN': '有错误的记录', en: 'Records with errors' },
  accuracy: { 'zh-CN': '准确率', en: 'Accuracy' },
  accuracyHow: { 'zh-CN': '无错误的记录 ÷ 记录', en: 'records without errors ÷ records' },
  warnings: { 'zh-CN': '警告', en: 'Warnings' },
  charts: { 'zh-CN': '概况', en: 'Overview' },
  byProvince: { 'zh-CN': '各省准确率（由低到高）', en: 'Accuracy by province, worst first' },
  byProvider: { 'zh-CN': '各接入服务单位准确率（由低到高）', en: 'Accuracy by access provider, worst first' },
  worstShown: { 'zh-CN': '只画出最差的 {shown} 个（共 {all} 个），全部见下表。', en: 'The worst {shown} of {all} are drawn; the table below has them all.' },
  byRule: { 'zh-CN': '各规则的问题数', en: 'Problems by rule' },
  byClause: { 'zh-CN': '各条款的问题数', en: 'Problems by clause of the notice' },
  byStage: { 'zh-CN': '各阶段的记录数', en: 'Records by stage' },
  byMonth: { 'zh-CN': '各提交月份的记录数与准确率', en: 'Records and accuracy by month of submission' },
  noMonth: { 'zh-CN': '{count} 条记录没有可用的提交日期（verification.submittedAt），未计入此图。', en: '{count} record(s) have no usable submission date (verification.submittedAt) and are not in this chart.' },
  nothingToDraw: { 'zh-CN': '没有可画的数据。', en: 'Nothing to draw.' },
  groupsHeading: { 'zh-CN': '按省份和接入服务单位', en: 'By province and access provider' },
  providersHeading: { 'zh-CN': '按接入服务单位小计', en: 'Subtotals by access provider' },
  sortHint: { 'zh-CN': '点击表头排序。', en: 'Click a column heading to sort.' },
  province: { 'zh-CN': '省份', en: 'Province' },
  provider: { 'zh-CN': '接入服务单位', en: 'Access provider' },
  recordsColumn: { 'zh-CN': '记录', en: 'Records' },
  withErrorsColumn: { 'zh-CN': '有错误', en: 'With errors' },
  warningsOnly: { 'zh-CN': '仅有警告', en: 'Warnings only' },
  problems: { 'zh-CN': '问题', en: 'Problems' },
  subtotal: { 'zh-CN': '小计', en: 'Subtotal' },
  total: { 'zh-CN': '合计', en: 'Total' },
  unknownProvider: { 'zh-CN': '（未填写接入服务单位）', en: '(access provider not given)' },
  unknownProvince: { 'zh-CN': '（未知省份）', en: '(province unknown)' },
  unknown: { 'zh-CN': '（未知）', en: '(unknown)' },
  problemsHeading: { 'zh-CN': '问题列表', en: 'Problems' },
  position: { 'zh-CN': '位置', en: 'Position' },
  filingId: { 'zh-CN': '备案记录编号', en: 'filingId' },
  record: { 'zh-CN': '第几条', en: 'Record' },
  field: { 'zh-CN': '字段', en: 'Field' },
  severity: { 'zh-CN': '级别', en: 'Severity' },
  message: { 'zh-CN': '问题', en: 'Problem' },
  rule: { 'zh-CN': '规则', en: 'Rule' },
  clause: { 'zh-CN': '条款', en: 'Clause' },
  all: { 'zh-CN': '全部', en: 'All' },
  search: { 'zh-CN': '查找', en: 'Search' },
  previous: { 'zh-CN': '上一页', en: 'Previous' },
  next: { 'zh-CN': '下一页', en: 'Next' },
  page: { 'zh-CN': '第 {page}/{pages} 页，共 {count} 个问题', en: 'Page {page} of {pages}, {count} problem(s)' },
  capped: {
    'zh-CN': '只列出前 {shown} 个问题，另有 {omitted} 个未列出；要得到全部问题，请用 --format json。以上各项统计包含全部问题。',
    en: 'Only the first {shown} problems are listed; {omitted} more are left out. Use --format json to get them all. Every figure and chart above counts all problems.',
  },
  noProblems: { 'zh-CN': '没有发现问题。', en: 'No problems found.' },
  noScript: { 'zh-CN': '问题列表需要启用 JavaScript。', en: 'The problem list needs JavaScript.' },
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'info' },
  draft: { 'zh-CN': '草稿（核验中）', en: 'draft' },
  verified: { 'zh-CN': '已核验', en: 'verified' },
  submitted: { 'zh-CN': '已提交管局', en: 'submitted' },
  approved: { 'zh-CN': '审核通过', en: 'approved' },
  returned: { 'zh-CN': '已退回', en: 'returned' },
} as const;

export type TextKey = keyof typeof TEXTS;

/** The report's words in one language: `say('page', { page: 1, pages: 2, count: 3 })`. */
export type Say = (key: TextKey, values?: Record<string, string | number>) => string;

export function sayIn(locale: Locale): Say {
  return (key, values = {}) => TEXTS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
