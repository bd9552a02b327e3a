import type { Directive } from '../input/directives.js';
import { closestName } from '../schema/explain.js';
import type { Linter } from './linter.js';
import { compareMessages, type LintMessage } from './types.js';

// Applying a file's inline directives (src/input/directives.ts finds them)
// to its final messages, as ESLint does with `eslint-disable` comments and
// `reportUnusedDisableDirectives`: a message a directive covers is dropped,
// and a directive that covered nothing, or names no rule, is reported by the
// rule `unused-directive`. That rule, like `duplicate-key`, has no check: its
// messages are written here, and they are not themselves subject to the
// file's directives (ESLint's are not either).

/** The rule that reports directives that suppress nothing. */
export const UNUSED_DIRECTIVE_RULE = 'unused-directive';

/** One rule a directive names (or every rule, `undefined`), and whether it suppressed or enabled anything. */
interface DirectiveUse {
  directive: Directive;
  rule: string | undefined;
  used: boolean;
}

/** Which rules the range directives before a point of the file have turned off. */
interface RangeState {
  /** `beianlint-disable` with no rule, in force. */
  allOff?: DirectiveUse;
  /** Rules turned back on by name while every rule is off. */
  except: Set<string>;
  /** Rules turned off by name. */
  off: Map<string, DirectiveUse>;
}

/** A directive's own word, as its messages quote it. */
function wordOf(directive: Directive): string {
  return `beianlint-${directive.kind}`;
}

/**
 * The uses of each directive (one per rule it names), and a message for each
 * rule named that the rule set does not have: such a name suppresses
 * nothing, so it is reported instead of being counted unused.
 */
function usesOf(directives: readonly Directive[], linter: Linter): { uses: DirectiveUse[]; unknown: LintMessage[] } {
  const known = new Set(linter.knownRuleIds());
  const uses: DirectiveUse[] = [];
  const unknown: LintMessage[] = [];
  for (const directive of directives) {
    if (directive.rules.length === 0) uses.push({ directive, rule: undefined, used: false });
    for (const rule of new Set(directive.rules)) {
      if (known.has(rule)) {
        uses.push({ directive, rule, used: false });
        continue;
      }
      const guess = closestName(rule, known);
      const data = { directive: wordOf(directive), rule, ...(guess ? { guess } : {}) };
      const message = linter.sourceMessage(UNUSED_DIRECTIVE_RULE, { path: '', messageId: guess ? 'unknown-rule-guess' : 'unknown-rule', data }, directive.range);
      if (message) unknown.push(message);
    }
  }
  return { uses, unknown };
}

/** A range directive takes effect on the messages that start at or after its `#`. */
function isBefore(directive: Directive, m: LintMessage): boolean {
  return directive.range.line < m.line || (directive.range.line === m.line && directive.range.column <= m.column);
}

/** Applies one `beianlint-disable` or `beianlint-enable` use to the state; an enable that turns nothing back on stays unused. */
function applyRangeUse(state: RangeState, use: DirectiveUse): void {
  const { rule } = use;
  if (use.directive.kind === 'disable') {
    if (rule === undefined) {
      state.allOff = use;
      state.except.clear();
    } else {
      state.off.set(rule, use);
      state.except.delete(rule);
    }
    return;
  }
  if (rule === undefined) {
    use.used = state.allOff !== undefined || state.off.size > 0;
    state.allOff = undefined;
    state.except.clear();
    state.off.clear();
    return;
  }
  use.used = state.off.has(rule) || (state.allOff !== undefined && !state.except.has(rule));
  state.off.delete(rule);
  if (state.allOff) state.except.add(rule);
}

/** The range use that covers a message of `ruleId` now, if any. */
function rangeCover(state: RangeState, ruleId: string): DirectiveUse | undefined {
  return state.off.get(ruleId) ?? (state.allOff && !state.except.has(ruleId) ? state.allOff : undefined);
}

/** The line directives by the line they cover: a `disable-line` its own, a `disable-next-line` the one after. */
function lineUses(uses: readonly DirectiveUse[]): Map<number, DirectiveUse[]> {
  const byLine = new Map<number, DirectiveUse[]>();
  for (const use of uses) {
    const { kind, range } = use.directive;
    if (kind !== 'disable-line' && kind !== 'disable-next-line') continue;
    const line = kind === 'disable-line' ? range.line : range.endLine + 1;
    const list = byLine.get(line);
    if (list) list.push(use);
    else byLine.set(line, [use]);
  }
  return byLine;
}

/** The message a use that did nothing gets, or none while `unused-directive` is off. */
function unusedMessage(use: DirectiveUse, linter: Linter): LintMessage | undefined {
  const enable = use.directive.kind === 'enable';
  const messageId = enable ? (use.rule === undefined ? 'enable-any' : 'enable-rule') : use.rule === undefined ? 'disable-any' : 'default';
  const data = { directive: wordOf(use.directive), ...(use.rule !== undefined ? { rule: use.rule } : {}) };
  return linter.sourceMessage(UNUSED_DIRECTIVE_RULE, { path: '', messageId, data }, use.directive.range);
}

/**
 * A file's messages with its inline directives applied: the messages no
 * directive covers, and one `unused-directive` message for each rule a
 * directive names that covered nothing (or turned nothing back on), or
 * that is no rule. `messages` are in report order (compareMessages), as a
 * file's result holds them; so is what is returned. `linter` is the file's
 * own: it says which rules exist and whether `unused-directive` is on.
 */
export function applyDirectives(messages: readonly LintMessage[], directives: readonly Directive[], linter: Linter): LintMessage[] {
  if (directives.length === 0) return [...messages];
  const { uses, unknown } = usesOf(directives, linter);
  const byLine = lineUses(uses);
  const ranges = uses.filter((u) => u.directive.kind === 'disable' || u.directive.kind === 'enable');
  const state: RangeState = { except: new Set(), off: new Map() };
  const kept: LintMessage[] = [];
  let next = 0;
  for (const m of messages) {
    while (next < ranges.length && isBefore(ranges[next]!.directive, m)) applyRangeUse(state, ranges[next++]!);
    let covered = false;
    for (const use of byLine.get(m.line) ?? []) {
      if (use.rule === undefined || use.rule === m.ruleId) use.used = covered = true;
    }
    const range = rangeCover(state, m.ruleId);
    if (range) range.used = covered = true;
    if (!covered) kept.push(m);
  }
  // Enables after the last message still say whether they had anything to turn back on.
  while (next < ranges.length) applyRangeUse(state, ranges[next++]!);
  const reports = [...unknown];
  // A run over one period (--submitted-from/--submitted-to) lints only some records: a directive
  // on a record it left out covered nothing here, and would be called unused though it is not.
  for (const use of linter.period ? [] : uses) {
    const message = use.used ? undefined : unusedMessage(use, linter);
    if (message) reports.push(message);
  }
  if (reports.length === 0) return kept;
  return [...kept, ...reports].sort(compareMessages);
}
