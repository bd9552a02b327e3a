import type { Formatter } from './types.js';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/**
 * ESLint's compact layout, one problem per line, which VS Code's built-in
 * `$eslint-compact` problem matcher reads:
 * `path: line L, col C, Error - message (rule-id)`.
 */
export const compact: Formatter = (results, { locale }) => {
  const out: string[] = [];
  let total = 0;
  for (const result of results) {
    for (const m of result.messages) {
      total++;
      out.push(`${result.filePath}: line ${m.line}, col ${m.column}, ${LABEL[m.severity]} - ${m.message} (${m.ruleId})`);
    }
  }
  if (total > 0) {
    out.push('');
    out.push(locale === 'zh-CN' ? `${total} 个问题` : `${total} problem${total === 1 ? '' : 's'}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
};
