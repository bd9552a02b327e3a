import { escapeControls } from '../engine/messages.js';

// No output prints a control character or a bidirectional override from a
// record (contract, "What the linter prints"): a message's text is escaped by
// the engine when it is made, and formatters escape everything else a record,
// the file system or a user rule file supplies — file names, filingId, paths,
// provider names, rule titles and clauses — as well as messages and rule ids
// again (a library caller may build results itself).

/** For text reports: each control or bidirectional character as `\uXXXX`. */
export const safeText = escapeControls;

// Characters JSON.stringify leaves raw: DEL, C1 controls, the bidirectional
// formatting characters, and the line and paragraph separators.
const JSON_UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const JSON_UNSAFE_ALL = new RegExp(JSON_UNSAFE.source, 'g');

/**
 * For JSON text (json, sarif): the same characters as JSON escapes. Only
 * strings can hold them, and `\uXXXX` there is the same character, so the
 * data a script reads is unchanged (a path still points at its key).
 */
export function safeJson(json: string): string {
  return JSON_UNSAFE.test(json) ? json.replace(JSON_UNSAFE_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/**
 * For XML text and attribute values (junit, checkstyle). Control and bidirectional characters are
 * written as `\uXXXX` text first, as in every other report, so the reader sees which one it was;
 * XML 1.0 cannot carry what is left of the characters it forbids (U+FFFE, U+FFFF, a lone
 * surrogate), which become U+FFFD.
 */
export function safeXml(text: string): string {
  return safeText(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
