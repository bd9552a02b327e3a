import type { LintResult } from '../../engine/types.js';
import type { FormatterContext } from '../types.js';
import { CJK_FONTS } from './charts.js';
import { CLIENT_SCRIPT } from './client.js';
import { esc } from './markup.js';
import { reportModel } from './model.js';
import { problemList } from './problems.js';
import { charts, figures, header } from './sections.js';
import { groupTable, providerTable } from './tables.js';
import { sayIn } from './texts.js';

const STYLE = `
body{font:14px/1.5 ${CJK_FONTS};margin:0 auto;padding:1.5em 2em;max-width:1280px;color:#1f2328}
h1{margin:0 0 .3em}h2{margin:1.6em 0 .6em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#57606a}
dl.about{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0}dt{color:#57606a}dd{margin:0}
.figures{display:flex;flex-wrap:wrap;gap:1em;margin:1.2em 0}
.figure{flex:1 1 10em;border:1px solid #d0d7de;border-radius:6px;padding:.8em 1em;display:flex;flex-direction:column}
.figure .value{font-size:2em;font-weight:600}.figure .label{color:#57606a}.figure .note{font-size:12px;color:#57606a}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:1em}.charts h2{grid-column:1/-1}
figure.chart{margin:0;border:1px solid #d0d7de;border-radius:6px;padding:.6em;overflow-x:auto}
figure.chart svg{max-width:100%;height:auto}figcaption{font-weight:600;margin-bottom:.3em}
.note{color:#57606a;font-size:13px}.capped{background:#fff8c5;border:1px solid #d4a72c;padding:.5em .8em;border-radius:6px;color:#1f2328}
table{border-collapse:collapse;margin:.6em 0;width:100%}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}th[data-sort]{cursor:pointer}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.n,th.n{text-align:right}tr.subtotal td{background:#f6f8fa;font-weight:600}tfoot td{font-weight:700;background:#eaeef2}
.error{color:#c62828}.warning{color:#9a6700}.info{color:#1565c0}
.filters{display:flex;flex-wrap:wrap;gap:.6em 1.2em;margin:.6em 0}.filters select{max-width:22em}
.pager{display:flex;gap:1em;align-items:center}
@media print{.filters,.pager{display:none}}
`;

/**
 * The HTML report (issue 18): one self-contained page a bureau official opens
 * offline, in the run's language. The picture first (key figures, charts of
 * accuracy by province and provider, problems by rule and clause, records by
 * stage and month), then the counts by province and provider, then the
 * problems behind them. Every figure counts every record and problem; the
 * list of problems is capped (MAX_PROBLEM_ROWS) with a note saying so.
 */
export function* reportPage(results: readonly LintResult[], context: FormatterContext): Iterable<string> {
  const { locale } = context;
  const say = sayIn(locale);
  const model = reportModel(results, context);
  yield `<!doctype html>\n<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">\n`;
  yield `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(say('title'))}</title>\n`;
  // Nothing is fetched: no external style, script, font or image, and the policy says so to the browser.
  yield `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">\n`;
  yield `<style>${STYLE}</style>\n</head><body>\n`;
  yield header(context, say);
  yield figures(model, say);
  yield* charts(model, say);
  yield `<section><h2>${esc(say('groupsHeading'))}</h2><p class="note">${esc(say('sortHint'))}</p>\n`;
  yield* groupTable(model, say);
  yield `<h2>${esc(say('providersHeading'))}</h2>\n`;
  yield* providerTable(model, say);
  yield '</section>\n';
  yield* problemList(model, locale, say);
  yield `<script>${CLIENT_SCRIPT}</script>\n</body></html>\n`;
}
