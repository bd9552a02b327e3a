// Does a notification SMS carry the content the notice prescribes?
//
// 二、(二)1.(2) gives the text of the SMS after pre-verification, but real SMS
// never match it character by character: carriers require a 【签名】 on every
// bulk SMS, providers add punctuation, a reason for a return, a reference or a
// polite closing, and write 一个月 for 1个月. What the notice fixes is what the
// owner is told (the result, the time limit, who must come, what to bring,
// where), so an SMS is compared with a list of required elements rather than
// with the whole text. Pure functions: the elements are the rule file's options.

/**
 * One piece of prescribed content: a spelling, or several accepted spellings
 * (the first is the one quoted when the element is missing).
 */
export type ContentElement = string | readonly string[];

// A carrier or provider signature at either end: 【某某云】, or [某某云] (what
// NFKC makes of full-width ［某某云］). Signatures are short (carriers allow a
// few characters up to about 16); the cap keeps a whole bracketed SMS from
// being taken for one.
const LEADING_SIGNATURE = /^\s*(?:【[^【】]{1,20}】|\[[^[\]]{1,20}\])/u;
const TRAILING_SIGNATURE = /(?:【[^【】]{1,20}】|\[[^[\]]{1,20}\])\s*$/u;

// Layout and punctuation carry no content: whitespace (the PDF's line breaks
// and spaces next to digits, U+3000), Chinese and ASCII punctuation, symbols
// (～, ＋, emoji) and invisible format characters (zero-width space).
const NOT_CONTENT = /[\s\p{P}\p{S}\p{Cf}]/gu;

/**
 * The comparable form of a piece of text: NFKC (full-width letters, digits and
 * brackets to their ASCII forms), without whitespace, punctuation or symbols,
 * with the numeral 一 written 1 (一个月 = 1个月; it is the one numeral of the
 * prescribed text) and the traditional forms of the elements' characters in
 * their simplified ones (FOLDS). Folding them everywhere is harmless because
 * text and elements are folded alike.
 */
export function foldSmsText(text: string): string {
  return text.normalize('NFKC').replace(NOT_CONTENT, '').replace(FOLDED, (c) => FOLDS[c] ?? c);
}

// Folded to one form: the numeral 一 to 1, and the traditional forms of the
// characters the prescribed elements are written with (網站負責人本人, 已通過預核驗,
// 1個月內, 證件原件, 備案現場, 沒有), since providers write to residents of Hong
// Kong, Macao and Taiwan in traditional script. Only these: the comparison
// needs them to meet, not a conversion of the whole text.
const FOLDS: Readonly<Record<string, string>> = {
  一: '1',
  過: '过',
  預: '预',
  驗: '验',
  個: '个',
  內: '内',
  網: '网',
  負: '负',
  責: '责',
  證: '证',
  備: '备',
  現: '现',
  場: '场',
  點: '点',
  沒: '没',
};
const FOLDED = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

/**
 * Removes one signature at the start and one at the end, then folds. One each:
 * a carrier puts one signature on an SMS, and since brackets are punctuation
 * to the comparison, taking away more could only take away content
 * (【已通过预核验】 is text in brackets, not a second signature).
 */
export function normalizeSms(text: string): string {
  let rest = text.normalize('NFKC');
  const leading = LEADING_SIGNATURE.exec(rest);
  if (leading) rest = rest.slice(leading[0].length);
  const trailing = TRAILING_SIGNATURE.exec(rest);
  if (trailing) rest = rest.slice(0, trailing.index);
  return foldSmsText(rest);
}

// A spelling that starts with a number (1个月内) is not found inside a larger
// number: 11个月内 or 21个月内 promise another time limit, and so does 十1个月内
// (十一个月内 after folding).
const NUMERAL = /[0-9十百千万两零〇]/u;

function startsWithDigit(spelling: string): boolean {
  const c = spelling.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function spellings(element: ContentElement): string[] {
  return typeof element === 'string' ? [element] : [...element];
}

/** The spelling quoted for an element: its first. */
export function elementLabel(element: ContentElement): string {
  return spellings(element)[0] ?? '';
}

/**
 * The elements the SMS does not carry, in the order given (each as given).
 *
 * Each element must occur in the normalized SMS at a place no other element
 * occupies: "核验" is then the 核验 of 办理核验手续, not the one inside
 * 已通过预核验. Longer elements claim their place first, since a short one
 * is likelier to sit inside a long one than the other way round; extra text
 * anywhere around them is allowed.
 */
export function missingContent(text: string, elements: readonly ContentElement[]): ContentElement[] {
  const sms = normalizeSms(text);
  const folded = elements.map((e) => spellings(e).map(foldSmsText));
  const longest = (i: number) => Math.max(0, ...folded[i]!.map((s) => s.length));
  const order = elements.map((_, i) => i).sort((a, b) => longest(b) - longest(a) || a - b);
  const claimed: Array<[number, number]> = [];
  const found = new Set<number>();
  const free = (start: number, end: number) => claimed.every(([s, e]) => end <= s || start >= e);
  for (const i of order) {
    for (const spelling of folded[i]!) {
      if (spelling === '') {
        found.add(i);
        break;
      }
      const fits = (at: number) => free(at, at + spelling.length) && !(startsWithDigit(spelling) && at > 0 && NUMERAL.test(sms[at - 1]!));
      let at = sms.indexOf(spelling);
      while (at !== -1 && !fits(at)) at = sms.indexOf(spelling, at + 1);
      if (at !== -1) {
        claimed.push([at, at + spelling.length]);
        found.add(i);
        break;
      }
    }
  }
  return elements.filter((_, i) => !found.has(i));
}
