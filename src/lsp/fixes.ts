// Fixes as editor edits. A message's fix has 1-based lines and UTF-16
// columns, end exclusive; the editor counts from 0.
import type { LintFix, LintMessage } from '../engine/index.js';
import type { Range, TextEdit } from 'vscode-languageserver';
import { LineIndex } from '../input/line-index.js';

export function rangeOf(at: { line: number; column: number; endLine: number; endColumn: number }): Range {
  return { start: { line: at.line - 1, character: at.column - 1 }, end: { line: at.endLine - 1, character: at.endColumn - 1 } };
}

export function editOf(fix: LintFix): TextEdit {
  return { range: rangeOf(fix), newText: fix.text };
}

/** One edit that turns `before` into `after`: the span between their common start and end. */
export function spanEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  const lines = new LineIndex(before);
  const position = (offset: number) => {
    const at = lines.position(offset);
    return { line: at.line - 1, character: at.column - 1 };
  };
  return { range: { start: position(start), end: position(before.length - end) }, newText: after.slice(start, after.length - end) };
}

/**
 * In YAML, a `# beianlint-disable-next-line <rule>` comment line above the
 * message's first line, indented as that line is: a comment at another
 * indentation still parses, but reads as if it belonged elsewhere.
 */
export function disableLineEdit(text: string, message: LintMessage): TextEdit {
  const lines = new LineIndex(text);
  const from = lines.offset(message.line, 1) ?? text.length;
  const lineText = text.slice(from, lines.offset(message.line + 1, 1) ?? text.length);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line: message.line - 1, character: 0 }, end: { line: message.line - 1, character: 0 } }, newText: `${indent}# beianlint-disable-next-line ${message.ruleId}${eol}` };
}
