/**
 * Comparing names: the owner's name against a document holder (二、(二)1.(5))
 * or a domain registrant, where the same name arrives typed through different
 * input methods, copied from certificates and registry lookups.
 *
 * What counts as the same name:
 * - Unicode NFKC: full-width letters, digits and （） fold to ASCII, as do the
 *   other compatibility forms IMEs produce.
 * - Invisible format characters (zero-width space/joiners, bidi marks, BOM,
 *   soft hyphen) are removed; they are copy-paste debris, never part of a name.
 * - Whitespace runs (U+3000 ideographic space included) collapse to one space,
 *   and the ends are trimmed.
 * - All bracket forms of GB/T 15834-2011 括号 — 圆括号 （）, 方括号 ［］,
 *   六角括号 〔〕, 方头括号 【】 (and hollow 〖〗) — fold to ASCII ( ). NFKC
 *   only folds （） and ［］; a registrar that prints 〔科技〕 or 【科技】 means the
 *   same parenthesised part of an enterprise name as （科技）.
 * - Interpuncts in transliterated names (·, ・, •, ‧, ⋅) fold to U+00B7, the
 *   间隔号 GB/T 15834 prescribes.
 *
 * For comparison only (nameKey), additionally: Latin case is folded
 * (passports print names in capitals), and whitespace is dropped except
 * between two letters/digits of a script that separates words with spaces,
 * so 张 三 = 张三 but John Smith ≠ JohnSmith.
 */

import { RecentResults } from './recent.js';

const FORMAT_CHARS = /\p{Cf}/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const OPEN_BRACKETS = /[\[\u3010\u3014\u3016]/g;
const CLOSE_BRACKETS = /[\]\u3011\u3015\u3017]/g;
const INTERPUNCTS = /[\u30fb\u2022\u2027\u22c5\u2219]/g;
const WHITESPACE = /\s+/g;

/** The display-normal form of a name; '' for non-string input. */
export function normalizeName(s: string): string {
  if (typeof s !== 'string') return '';
  return s
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFKC')
    .replace(FORMAT_CHARS, '')
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')')
    .replace(INTERPUNCTS, '\u00b7')
    .replace(WHITESPACE, ' ')
    .trim();
}

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function spaced(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c) && !UNSPACED.test(c);
}

/** The comparison key of a name (see the module comment). */
export function nameKey(s: string): string {
  if (typeof s !== 'string' || s.length > 256) return computeNameKey(s);
  // Several rules compare the owner's and the principal's names in each record: each key is made once.
  return recentKeys.get(s, computeNameKey);
}

const recentKeys = new RecentResults<string>();

// Most names in a batch are a run of common CJK ideographs, which every step
// of the key leaves as they are: NFKC does not touch U+4E00–U+9FFF (the
// compatibility ideographs lie elsewhere), and they have no case, no
// brackets, no spaces and no format characters.
const PLAIN_HAN = /^[\u4e00-\u9fff]+$/;

function computeNameKey(s: string): string {
  if (PLAIN_HAN.test(s)) return s;
  return keyOfNormalized(s);
}

/** The key by the full normalisation, without the plain-Han shortcut (tests hold the two equal). */
export function keyOfNormalized(s: string): string {
  // normalizeName leaves single spaces between non-space characters.
  const chars = Array.from(normalizeName(s).toLowerCase());
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c !== ' ') out += c;
    else if (spaced(chars[i - 1]) && spaced(chars[i + 1])) out += ' ';
  }
  return out;
}

/** Whether two names are the same after normalisation; an empty name matches nothing. */
export function sameName(a: string, b: string): boolean {
  const ka = nameKey(a);
  return ka !== '' && ka === nameKey(b);
}

// How the names of organisations end, in Chinese (有限公司, 人民政府, 研究所, 协会 …) and in
// Latin script (Co., Ltd, Inc, University …). A person's name rarely ends so; a name that
// does not is taken for a person's, so that in doubt a name is masked rather than printed.
const ORGANISATION_END = /(公司|集团|企业|合伙|政府|委员会|[局厅部委办署处室院校所会社馆站队团店厂行园学]|中心|[（(][^）)]*[）)])$/u;
const ORGANISATION_WORD = /\b(co|corp|corporation|company|ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|sa|university|college|institute|association|foundation|bureau|ministry|government)\b\.?/i;

/**
 * Whether a name reads as an organisation's rather than a natural person's:
 * for deciding whether a name found in a record (a domain registrant) is
 * personal data to mask.
 */
export function looksLikeOrganisationName(name: string): boolean {
  const s = normalizeName(name).trim();
  return ORGANISATION_END.test(s) || ORGANISATION_WORD.test(s);
}
