import { styleText } from 'node:util';
import type { Formatter } from './types.js';
import { displayWidth, padEnd, widest } from './text-width.js';

type Style = Parameters<typeof styleText>[0];

/**
 * ESLint's stylish layout, which VS Code's built-in `$eslint-stylish` problem
 * matcher reads: an absolute file path on its own line, then one indented
 * `line:col  severity  message  rule-id` row per problem.
 */
export const stylish: Formatter = (results, { color, locale }) => {
  // The caller decides about colour (--color, a TTY); styleText must not second-guess it.
  const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    const rows = result.messages.map((m) => ({ pos: `${m.line}:${m.column}`, sev: m.severity, msg: m.message, rule: m.ruleId }));
    const posWidth = widest(rows, (r) => r.pos.length);
    const sevWidth = widest(rows, (r) => r.sev.length);
    const msgWidth = widest(rows, (r) => displayWidth(r.msg));
    out.push(paint('underline', result.filePath));
    for (const r of rows) {
      const sevStyle: Style = r.sev === 'error' ? 'red' : r.sev === 'warning' ? 'yellow' : 'blue';
      const pos = paint('dim', r.pos.padEnd(posWidth));
      const sev = paint(sevStyle, r.sev.padEnd(sevWidth));
      // Two spaces before the rule id are what the problem matcher splits on.
      out.push(`  ${pos}  ${sev}  ${padEnd(r.msg, Math.min(msgWidth, 80))}  ${paint('dim', r.rule)}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary =
    locale === 'zh-CN'
      ? `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`
      : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
  out.push(paint(errors > 0 ? 'red' : 'yellow', summary));
  return out.join('\n') + '\n';
};
