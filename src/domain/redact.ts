/**
 * Masking personal data in linter output. The contract forbids printing a full
 * identity document number, phone number or email address unless the user
 * passes --no-redact; its examples are `110101********123X` and `138****5678`.
 * (Personal Information Protection Law art. 51: de-identify where the purpose
 * allows; a lint message only needs enough to find the field.)
 *
 * Every function masks at least one character of any non-blank input, whatever
 * its length, and never throws. Surrounding whitespace is dropped; unpaired
 * surrogates become U+FFFD so the output is well-formed for JSON.
 */
import { checkFixedLine, checkMobile } from './phone.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_INPUT = 4096;

function codePoints(s: unknown): string[] {
  if (typeof s !== 'string') return [];
  return Array.from(s.slice(0, MAX_INPUT).replace(LONE_SURROGATE, '\uFFFD').trim());
}

/**
 * Keeps at most `head` leading and `tail` trailing characters while masking at
 * least `minFraction` of them (and at least one).
 */
function maskKeeping(cs: string[], head: number, tail: number, minFraction: number): string {
  const n = cs.length;
  if (n === 0) return '';
  const minMasked = Math.max(1, Math.ceil(n * minFraction));
  const keep = Math.max(0, Math.min(head + tail, n - minMasked));
  const h = Math.min(head, Math.ceil(keep / 2));
  const t = Math.min(tail, keep - h);
  const h2 = Math.min(head, keep - t);
  return cs.slice(0, h2).join('') + '*'.repeat(n - h2 - t) + (t > 0 ? cs.slice(n - t).join('') : '');
}

/**
 * A document number of another kind (passport, permits, officer ID …): at most
 * the first 2 and last 2 characters shown, at least half masked.
 * `E12345678` → `E1*****78`, `AB12` → `A**2`, `X` → `*`.
 */
export function maskDocumentNumber(s: string): string {
  return maskKeeping(codePoints(s), 2, 2, 0.5);
}

/**
 * A citizen ID number as the contract prints it: first 6 (the issuing region)
 * and last 4 of 18 characters, so the birth date is hidden:
 * `11010119900307123X` → `110101********123X`. A 15-digit first-generation
 * number keeps 6 and 3, hiding its 6-digit birth date the same way. Any other
 * length is masked as a document number.
 */
export function maskIdNumber(s: string): string {
  const cs = codePoints(s);
  if (cs.length === 18) return cs.slice(0, 6).join('') + '*'.repeat(8) + cs.slice(14).join('');
  if (cs.length === 15) return cs.slice(0, 6).join('') + '*'.repeat(6) + cs.slice(12).join('');
  return maskKeeping(cs, 2, 2, 0.5);
}

