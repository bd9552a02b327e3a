import { createRequire } from 'node:module';
import type * as EChartsModule from 'echarts';

// The report's charts are drawn by Apache ECharts on the server, as SVG
// (its `ssr` mode), and put into the page as they are: they need no script
// and no network, and print as they show. ECharts is loaded on the first
// chart only, so runs of every other format never load it; its CommonJS
// build is required synchronously, as formatters are synchronous.

type ECharts = typeof EChartsModule;
type Option = EChartsModule.EChartsCoreOption;

let echarts: ECharts | undefined;

function library(): ECharts {
  echarts ??= createRequire(import.meta.url)('echarts') as ECharts;
  return echarts;
}

/** Fonts that have Chinese on Windows, macOS and Linux, before the generic family; unquoted, as SVG style attributes take them. */
export const CJK_FONTS = 'PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif';

const WIDTH = 760;
const ROW = 24;
const COLORS = { error: '#c62828', warning: '#ef8f00', info: '#1565c0', good: '#2e7d32', fair: '#ef8f00', poor: '#c62828', count: '#4e6fb5' };

/** A colour that says how good an accuracy (0–1) is at a glance; the label gives the figure. */
function accuracyColor(share: number): string {
  return share >= 0.98 ? COLORS.good : share >= 0.9 ? COLORS.fair : COLORS.poor;
}

/**
 * ECharts names its CSS classes by counters of the process (`zr3-cls-16`:
 * the fourth chart, the seventeenth class), so one chart would come out
 * differently on a second call. They are renamed after the chart and
 * numbered from 0 in order of appearance (its clip paths, numbered per
 * chart already, keep their numbers): the page is the same for the same
 * results, and no two charts of it share a class or an id.
 */
function renamedClasses(svg: string, id: string): string {
  const numbers = new Map<string, number>();
  return svg.replace(/\bzr\d+-cls-(\d+)\b/g, (_, n: string) => {
    let number = numbers.get(n);
    if (number === undefined) numbers.set(n, (number = numbers.size));
    return `${id}-cls-${number}`;
  }).replace(/\bzr\d+-/g, `${id}-`);
}

/** The SVG of one chart. */
function render(id: string, height: number, option: Option): string {
  const chart = library().init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CJK_FONTS }, ...option });
    return renamedClasses(chart.renderToSVGString(), id);
  } finally {
    // An SSR chart that is not disposed keeps a timer, and with it the process, alive.
    chart.dispose();
  }
}

const GRID = { left: 8, right: 96, top: 8, bottom: 8, containLabel: true };
const CATEGORY_LABEL = { width: 260, overflow: 'truncate' };

export interface AccuracyBar {
  label: string;
  /** Records without an error ÷ records, 0–1. */
  share: number;
  records: number;
  withErrors: number;
}

/** Accuracy per category, one horizontal bar each, in the order given (worst first). */
export function accuracyChart(id: string, bars: readonly AccuracyBar[]): string {
  return render(id, bars.length * ROW + 48, {
    grid: GRID,
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: CATEGORY_LABEL },
    series: [
      {
        type: 'bar',
        barMinHeight: 2,
        data: bars.map((b) => ({ value: Math.round(b.share * 1000) / 10, itemStyle: { color: accuracyColor(b.share) } })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => accuracyLabel(bars[p.dataIndex]!) },
      },
    ],
  });
}

function accuracyLabel(b: AccuracyBar): string {
  return `${(b.share * 100).toFixed(1)}%  (${b.records - b.withErrors}/${b.records})`;
}

export interface CountBar {
  label: string;
  error: number;
  warning: number;
  info: number;
}

/** Problems per category, as horizontal bars stacked by severity, with the severities' names in the locale. */
export function problemChart(id: string, bars: readonly CountBar[], severityNames: Record<'error' | 'warning' | 'info', string>): string {
  const severities = (['error', 'warning', 'info'] as const).filter((s) => bars.some((b) => b[s] > 0));
  return render(id, bars.length * ROW + 72, {
    grid: { ...GRID, top: 36 },
    legend: { top: 4, data: severities.map((s) => severityNames[s]) },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: CATEGORY_LABEL },
    series: severities.map((s) => ({
      name: severityNames[s],
      type: 'bar',
      stack: 'problems',
      itemStyle: { color: COLORS[s] },
      data: bars.map((b) => b[s]),
    })),
  });
}

/** Plain counts per category, as vertical bars in the order given (stages in the procedure's order). */
export function countChart(id: string, labels: readonly string[], counts: readonly number[]): string {
  return render(id, 260, {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...labels] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 48, barMinHeight: 2, itemStyle: { color: COLORS.count }, data: [...counts], label: { show: true, position: 'top' } }],
  });
}

/** Records per month as bars, and the month's accuracy as a line on a second axis (0–100%). */
export function monthChart(id: string, months: readonly AccuracyBar[], names: { records: string; accuracy: string }): string {
  return render(id, 300, {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 4, data: [names.records, names.accuracy] },
    xAxis: { type: 'category', data: months.map((m) => m.label) },
    yAxis: [
      { type: 'value', minInterval: 1, name: names.records },
      { type: 'value', min: 0, max: 100, name: names.accuracy, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: names.records, type: 'bar', barMaxWidth: 36, itemStyle: { color: COLORS.count }, data: months.map((m) => m.records) },
      {
        name: names.accuracy,
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: COLORS.good },
        data: months.map((m) => Math.round(m.share * 1000) / 10),
        label: { show: true, formatter: '{c}%' },
      },
    ],
  });
}
