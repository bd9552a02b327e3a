import { LineIndex } from './line-index.js';
import type { SourceRange } from './source.js';
import { yaml } from './yaml.js';

// Inline directives, as ESLint's: a YAML comment turns rules off for the
// next line, its own line, or from here to a matching `beianlint-enable`.
// Only real comments count. The yaml library's parser tells a comment from a
// `#` inside a quoted or block scalar, which a search of the text could not.

/** What a directive does: turn rules off for a range, back on, or off for one line. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids it names, as written; empty for every rule. */
  rules: string[];
  /** What follows ` -- `: why the rules are off here. */
  reason?: string;
  /** The comment, from its `#` to its end. */
  range: SourceRange;
}

/** A comment is a directive when it starts with one of these words (longest first, so `disable` does not take `disable-line`). */
const DIRECTIVE = /^#\s*beianlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/s;

/** A token of the yaml library's concrete syntax tree that is a comment, with its offset in the text. */
interface CommentToken {
  type: 'comment';
  offset: number;
  source: string;
}

function isComment(node: Record<string, unknown>): node is Record<string, unknown> & CommentToken {
  return node.type === 'comment' && typeof node.offset === 'number' && typeof node.source === 'string';
}

/**
 * Every comment token of a concrete syntax tree. The tree's comments sit in
 * several places (a document's start, an item's start or separator, a
 * collection's end), so the whole tree is walked; its depth is the
 * document's nesting, which the parser has already limited.
 */
function collectComments(node: unknown, out: CommentToken[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectComments(child, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const token = node as Record<string, unknown>;
  if (isComment(token)) {
    out.push(token);
    return;
  }
  for (const key of Object.keys(token)) {
    const child = token[key];
    if (child !== null && typeof child === 'object') collectComments(child, out);
  }
}

/** The directive a comment's text holds, or undefined for an ordinary comment. */
export function parseDirectiveComment(comment: string): Omit<Directive, 'range'> | undefined {
  const match = DIRECTIVE.exec(comment.trimEnd());
  if (!match) return undefined;
  const kind = match[1] as DirectiveKind;
  const rest = match[2]!;
  // As ESLint: a reason follows two or more dashes set off by whitespace.
  const separator = /\s-{2,}\s/.exec(rest + ' ');
  const list = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  const rules = list.split(/[\s,]+/).filter((r) => r !== '');
  return { kind, rules, ...(reason ? { reason } : {}) };
}

/**
 * The directives in a YAML text's comments, in text order. A text with no
 * mention of beianlint is not parsed at all: most files have none.
 * `text` is what the records were parsed from (its byte-order mark already
 * dropped), so positions agree with the messages'.
 */
export function yamlDirectives(text: string): Directive[] {
  if (!text.includes('beianlint-')) return [];
  const comments: CommentToken[] = [];
  for (const token of new (yaml().Parser)().parse(text)) collectComments(token, comments);
  const lines = new LineIndex(text);
  const directives: Directive[] = [];
  for (const comment of comments) {
    const directive = parseDirectiveComment(comment.source);
    if (directive) directives.push({ ...directive, range: lines.range(comment.offset, comment.offset + comment.source.length) });
  }
  return directives.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}