function hasInternationalPrefix(s: string): boolean {
  const t = s.normalize('NFKC').trim();
  return /^\(?\+/.test(t) || /^00/.test(t.replace(/\D/g, ''));
}

/**
 * A phone number. A Chinese mobile keeps its first 3 (network) and last 4
 * digits: `138****5678`. A fixed line keeps its area code, which names a city,
 * and at most the last 4 of the subscriber digits, masking at least half:
 * `010-****3456`. A number given with +86/0086 is printed `+86 138****5678`.
 * Anything else: first 3 and last 4 digits at most, at least half of the
 * digits masked; text without digits is masked as a document number.
 * Extensions are dropped.
 */
export function maskPhone(s: string): string {
  const text = typeof s === 'string' ? s.slice(0, MAX_INPUT) : '';
  const intl = hasInternationalPrefix(text);
  const mobile = checkMobile(text);
  if (mobile.ok) {
    const d = mobile.national;
    return `${intl ? '+86 ' : ''}${d.slice(0, 3)}****${d.slice(7)}`;
  }
  const fixed = checkFixedLine(text);
  if (fixed.ok) {
    const local = Array.from(fixed.local);
    const shown = Math.min(4, Math.floor(local.length / 2));
    const masked = '*'.repeat(local.length - shown) + local.slice(local.length - shown).join('');
    return intl ? `+86 ${fixed.areaCode}-${masked}` : `0${fixed.areaCode}-${masked}`;
  }
  const cs = codePoints(text);
  const digits = cs.join('').normalize('NFKC').replace(/\D/g, '');
  if (digits.length === 0) return maskKeeping(cs, 2, 2, 0.5);
  const plus = cs.join('').normalize('NFKC').startsWith('+') ? '+' : '';
  return plus + maskKeeping(Array.from(digits), 3, 4, 0.5);
}

/**
 * An email address: the first character of the local part, the rest masked
 * (length kept), and the domain as given: `zhang.san@example.com` →
 * `z********@example.com`; a one-character local part is fully masked. Text
 * without a usable `@` is masked as a document number.
 */
export function maskEmail(s: string): string {
  const cs = codePoints(s);
  const text = cs.join('');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return maskKeeping(cs, 2, 2, 0.5);
  const local = Array.from(text.slice(0, at));
  const domain = text.slice(at + 1);
  const maskedLocal = local.length === 1 ? '*' : (local[0] ?? '') + '*'.repeat(local.length - 1);
  return `${maskedLocal}@${domain}`;
}

/**
 * 复姓 (compound surnames) of two characters: a name starting with one keeps
 * both, as 欧阳** (the contract's example), since the surname alone is what a
 * masked Chinese name shows. Simplified and traditional forms.
 */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫',
  '慕容', '长孙', '長孫', '宇文', '司徒', '令狐', '夏侯', '轩辕', '軒轅', '端木', '独孤', '獨孤', '南宫', '南宮',
  '西门', '西門', '百里', '呼延', '万俟', '萬俟', '司空', '闻人', '聞人', '澹台', '澹臺', '公冶', '太史', '申屠',
  '钟离', '鍾離', '濮阳', '濮陽', '淳于', '单于', '單于', '拓跋', '赫连', '赫連', '东郭', '東郭', '谷梁', '乐正',
  '樂正', '漆雕', '壤驷', '壤駟', '公良', '夹谷', '夾谷', '段干', '巫马', '巫馬', '公西', '左丘', '第五', '梁丘',
  '羊舌', '微生', '仲孙', '仲孫', '叔孙', '叔孫', '亓官', '司寇', '子车', '子車', '颛孙', '顓孫', '闾丘', '閭丘',
  '东门', '東門', '公羊', '鮮于', '宗政', '公户', '公玉', '公仪', '贺兰', '賀蘭',
]);

// Separators inside a name that are shown as they are: they carry no identity, and keeping
// them keeps the masked name's shape (买**·**, J*** S****).
const NAME_SEPARATOR = /^[\s\u00b7\u30fb\u2022\u2027\u22c5\u2219\-'’.,]$/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;

/**
 * A natural person's name, masked as Chinese practice masks names (张*,
 * 欧阳**): the first character is kept, two for a compound surname, and every
 * other character becomes `*`, so the length shows. A name written in Latin
 * letters keeps the first letter of each part (`John Smith` → `J*** S****`):
 * Latin names put the surname first or last, and initials are what such a
 * name is abbreviated to anyway. Separators (spaces, the 间隔号 ·, hyphens)
 * are kept. At least one character is always masked: a one-character name is
 * `*`, and a two-character name that is a compound surname keeps only one.
 */
export function maskPersonName(s: string): string {
  const cs = codePoints(s);
  const letters = cs.filter((c) => !NAME_SEPARATOR.test(c));
  if (letters.length === 0) return '';
  if (letters.length === 1) return cs.map((c) => (NAME_SEPARATOR.test(c) ? c : '*')).join('');
  const latin = letters.every((c) => LATIN_LETTER.test(c) || !/\p{L}/u.test(c));
  if (latin) {
    let partStart = true;
    const initials = cs
      .map((c) => {
        if (NAME_SEPARATOR.test(c)) {
          partStart = true;
          return c;
        }
        const shown = partStart;
        partStart = false;
        return shown ? c : '*';
      })
      .join('');
    // Initials only (`A. B.`): showing them all would show the whole name.
    if (initials.includes('*')) return initials;
  }
  const head = !latin && letters.length > 2 && COMPOUND_SURNAMES.has(letters[0]! + letters[1]!) ? 2 : 1;
  let seen = 0;
  return cs.map((c) => (NAME_SEPARATOR.test(c) ? c : seen++ < head ? c : '*')).join('');
}
