import { accuracyShare, type GroupTally, type ReportModel, type Tally } from './model.js';
import { esc, percentOf, providerLabel, provinceLabel } from './markup.js';
import type { Say } from './texts.js';

// The tables of counts. Each is sorted by the page's script when a heading
// is clicked (data-sort on the heading, data-v on the cell); in the province
// × provider table each province is one tbody, led by its subtotal row, so a
// sort orders the provinces by their subtotals and the providers within each.

/** A cell's sort value: accuracy sorts by its share, a province or provider by its text. */
function cells(t: Tally): string {
  const share = accuracyShare(t);
  return [
    `<td class="n" data-v="${t.records}">${t.records}</td>`,
    `<td class="n" data-v="${t.withErrors}">${t.withErrors}</td>`,
    `<td class="n" data-v="${t.withWarnings}">${t.withWarnings}</td>`,
    `<td class="n" data-v="${share ?? ''}">${percentOf(t.records - t.withErrors, t.records)}</td>`,
  ].join('');
}

function head(say: Say, first: string[]): string {
  const text = first.map((label) => `<th data-sort="text">${esc(label)}</th>`).join('');
  const counts = [say('recordsColumn'), say('withErrorsColumn'), say('warningsOnly'), say('accuracy')].map((label) => `<th data-sort="num" class="n">${esc(label)}</th>`).join('');
  return `<thead><tr>${text}${counts}</tr></thead>\n`;
}

function sum(tallies: readonly Tally[], key: string): Tally {
  return tallies.reduce((acc, t) => ({ key, records: acc.records + t.records, withErrors: acc.withErrors + t.withErrors, withWarnings: acc.withWarnings + t.withWarnings }), { key, records: 0, withErrors: 0, withWarnings: 0 });
}

function byProvince(groups: readonly GroupTally[]): Map<string, GroupTally[]> {
  const provinces = new Map<string, GroupTally[]>();
  const sorted = [...groups].sort((a, b) => a.province.localeCompare(b.province) || a.provider.localeCompare(b.provider));
  for (const g of sorted) {
    const list = provinces.get(g.province);
    if (list) list.push(g);
    else provinces.set(g.province, [g]);
  }
  return provinces;
}

/** Province × provider, a subtotal per province and the total. */
export function* groupTable(model: ReportModel, say: Say): Iterable<string> {
  yield `<table class="sortable grouped" id="groups">\n${head(say, [say('province'), say('provider')])}`;
  for (const [province, groups] of byProvince(model.groups)) {
    const label = esc(provinceLabel(province, say));
    yield `<tbody data-province="${esc(province)}">\n`;
    yield `<tr class="subtotal"><td data-v="${label}">${label}</td><td>${esc(say('subtotal'))}</td>${cells(sum(groups, province))}</tr>\n`;
    for (const g of groups) {
      const provider = esc(providerLabel(g.provider, say));
      yield `<tr><td data-v="${label}">${label}</td><td data-v="${provider}">${provider}</td>${cells(g)}</tr>\n`;
    }
    yield '</tbody>\n';
  }
  yield `<tfoot><tr class="total"><td>${esc(say('total'))}</td><td></td>${cells(sum(model.groups, ''))}</tr></tfoot>\n</table>\n`;
}

/** Each provider across the provinces, and the total. */
export function* providerTable(model: ReportModel, say: Say): Iterable<string> {
  yield `<table class="sortable" id="providers">\n${head(say, [say('provider')])}<tbody>\n`;
  for (const t of [...model.providers].sort((a, b) => a.key.localeCompare(b.key))) {
    const provider = esc(providerLabel(t.key, say));
    yield `<tr><td data-v="${provider}">${provider}</td>${cells(t)}</tr>\n`;
  }
  yield `</tbody>\n<tfoot><tr class="total"><td>${esc(say('total'))}</td>${cells(sum(model.providers, ''))}</tr></tfoot>\n</table>\n`;
}
