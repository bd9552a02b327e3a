import type { Locale, Severity } from '../../engine/types.js';
import { safeText } from '../escape.js';
import { FieldTitles } from './field-titles.js';
import type { ReportModel } from './model.js';
import { esc, providerLabel, provinceLabel, scriptJson } from './markup.js';
import type { Say, TextKey } from './texts.js';

// The problem list: its rows are data (one JSON array per row, in a
// `<script type="application/json">`), shown fifty at a time by the page's
// script with the filters applied. As data a row costs a fraction of a table
// row's markup, and a capped list of a national batch stays a file a browser
// opens quickly.

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Index of each distinct value, in the order first given. */
function indexOf(values: readonly string[]): Map<string, number> {
  return new Map(values.map((v, i) => [v, i]));
}

/** The list's lookup tables and words: everything a row refers to by index or by pointer. */
function listData(model: ReportModel, locale: Locale, say: Say) {
  const titles = new FieldTitles(locale);
  const pointers: Record<string, string> = {};
  for (const { message } of model.rows) {
    const title = titles.of(message.path);
    if (title !== '') pointers[safeText(message.path)] = title;
  }
  return {
    files: model.files.map(safeText),
    rules: model.rules.map((r) => [safeText(r.ruleId), safeText(model.clauseOf.get(r.ruleId) ?? '')]),
    provinces: model.provinces.map((p) => safeText(provinceLabel(p.key, say))),
    providers: model.providers.map((p) => safeText(providerLabel(p.key, say))),
    titles: pointers,
    severities: SEVERITIES.filter((s) => model.counts[s] > 0).map((s) => [s, say(s)]),
    severityNames: Object.fromEntries(SEVERITIES.map((s) => [s, say(s)])),
    pageText: say('page'),
  };
}

/** Rows as the page's script reads them: [file, line, column, filingId, record from 1, pointer, severity, message, rule, province, provider]. */
function* rowData(model: ReportModel): Iterable<string> {
  const rules = indexOf(model.rules.map((r) => r.ruleId));
  const provinces = indexOf(model.provinces.map((p) => p.key));
  const providers = indexOf(model.providers.map((p) => p.key));
  for (const [i, row] of model.rows.entries()) {
    const m = row.message;
    const cells = [row.file, m.line, m.column, m.filingId === null ? null : safeText(m.filingId), m.record + 1, safeText(m.path), m.severity, safeText(m.message), rules.get(m.ruleId), provinces.get(row.province), providers.get(row.provider)];
    yield `${i === 0 ? '' : ',\n'}${scriptJson(cells)}`;
  }
}

function filter(id: string, label: string, say: Say): string {
  return `<label>${esc(label)} <select id="${id}"><option value="">${esc(say('all'))}</option></select></label>`;
}

function listMarkup(say: Say): string {
  const columns: TextKey[] = ['position', 'filingId', 'record', 'field', 'severity', 'message', 'rule', 'clause'];
  return [
    `<noscript><p class="note">${esc(say('noScript'))}</p></noscript>`,
    '<div id="problem-list" hidden>',
    '<div class="filters">',
    filter('f-severity', say('severity'), say),
    filter('f-rule', say('rule'), say),
    filter('f-province', say('province'), say),
    filter('f-provider', say('provider'), say),
    `<label>${esc(say('search'))} <input type="search" id="f-text"></label>`,
    '</div>',
    `<table class="problems"><thead><tr>${columns.map((c) => `<th>${esc(say(c))}</th>`).join('')}</tr></thead><tbody id="problem-rows"></tbody></table>`,
    `<div class="pager"><button type="button" id="page-previous">${esc(say('previous'))}</button> <span id="page-status"></span> <button type="button" id="page-next">${esc(say('next'))}</button></div>`,
    '</div>\n',
  ].join('\n');
}

/** The problem list with its filters and pager, the note on rows left out, and the data. */
export function* problemList(model: ReportModel, locale: Locale, say: Say): Iterable<string> {
  yield `<section id="problems"><h2>${esc(say('problemsHeading'))}</h2>\n`;
  if (model.rows.length === 0) {
    yield `<p>${esc(say('noProblems'))}</p>\n</section>\n`;
    return;
  }
  if (model.omitted > 0) yield `<p class="note capped" id="rows-capped">${esc(say('capped', { shown: model.rows.length, omitted: model.omitted }))}</p>\n`;
  yield listMarkup(say);
  yield `<script type="application/json" id="report-data">${scriptJson(listData(model, locale, say))}</script>\n`;
  yield '<script type="application/json" id="report-rows">[\n';
  yield* rowData(model);
  yield '\n]</script>\n</section>\n';
}
