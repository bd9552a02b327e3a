// Fixes applied to a text: the edits the messages carry (LintMessage.fix),
// pass after pass, each pass linted again, as ESLint's --fix does. A pass
// applies every edit that overlaps none before it; an edit it leaves out is
// offered again by the next lint, if its problem is still there. Nothing is
// written here: the command line decides what becomes of the text.

import type { Linter, LintMessage, LintResult } from '../engine/index.js';
import type { SourceFormat } from '../input/index.js';
import { LineIndex } from '../input/line-index.js';
import { lintText } from './index.js';
import { messagesOf } from './message-store.js';

/** Passes over one text at most; a fix that keeps offering edits (it should not) stops here. */
export const MAX_FIX_PASSES = 10;

/** Replace [start, end) of a text (UTF-16 offsets) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** One pass: the text it started from and the edits it applied to it. */
export interface FixPass {
  before: string;
  edits: TextEdit[];
}

export interface FixedText {
  /** The text after the passes; the input as it was when nothing applied, or when fixing would add a problem. */
  output: string;
  /** The lint of `output`. */
  result: LintResult;
  /** The passes that changed the text, in order (none when `output` is the input). */
  passes: FixPass[];
  /**
   * A pass would have added a problem (one more of a rule at a path than
   * before): nothing is kept, as a file is never left worse than it was.
   */
  worsened: boolean;
}

/** A byte order mark is no column (see stripBom in src/input): positions are counted after it. */
function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Offsets of `text` to and from the positions messages give, which count after any byte order mark. */
function positionsIn(text: string): { offset(line: number, column: number): number | undefined; position(offset: number): { line: number; column: number } } {
  const bom = bomLength(text);
  const lines = new LineIndex(text.slice(bom));
  return {
    offset: (line, column) => {
      const at = lines.offset(line, column);
      return at === undefined ? undefined : at + bom;
    },
    position: (offset) => lines.position(offset - bom),
  };
}

/**
 * The edits of the messages' fixes, in text order, each starting at or after
 * the end of the one before (the first of overlapping edits, in position
 * order, is kept); a fix whose place is not in the text is left out.
 */
export function editsOf(text: string, messages: Iterable<LintMessage>): TextEdit[] {
  const positions = positionsIn(text);
  const edits: TextEdit[] = [];
  for (const m of messages) {
    const fix = m.fix;
    if (!fix) continue;
    const start = positions.offset(fix.line, fix.column);
    const end = positions.offset(fix.endLine, fix.endColumn);
    if (start === undefined || end === undefined || end < start) continue;
    if (text.slice(start, end) === fix.text) continue;
    edits.push({ start, end, text: fix.text });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let reached = -1;
  for (const edit of edits) {
    // Edits that merely touch are left apart too, as ESLint does: which goes first would change the text.
    if (kept.length > 0 && edit.start <= reached) continue;
    kept.push(edit);
    reached = edit.end;
  }
  return kept;
}

/** The text with the edits (in order, none overlapping) applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Problems counted by rule and path: what a fix may take away, never add to. */
function problemCounts(result: LintResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messagesOf(result)) {
    const key = `${m.ruleId}\u0000${m.record}\u0000${m.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function addsProblem(before: LintResult, after: LintResult): boolean {
  const was = problemCounts(before);
  for (const [key, count] of problemCounts(after)) if (count > (was.get(key) ?? 0)) return true;
  return false;
}

/**
 * Lints `text` with `linter` and applies its fixes, pass after pass, until a
 * lint offers none that changes the text, for `maxPasses` passes at most.
 * Each pass is linted as a text on its own (lintText): record and source
 * rules, and batch rules among the text's own records.
 */
export function fixText(text: string, options: { filePath: string; linter: Linter; format?: SourceFormat; maxPasses?: number }): FixedText {
  const lint = (source: string): LintResult => lintText(source, { filePath: options.filePath, linter: options.linter, ...(options.format ? { format: options.format } : {}) });
  const original = lint(text);
  let current = text;
  let result = original;
  const passes: FixPass[] = [];
  for (let pass = 0; pass < (options.maxPasses ?? MAX_FIX_PASSES); pass++) {
    const edits = editsOf(current, messagesOf(result));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    const nextResult = lint(next);
    if (addsProblem(result, nextResult)) return { output: text, result: original, passes: [], worsened: true };
    passes.push({ before: current, edits });
    current = next;
    result = nextResult;
  }
  return { output: current, result, passes, worsened: false };
}

/** Where an offset of a pass's text is in the text after it: moved by the edits before it; inside an edit, the edit's start. */
function movedOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= offset) shift += edit.text.length - (edit.end - edit.start);
    else if (edit.start < offset) return edit.start + shift;
    else break;
  }
  return offset + shift;
}

/**
 * A message about the text a fix started from, placed in the fixed text:
 * for the messages a lint of the fixed text alone cannot give (a batch rule
 * comparing it with other files), whose verdict a meaning-preserving fix
 * leaves as it was.
 */
export function movedThroughFixes(message: LintMessage, fixed: FixedText): LintMessage {
  let { line, column, endLine, endColumn } = message;
  for (let i = 0; i < fixed.passes.length; i++) {
    const { before, edits } = fixed.passes[i]!;
    const after = fixed.passes[i + 1]?.before ?? fixed.output;
    const from = positionsIn(before);
    const to = positionsIn(after);
    const start = from.offset(line, column);
    const end = from.offset(endLine, endColumn);
    if (start === undefined || end === undefined) continue;
    ({ line, column } = to.position(movedOffset(start, edits)));
    ({ line: endLine, column: endColumn } = to.position(movedOffset(end, edits)));
  }
  const { fix: _fix, ...rest } = message;
  return { ...rest, line, column, endLine, endColumn };
}
