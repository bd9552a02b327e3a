import { STAGE_ORDER } from '../../domain/stages.js';
import { beijingDateOf } from '../../domain/workdays.js';
import { safeText } from '../escape.js';
import { periodText } from '../summary.js';
import type { FormatterContext } from '../types.js';
import { accuracyChart, countChart, monthChart, problemChart, type AccuracyBar, type CountBar } from './charts.js';
import { accuracyShare, worstFirst, type ReportModel, type Tally } from './model.js';
import { esc, percentOf, providerLabel, provinceLabel } from './markup.js';
import type { Say, TextKey } from './texts.js';

/** Bars a chart of providers or rules draws at most; the tables below list them all. */
export const MOST_BARS = 25;

/** What was checked, as of which day, with which rules and which beianlint. */
export function header({ inputs, now, ruleSet, version, period, locale }: FormatterContext, say: Say): string {
  const rows: Array<[TextKey, string]> = [];
  if (inputs && inputs.length > 0) rows.push(['inputs', inputs.map((i) => `<code>${esc(i)}</code>`).join(' ')]);
  const day = now ? beijingDateOf(now) : undefined;
  if (day) rows.push(['checkedOn', esc(day)]);
  if (period) rows.push(['period', `${esc(periodText(period, locale))} <span class="note">(${esc(say('periodHow'))})</span>`]);
  if (ruleSet) rows.push(['ruleSet', ruleSet.length > 0 ? ruleSet.map((r) => `<code>${esc(r)}</code>`).join(' → ') : esc(say('bundledRules'))]);
  if (version) rows.push(['version', esc(version)]);
  const items = rows.map(([key, value]) => `<dt>${esc(say(key))}</dt><dd>${value}</dd>`).join('');
  return `<header><h1>${esc(say('title'))}</h1>${items ? `<dl class="about">${items}</dl>` : ''}</header>\n`;
}

/** The key figures, first thing on the page. */
export function figures(model: ReportModel, say: Say): string {
  const figure = (name: string, value: string, label: string, note = '') =>
    `<div class="figure" data-figure="${name}"><span class="value">${esc(value)}</span><span class="label">${esc(label)}</span>${note ? `<span class="note">${esc(note)}</span>` : ''}</div>`;
  return [
    '<section class="figures">',
    figure('files', String(model.files.length), say('files')),
    figure('records', String(model.records), say('records')),
    figure('with-errors', String(model.withErrors), say('withErrors')),
    figure('accuracy', percentOf(model.records - model.withErrors, model.records), say('accuracy'), say('accuracyHow')),
    figure('warnings', String(model.counts.warning), say('warnings')),
    // Only a run of one period has records outside it.
    model.skipped > 0 ? figure('skipped', String(model.skipped), say('skipped'), say('skippedHow')) : '',
    '</section>\n',
  ].join('');
}

function accuracyBars(tallies: readonly Tally[], label: (key: string) => string): AccuracyBar[] {
  return [...tallies].sort(worstFirst).map((t) => ({ label: label(t.key), share: accuracyShare(t) ?? 0, records: t.records, withErrors: t.withErrors }));
}

function figureOf(id: string, title: string, body: string, note = ''): string {
  return `<figure class="chart" id="${id}"><figcaption>${esc(title)}</figcaption>${body}${note ? `<p class="note">${esc(note)}</p>` : ''}</figure>\n`;
}

function empty(say: Say): string {
  return `<p class="empty">${esc(say('nothingToDraw'))}</p>`;
}

function accuracyFigures(model: ReportModel, say: Say): string[] {
  const provinces = accuracyBars(model.provinces, (key) => provinceLabel(key, say));
  const providers = accuracyBars(model.providers, (key) => providerLabel(key, say));
  const shown = providers.slice(0, MOST_BARS);
  return [
    figureOf('chart-province', say('byProvince'), provinces.length ? accuracyChart('chart-province', provinces) : empty(say)),
    figureOf(
      'chart-provider',
      say('byProvider'),
      shown.length ? accuracyChart('chart-provider', shown) : empty(say),
      providers.length > shown.length ? say('worstShown', { shown: shown.length, all: providers.length }) : '',
    ),
  ];
}

function problemFigures(model: ReportModel, say: Say): string[] {
  const names = { error: say('error'), warning: say('warning'), info: say('info') };
  const rules: CountBar[] = model.rules.slice(0, MOST_BARS).map((r) => ({ ...r, label: safeText(r.ruleId) }));
  const clauses: CountBar[] = model.clauses.slice(0, MOST_BARS).map((c) => ({ ...c, label: c.clause === '' ? say('unknown') : safeText(c.clause) }));
  const more = (all: number, shown: number) => (all > shown ? say('worstShown', { shown, all }) : '');
  return [
    figureOf('chart-rule', say('byRule'), rules.length ? problemChart('chart-rule', rules, names) : empty(say), more(model.rules.length, rules.length)),
    figureOf('chart-clause', say('byClause'), clauses.length ? problemChart('chart-clause', clauses, names) : empty(say), more(model.clauses.length, clauses.length)),
  ];
}

function recordFigures(model: ReportModel, say: Say): string[] {
  const stageCount = new Map(model.stages.map((t) => [t.key, t.records]));
  const stages = model.records > 0 ? Object.keys(STAGE_ORDER) : [];
  if (stageCount.has('')) stages.push('');
  const stageChart = stages.length ? countChart('chart-stage', stages.map((s) => (s === '' ? say('unknown') : say(s as TextKey))), stages.map((s) => stageCount.get(s) ?? 0)) : empty(say);
  const months: AccuracyBar[] = model.months.map((t) => ({ label: t.key, share: accuracyShare(t) ?? 0, records: t.records, withErrors: t.withErrors }));
  const monthNames = { records: say('records'), accuracy: say('accuracy') };
  return [
    figureOf('chart-stage', say('byStage'), stageChart),
    figureOf('chart-month', say('byMonth'), months.length ? monthChart('chart-month', months, monthNames) : empty(say), model.withoutMonth > 0 ? say('noMonth', { count: model.withoutMonth }) : ''),
  ];
}

/** The charts, each an inline SVG drawn on the server. */
export function* charts(model: ReportModel, say: Say): Iterable<string> {
  yield `<section class="charts"><h2>${esc(say('charts'))}</h2>\n`;
  yield* accuracyFigures(model, say);
  yield* problemFigures(model, say);
  yield* recordFigures(model, say);
  yield '</section>\n';
}
